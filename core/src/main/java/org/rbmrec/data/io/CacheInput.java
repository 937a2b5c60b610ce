package org.rbmrec.data.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Reads what {@link CacheOutput} wrote: little-endian primitives and arrays from the body of a
 * file (everything but its last 8 bytes), keeping a CRC-32C of the body, then the stored checksum.
 * A read past the body means the file is truncated and throws {@link CorruptCacheException}.
 */
final class CacheInput {
  private static final int BUFFER_SIZE = 1 << 22;

  private final FileChannel channel;
  private final long bodyEnd;
  private final ByteBuffer buffer;
  private final CRC32C crc = new CRC32C();
  private long offset;

  /** Reads {@code channel} from its start; {@code size} is the file's size. */
  CacheInput(FileChannel channel, long size) throws CorruptCacheException {
    if (size < 8) {
      throw new CorruptCacheException("the file is only " + size + " bytes long");
    }
    this.channel = channel;
    this.bodyEnd = size - 8;
    int capacity = (int) Math.max(64, Math.min(BUFFER_SIZE, size));
    this.buffer = ByteBuffer.allocateDirect(capacity).order(ByteOrder.LITTLE_ENDIAN);
    buffer.limit(0);
  }

  /** The number of body bytes not yet consumed. */
  long remaining() {
    return bodyEnd - offset + buffer.remaining();
  }

  byte getByte() throws IOException {
    need(1);
    return buffer.get();
  }

  int getInt() throws IOException {
    need(4);
    return buffer.getInt();
  }

  long getLong() throws IOException {
    need(8);
    return buffer.getLong();
  }

  double getDouble() throws IOException {
    need(8);
    return buffer.getDouble();
  }

  String getString(int maxBytes) throws IOException {
    int length = getInt();
    if (length < 0 || length > maxBytes || length > remaining()) {
      throw new CorruptCacheException("a string length is impossible: " + length);
    }
    byte[] bytes = new byte[length];
    getBytes(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  void getBytes(byte[] values) throws IOException {
    int done = 0;
    while (done < values.length) {
      need(1);
      int count = Math.min(buffer.remaining(), values.length - done);
      buffer.get(values, done, count);
      done += count;
    }
  }

  void getInts(int[] values) throws IOException {
    int done = 0;
    while (done < values.length) {
      need(4);
      int count = Math.min(buffer.remaining() / 4, values.length - done);
      buffer.asIntBuffer().get(values, done, count);
      buffer.position(buffer.position() + 4 * count);
      done += count;
    }
  }

  void getLongs(long[] values) throws IOException {
    int done = 0;
    while (done < values.length) {
      need(8);
      int count = Math.min(buffer.remaining() / 8, values.length - done);
      buffer.asLongBuffer().get(values, done, count);
      buffer.position(buffer.position() + 8 * count);
      done += count;
    }
  }

  /**
   * Checks that the whole body was consumed and that its CRC-32C equals the stored checksum.
   *
   * @throws CorruptCacheException if not
   */
  void verifyChecksum() throws IOException {
    if (remaining() != 0) {
      throw new CorruptCacheException(remaining() + " unexpected bytes after the data");
    }
    ByteBuffer trailer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    while (trailer.hasRemaining()) {
      if (channel.read(trailer, bodyEnd + trailer.position()) < 0) {
        throw new CorruptCacheException("the checksum is missing");
      }
    }
    long stored = trailer.getLong(0);
    if (stored != crc.getValue()) {
      throw new CorruptCacheException("the checksum does not match the contents");
    }
  }

  /** Makes at least {@code bytes} (≤ 8) bytes available in the buffer, reading more if needed. */
  private void need(int bytes) throws IOException {
    if (buffer.remaining() >= bytes) {
      return;
    }
    buffer.compact();
    while (buffer.position() < bytes) {
      long want = Math.min(buffer.remaining(), bodyEnd - offset);
      if (want <= 0) {
        throw new CorruptCacheException("the file is truncated");
      }
      int start = buffer.position();
      buffer.limit(start + (int) want);
      int read = channel.read(buffer, offset);
      if (read < 0) {
        throw new CorruptCacheException("the file is truncated");
      }
      offset += read;
      ByteBuffer fresh = buffer.duplicate();
      fresh.position(start).limit(start + read);
      crc.update(fresh);
      buffer.limit(buffer.capacity());
    }
    buffer.flip();
  }
}
