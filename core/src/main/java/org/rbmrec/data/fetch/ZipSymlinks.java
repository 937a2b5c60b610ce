package org.rbmrec.data.fetch;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * Finds the entries of a zip that are Unix symbolic links, which {@link java.util.zip.ZipFile}
 * does not report. It reads the central directory: an entry made on Unix (high byte of "version
 * made by" is 3) whose external attributes hold the file type {@code S_IFLNK} (0120000 in the
 * upper 16 bits) is a link.
 *
 * <p>Best effort: when the central directory cannot be found or parsed, the answer is empty and
 * {@code ZipFile} is left to report the damage.
 */
final class ZipSymlinks {
  private static final int EOCD_SIG = 0x06054b50;
  private static final int EOCD_LEN = 22;
  private static final int ZIP64_LOCATOR_SIG = 0x07064b50;
  private static final int ZIP64_EOCD_SIG = 0x06064b50;
  private static final int CENTRAL_SIG = 0x02014b50;
  private static final int CENTRAL_LEN = 46;
  private static final int UNIX_HOST = 3;
  private static final int S_IFMT = 0170000;
  private static final int S_IFLNK = 0120000;
  private static final long MAX_CENTRAL_BYTES = 64L << 20;

  private ZipSymlinks() {}

  /** The names of the entries of {@code zip} that are symbolic links. */
  static Set<String> find(Path zip) throws IOException {
    try (FileChannel ch = FileChannel.open(zip, StandardOpenOption.READ)) {
      long size = ch.size();
      int tailLen = (int) Math.min(size, EOCD_LEN + 0xFFFF);
      if (tailLen < EOCD_LEN) {
        return Set.of();
      }
      long tailStart = size - tailLen;
      ByteBuffer tail = read(ch, tailStart, tailLen);
      int eocd = -1;
      for (int i = tailLen - EOCD_LEN; i >= 0; i--) {
        if (tail.getInt(i) == EOCD_SIG) {
          eocd = i;
          break;
        }
      }
      if (eocd < 0) {
        return Set.of();
      }
      long eocdPos = tailStart + eocd;
      long cdSize = Integer.toUnsignedLong(tail.getInt(eocd + 12));
      long cdStart = eocdPos - cdSize;
      boolean zip64 = (tail.getShort(eocd + 10) & 0xFFFF) == 0xFFFF || cdSize == 0xFFFFFFFFL
          || Integer.toUnsignedLong(tail.getInt(eocd + 16)) == 0xFFFFFFFFL;
      if (zip64) {
        if (eocdPos < 20) {
          return Set.of();
        }
        ByteBuffer locator = read(ch, eocdPos - 20, 20);
        if (locator.getInt(0) != ZIP64_LOCATOR_SIG) {
          return Set.of();
        }
        long recordPos = locator.getLong(8);
        if (recordPos < 0 || recordPos > size - 56) {
          return Set.of();
        }
        ByteBuffer record = read(ch, recordPos, 56);
        if (record.getInt(0) != ZIP64_EOCD_SIG) {
          return Set.of();
        }
        cdSize = record.getLong(40);
        cdStart = record.getLong(48);
      }
      if (cdSize < 0 || cdSize > MAX_CENTRAL_BYTES || cdStart < 0 || cdStart + cdSize > size) {
        return Set.of();
      }
      return scan(read(ch, cdStart, (int) cdSize));
    }
  }

  private static Set<String> scan(ByteBuffer cd) {
    Set<String> links = new HashSet<>();
    int p = 0;
    while (p + CENTRAL_LEN <= cd.limit() && cd.getInt(p) == CENTRAL_SIG) {
      int madeBy = cd.getShort(p + 4) & 0xFFFF;
      int nameLen = cd.getShort(p + 28) & 0xFFFF;
      int extraLen = cd.getShort(p + 30) & 0xFFFF;
      int commentLen = cd.getShort(p + 32) & 0xFFFF;
      int mode = cd.getInt(p + 38) >>> 16;
      if (p + CENTRAL_LEN + nameLen > cd.limit()) {
        break;
      }
      if ((madeBy >>> 8) == UNIX_HOST && (mode & S_IFMT) == S_IFLNK) {
        byte[] name = new byte[nameLen];
        cd.get(p + CENTRAL_LEN, name);
        links.add(new String(name, StandardCharsets.UTF_8));
      }
      p += CENTRAL_LEN + nameLen + extraLen + commentLen;
    }
    return links;
  }

  private static ByteBuffer read(FileChannel ch, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    while (buffer.hasRemaining()) {
      if (ch.read(buffer, position + buffer.position()) < 0) {
        throw new EOFException("zip ends early");
      }
    }
    return buffer.flip();
  }
}
