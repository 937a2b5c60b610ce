package org.rbmrec.data.synth;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.rbmrec.data.DataException;
import org.rbmrec.data.Ratings;
import org.rbmrec.progress.Progress;

/**
 * Writes ratings as an ml-20m-style CSV: the header {@code userId,movieId,rating,timestamp}, then
 * one line per rating in the set's order, with raw ids, the rating value as a decimal
 * ({@code 3.5}, {@code 4.0}) and seconds since the epoch. Ratings without timestamps get the
 * header {@code userId,movieId,rating} and three columns.
 *
 * <p>Formatting is done by hand into a byte buffer: no {@code String} per line.
 */
public final class CsvRatingsWriter {
  private static final int BUFFER_BYTES = 1 << 16;
  private static final int PROGRESS_STEP = 1 << 20;

  private CsvRatingsWriter() {}

  /**
   * Writes {@code ratings} to {@code csv}, replacing it.
   *
   * @throws DataException if the file cannot be written
   */
  public static void write(Ratings ratings, Path csv, Progress progress) {
    int n = ratings.size();
    long[] userIds = ratings.userIds().rawIds();
    long[] itemIds = ratings.itemIds().rawIds();
    byte[][] values = levelTexts(ratings);
    boolean timed = ratings.hasTimestamps();
    progress.start("writing " + csv.getFileName(), n, "rating");
    try (OutputStream out = Files.newOutputStream(csv)) {
      byte[] buffer = new byte[BUFFER_BYTES];
      String header = timed ? "userId,movieId,rating,timestamp\n" : "userId,movieId,rating\n";
      byte[] head = header.getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(head, 0, buffer, 0, head.length);
      int p = head.length;
      for (int i = 0; i < n; i++) {
        if (p > BUFFER_BYTES - 80) {
          out.write(buffer, 0, p);
          p = 0;
        }
        p = putLong(buffer, p, userIds[ratings.user(i)]);
        buffer[p++] = ',';
        p = putLong(buffer, p, itemIds[ratings.item(i)]);
        buffer[p++] = ',';
        byte[] value = values[ratings.level(i)];
        System.arraycopy(value, 0, buffer, p, value.length);
        p += value.length;
        if (timed) {
          buffer[p++] = ',';
          p = putLong(buffer, p, ratings.timestamp(i));
        }
        buffer[p++] = '\n';
        if ((i + 1) % PROGRESS_STEP == 0) {
          progress.advance(PROGRESS_STEP);
        }
      }
      out.write(buffer, 0, p);
      progress.advance(n % PROGRESS_STEP);
    } catch (IOException e) {
      throw new DataException("cannot write ratings to " + csv + ": " + e.getMessage(), e);
    } finally {
      progress.finish();
    }
  }

  /** The ASCII text of each level's value, e.g. {@code "3.5"}, {@code "4.0"}. */
  private static byte[][] levelTexts(Ratings ratings) {
    double[] values = ratings.scale().values();
    byte[][] texts = new byte[values.length][];
    for (int k = 0; k < values.length; k++) {
      double rounded = Math.round(values[k] * 1e6) / 1e6;
      texts[k] = Double.toString(rounded).getBytes(StandardCharsets.US_ASCII);
    }
    return texts;
  }

  /** Writes the decimal digits of {@code value} at {@code p}; returns the next position. */
  static int putLong(byte[] buffer, int p, long value) {
    if (value < 0) {
      if (value == Long.MIN_VALUE) {
        byte[] text = Long.toString(value).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, buffer, p, text.length);
        return p + text.length;
      }
      buffer[p++] = '-';
      value = -value;
    }
    int digits = 1;
    for (long v = value; v >= 10; v /= 10) {
      digits++;
    }
    int end = p + digits;
    for (int q = end - 1; q >= p; q--) {
      buffer[q] = (byte) ('0' + value % 10);
      value /= 10;
    }
    return end;
  }
}
