package org.rbmrec.data.io;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.rbmrec.data.RatingScale;

/**
 * How to read a delimited ratings file. A null separator, header or scale means "find out from
 * the file" (the reader reports what it found as a notice).
 *
 * @param separator the field separator, or null to sniff it from the first line
 * @param header whether the first non-blank line is a header; null to sniff (a first line whose
 *     rating field is not a number is a header)
 * @param userColumn 0-based position of the user id field, ≥ 0
 * @param itemColumn 0-based position of the item id field, ≥ 0
 * @param ratingColumn 0-based position of the rating field, ≥ 0
 * @param timestampColumn 0-based position of the timestamp field (whole seconds), or -1 when
 *     there is none; a file whose lines have fewer fields than this position simply has no
 *     timestamps
 * @param scale the rating scale, or null to infer it from the distinct values in the file
 * @param duplicates what to do with a (user, item) pair rated twice
 * @param charset the file's character set, used to show offending lines in messages (ids,
 *     ratings and timestamps are ASCII digits in any supported charset)
 */
public record ReaderOptions(
    Separator separator,
    Boolean header,
    int userColumn,
    int itemColumn,
    int ratingColumn,
    int timestampColumn,
    RatingScale scale,
    DuplicatePolicy duplicates,
    Charset charset) {

  /** The largest column position accepted (a line may have at most this many + 1 fields). */
  public static final int MAX_COLUMN = 63;

  public ReaderOptions {
    checkColumn("userColumn", userColumn);
    checkColumn("itemColumn", itemColumn);
    checkColumn("ratingColumn", ratingColumn);
    if (timestampColumn != -1) {
      checkColumn("timestampColumn", timestampColumn);
    }
    if (userColumn == itemColumn || userColumn == ratingColumn || itemColumn == ratingColumn
        || (timestampColumn >= 0 && (timestampColumn == userColumn
            || timestampColumn == itemColumn || timestampColumn == ratingColumn))) {
      throw new IllegalArgumentException(
          "column positions must be distinct, got user=" + userColumn + ", item=" + itemColumn
              + ", rating=" + ratingColumn + ", timestamp=" + timestampColumn);
    }
    Objects.requireNonNull(duplicates, "duplicates policy must not be null");
    Objects.requireNonNull(charset, "charset must not be null");
  }

  private static void checkColumn(String name, int column) {
    if (column < 0 || column > MAX_COLUMN) {
      throw new IllegalArgumentException(
          name + " must be in [0, " + MAX_COLUMN + "]" + (name.startsWith("timestamp")
              ? " or -1 for none" : "") + ", got " + column);
    }
  }

  /**
   * Sniff separator, header and scale; columns user, item, rating, timestamp in that order
   * (timestamp used when present); keep the latest of duplicate ratings; UTF-8.
   */
  public static ReaderOptions defaults() {
    return new ReaderOptions(
        null, null, 0, 1, 2, 3, null, DuplicatePolicy.KEEP_LATEST, StandardCharsets.UTF_8);
  }

  /** These options with the given separator (null to sniff). */
  public ReaderOptions withSeparator(Separator value) {
    return new ReaderOptions(value, header, userColumn, itemColumn, ratingColumn,
        timestampColumn, scale, duplicates, charset);
  }

  /** These options with the given header setting (null to sniff). */
  public ReaderOptions withHeader(Boolean value) {
    return new ReaderOptions(separator, value, userColumn, itemColumn, ratingColumn,
        timestampColumn, scale, duplicates, charset);
  }

  /** These options with the given column positions (timestamp -1 for none). */
  public ReaderOptions withColumns(int user, int item, int rating, int timestamp) {
    return new ReaderOptions(separator, header, user, item, rating, timestamp, scale,
        duplicates, charset);
  }

  /** These options with the given rating scale (null to infer). */
  public ReaderOptions withScale(RatingScale value) {
    return new ReaderOptions(separator, header, userColumn, itemColumn, ratingColumn,
        timestampColumn, value, duplicates, charset);
  }

  /** These options with the given duplicate policy. */
  public ReaderOptions withDuplicates(DuplicatePolicy value) {
    return new ReaderOptions(separator, header, userColumn, itemColumn, ratingColumn,
        timestampColumn, scale, value, charset);
  }

  /** These options with the given charset. */
  public ReaderOptions withCharset(Charset value) {
    return new ReaderOptions(separator, header, userColumn, itemColumn, ratingColumn,
        timestampColumn, scale, duplicates, value);
  }

  /** The number of fields a line must have at least: one past the highest required column. */
  int requiredFields() {
    return Math.max(userColumn, Math.max(itemColumn, ratingColumn)) + 1;
  }

  /**
   * A stable text naming every option, for cache keys: two option sets that read a file
   * differently have different fingerprints.
   */
  public String fingerprint() {
    return "sep=" + (separator == null ? "sniff" : separator.name())
        + ";header=" + (header == null ? "sniff" : header)
        + ";cols=" + userColumn + "," + itemColumn + "," + ratingColumn + "," + timestampColumn
        + ";scale=" + (scale == null ? "infer"
            : scale.min() + ".." + scale.max() + "/" + scale.step())
        + ";dup=" + duplicates.name() + ";charset=" + charset.name();
  }
}
