package org.rbmrec.data.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Writes little-endian primitives and arrays to a channel through one direct buffer, keeping a
 * CRC-32C of everything written. Used by {@link RatingsCache}.
 */
final class CacheOutput {
  private static final int BUFFER_SIZE = 1 << 20;

  private final FileChannel channel;
  private final ByteBuffer buffer =
      ByteBuffer.allocateDirect(BUFFER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
  private final CRC32C crc = new CRC32C();

  CacheOutput(FileChannel channel) {
    this.channel = channel;
  }

  void putByte(int value) throws IOException {
    room(1);
    buffer.put((byte) value);
  }

  void putInt(int value) throws IOException {
    room(4);
    buffer.putInt(value);
  }

  void putLong(long value) throws IOException {
    room(8);
    buffer.putLong(value);
  }

  void putDouble(double value) throws IOException {
    room(8);
    buffer.putDouble(value);
  }

  void putString(String value) throws IOException {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    putInt(bytes.length);
    putBytes(bytes);
  }

  void putBytes(byte[] values) throws IOException {
    int offset = 0;
    while (offset < values.length) {
      room(1);
      int count = Math.min(buffer.remaining(), values.length - offset);
      buffer.put(values, offset, count);
      offset += count;
    }
  }

  void putInts(int[] values) throws IOException {
    int offset = 0;
    while (offset < values.length) {
      room(4);
      int count = Math.min(buffer.remaining() / 4, values.length - offset);
      buffer.asIntBuffer().put(values, offset, count);
      buffer.position(buffer.position() + 4 * count);
      offset += count;
    }
  }

  void putLongs(long[] values) throws IOException {
    int offset = 0;
    while (offset < values.length) {
      room(8);
      int count = Math.min(buffer.remaining() / 8, values.length - offset);
      buffer.asLongBuffer().put(values, offset, count);
      buffer.position(buffer.position() + 8 * count);
      offset += count;
    }
  }

  /** Writes the CRC-32C of everything so far as a long, and flushes. */
  void finishWithChecksum() throws IOException {
    flush();
    long checksum = crc.getValue();
    buffer.putLong(checksum);
    buffer.flip();
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    buffer.clear();
  }

  private void room(int bytes) throws IOException {
    if (buffer.remaining() < bytes) {
      flush();
    }
  }

  private void flush() throws IOException {
    buffer.flip();
    crc.update(buffer.duplicate());
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    buffer.clear();
  }
}
