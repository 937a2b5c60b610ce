package org.rbmrec.data.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads a zip entry and checks it: {@link ZipFile#getInputStream} does not compare the bytes it
 * returns with the entry's CRC-32, so a damaged zip can yield different content without an error.
 * The stream returned here computes the CRC-32 and the length of what it returns and, when it
 * reaches the end, throws a {@link ZipException} naming the entry if either differs from what the
 * zip's directory records. Readers that read to the end therefore never return damaged content.
 */
public final class ZipEntryInput {
  private ZipEntryInput() {}

  /** The checked content of {@code entry} of {@code zip}. */
  public static InputStream open(ZipFile zip, ZipEntry entry) throws IOException {
    return new Checked(zip.getInputStream(entry), entry);
  }

  private static final class Checked extends FilterInputStream {
    private final ZipEntry entry;
    private final CRC32 crc = new CRC32();
    private long length;
    private boolean verified;

    Checked(InputStream in, ZipEntry entry) {
      super(in);
      this.entry = entry;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b < 0) {
        verify();
      } else {
        crc.update(b);
        length++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) throws IOException {
      int n = in.read(buffer, offset, count);
      if (n < 0) {
        verify();
      } else {
        crc.update(buffer, offset, n);
        length += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      byte[] scratch = new byte[(int) Math.min(n, 8192)];
      long skipped = 0;
      while (skipped < n) {
        int r = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
        if (r < 0) {
          break;
        }
        skipped += r;
      }
      return skipped;
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    private void verify() throws ZipException {
      if (verified) {
        return;
      }
      verified = true;
      if (entry.getSize() >= 0 && entry.getSize() != length) {
        throw new ZipException("entry " + entry.getName() + " is damaged: it holds " + length
            + " bytes, the zip records " + entry.getSize());
      }
      if (entry.getCrc() >= 0 && entry.getCrc() != crc.getValue()) {
        throw new ZipException("entry " + entry.getName() + " is damaged: its CRC-32 is "
            + Long.toHexString(crc.getValue()) + ", the zip records "
            + Long.toHexString(entry.getCrc()));
      }
    }
  }
}
