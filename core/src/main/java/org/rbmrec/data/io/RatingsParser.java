package org.rbmrec.data.io;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.rbmrec.data.DataException;
import org.rbmrec.data.IdIndex;
import org.rbmrec.data.MalformedDataException;
import org.rbmrec.data.RatingScale;
import org.rbmrec.data.Ratings;

/**
 * The state of one read of a delimited ratings file: fed one line at a time as a byte range, it
 * parses fields in place and grows primitive arrays. Used by {@link DelimitedRatingsReader}; not
 * thread-safe, not reusable.
 */
final class RatingsParser {
  private static final int MAX_FIELDS = ReaderOptions.MAX_COLUMN + 1;
  private static final int MAX_VALUE_TABLE = 1024;
  private static final double[] POW10 = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18
  };

  private final ReaderOptions options;
  private final String source;
  private final long sizeHint;
  private final List<String> notices = new ArrayList<>();

  // What the file looks like, fixed by its first lines.
  private Separator separator;
  private byte separatorByte;
  private boolean sniffed;
  private boolean headerPending;
  private String headerText;
  private int fieldCount;
  private boolean withTimestamps;

  // The current line.
  private long lineNumber;
  private byte[] lineBuffer;
  private int lineStart;
  private int lineEnd;
  private final int[] fieldStarts = new int[MAX_FIELDS + 1];
  private final int[] fieldEnds = new int[MAX_FIELDS + 1];

  // Ratings so far: dense user and item indices, value codes, timestamps.
  private final IdIndex.Builder userIds = new IdIndex.Builder("user");
  private final IdIndex.Builder itemIds = new IdIndex.Builder("item");
  private int capacity;
  private int[] users;
  private int[] items;
  private byte[] codes;
  private long[] timestamps;
  private int size;
  private long lastRawUser;
  private int lastUser = -1;
  private boolean groupedByUser = true;

  // Lines that held no rating (header, blank), as the rating count when each was met.
  private int[] skippedAt = new int[16];
  private int skippedCount;
  private long blankLines;

  // Distinct rating values → code (a level when the scale is declared, else a distinct index).
  private final long[] valueKeys = new long[2 * MAX_VALUE_TABLE];
  private final int[] valueCodes = new int[2 * MAX_VALUE_TABLE];
  private final double[] distinctValues = new double[RatingScale.MAX_LEVELS];
  private int valueTableSize;

  RatingsParser(ReaderOptions options, String source, long sizeHint) {
    this.options = options;
    this.source = source;
    this.sizeHint = sizeHint;
    this.separator = options.separator();
    this.headerPending = Boolean.TRUE.equals(options.header());
    Arrays.fill(valueCodes, -1);
  }

  /** Looks at the first bytes of the file to size the arrays from the average line length. */
  void sample(byte[] b, int from, int to) {
    if (capacity > 0 || sizeHint <= 0) {
      return;
    }
    int lines = 0;
    for (int i = from; i < to; i++) {
      if (b[i] == '\n') {
        lines++;
      }
    }
    if (lines > 0) {
      double average = (double) (to - from) / lines;
      long estimate = (long) (sizeHint / average * 1.02) + 64;
      capacity = (int) Math.min(Integer.MAX_VALUE - 16, estimate);
    }
  }

  /** The number of lines seen so far. */
  long lineNumber() {
    return lineNumber;
  }

  /** Parses the line {@code b[from, to)}, without its {@code \n}. */
  void line(byte[] b, int from, int to) {
    lineNumber++;
    if (to > from && b[to - 1] == '\r') {
      to--;
    }
    lineBuffer = b;
    lineStart = from;
    lineEnd = to;
    if (isBlank(b, from, to)) {
      blankLines++;
      markSkipped();
      return;
    }
    if (!sniffed) {
      sniff(b, from, to);
    }
    if (headerPending) {
      headerPending = false;
      headerText = lineText();
      markSkipped();
      return;
    }
    int count = split(b, from, to);
    if (fieldCount == 0) {
      firstDataLine(count);
    } else if (count != fieldCount) {
      throw malformed("expected " + fieldCount + " fields separated by "
          + describe(separator) + " (as on the first data line), found " + count);
    }
    long rawUser = parseInteger(b, fieldStarts[options.userColumn()],
        fieldEnds[options.userColumn()], "user id");
    long rawItem = parseInteger(b, fieldStarts[options.itemColumn()],
        fieldEnds[options.itemColumn()], "item id");
    double value = parseRating(b, fieldStarts[options.ratingColumn()],
        fieldEnds[options.ratingColumn()]);
    int code = codeOf(value);
    long timestamp = withTimestamps
        ? parseInteger(b, fieldStarts[options.timestampColumn()],
            fieldEnds[options.timestampColumn()], "timestamp (whole seconds)")
        : 0;
    if (size == capacity) {
      grow();
    }
    int user;
    if (rawUser == lastRawUser && lastUser >= 0) {
      user = lastUser;
    } else {
      int before = userIds.size();
      user = userIds.intern(rawUser);
      if (user < before) {
        groupedByUser = false;
      }
      lastRawUser = rawUser;
      lastUser = user;
    }
    users[size] = user;
    items[size] = itemIds.intern(rawItem);
    codes[size] = (byte) code;
    if (withTimestamps) {
      timestamps[size] = timestamp;
    }
    size++;
  }

  /** The ratings read, after the scale is settled and duplicates resolved. */
  LoadedRatings finish() {
    if (size == 0) {
      throw new DataException(headerText != null
          ? source + " has a header line but no ratings: expected lines of "
              + "user,item,rating[,timestamp] after it"
          : source + " is empty: expected lines of user,item,rating[,timestamp]");
    }
    if (blankLines > 0) {
      notices.add(source + ": skipped " + blankLines + " blank line" + (blankLines == 1 ? "" : "s"));
    }
    int n = size;
    users = shrink(users, n);
    items = shrink(items, n);
    codes = shrink(codes, n);
    if (timestamps != null) {
      timestamps = shrink(timestamps, n);
    }
    RatingScale scale = options.scale();
    if (scale == null) {
      scale = inferScale();
      byte[] levelOfCode = new byte[valueTableSize];
      for (int c = 0; c < valueTableSize; c++) {
        levelOfCode[c] = (byte) scale.level(distinctValues[c]);
      }
      for (int i = 0; i < n; i++) {
        codes[i] = levelOfCode[codes[i]];
      }
    }
    resolveDuplicates();
    return new LoadedRatings(
        Ratings.of(users, items, codes, timestamps, userIds.build(), itemIds.build(), scale),
        ItemTitles.empty(), notices, source);
  }

  // ---- structure: separator, header, fields ----

  private void sniff(byte[] b, int from, int to) {
    sniffed = true;
    if (separator == null) {
      separator = sniffSeparator(b, from, to);
      notices.add(source + ": separator " + describe(separator) + " (sniffed)");
    }
    separatorByte = (byte) separator.text().charAt(0);
    if (options.header() == null) {
      int count = split(b, from, to);
      // A line whose user and item fields are integers is data even if its rating is bad
      // ("1,1,NaN"): it fails with a message instead of being dropped as a header.
      if (count > options.ratingColumn()
          && !looksNumeric(b, fieldStarts[options.ratingColumn()],
              fieldEnds[options.ratingColumn()])
          && !(count >= options.requiredFields()
              && looksInteger(b, fieldStarts[options.userColumn()],
                  fieldEnds[options.userColumn()])
              && looksInteger(b, fieldStarts[options.itemColumn()],
                  fieldEnds[options.itemColumn()]))) {
        headerPending = true;
        notices.add(source + ": first line is a header (sniffed): \"" + lineText() + "\"");
      }
    }
  }

  private static Separator sniffSeparator(byte[] b, int from, int to) {
    boolean tab = false;
    boolean comma = false;
    boolean semicolon = false;
    boolean pipe = false;
    for (int i = from; i < to; i++) {
      byte c = b[i];
      if (c == ':' && i + 1 < to && b[i + 1] == ':') {
        return Separator.DOUBLE_COLON;
      }
      tab |= c == '\t';
      comma |= c == ',';
      semicolon |= c == ';';
      pipe |= c == '|';
    }
    if (tab) {
      return Separator.TAB;
    }
    if (comma) {
      return Separator.COMMA;
    }
    if (semicolon) {
      return Separator.SEMICOLON;
    }
    return pipe ? Separator.PIPE : Separator.WHITESPACE;
  }

  private void firstDataLine(int count) {
    if (count < options.requiredFields()) {
      throw malformed("expected at least " + options.requiredFields() + " fields (user "
          + options.userColumn() + ", item " + options.itemColumn() + ", rating "
          + options.ratingColumn() + ", 0-based) separated by " + describe(separator)
          + ", found " + count);
    }
    fieldCount = count;
    withTimestamps = options.timestampColumn() >= 0 && options.timestampColumn() < count;
    if (options.timestampColumn() >= 0 && !withTimestamps) {
      notices.add(source + ": lines have " + count + " fields, no timestamp column "
          + options.timestampColumn() + "; ratings have no timestamps");
    }
    if (capacity <= 0) {
      capacity = 1 << 12;
    }
    users = new int[capacity];
    items = new int[capacity];
    codes = new byte[capacity];
    timestamps = withTimestamps ? new long[capacity] : null;
  }

  /** Splits the line into fields; returns their number (MAX_FIELDS + 1 means too many). */
  private int split(byte[] b, int from, int to) {
    int count = 0;
    if (separator == Separator.WHITESPACE) {
      int i = from;
      while (i < to && isSpace(b[i])) {
        i++;
      }
      while (i < to) {
        int start = i;
        while (i < to && !isSpace(b[i])) {
          i++;
        }
        if (count == MAX_FIELDS) {
          throw tooManyFields();
        }
        fieldStarts[count] = start;
        fieldEnds[count++] = i;
        while (i < to && isSpace(b[i])) {
          i++;
        }
      }
      return count;
    }
    boolean doubleColon = separator == Separator.DOUBLE_COLON;
    byte sep = separatorByte;
    int start = from;
    for (int i = from; i < to; i++) {
      if (b[i] == sep && (!doubleColon || (i + 1 < to && b[i + 1] == sep))) {
        if (count == MAX_FIELDS) {
          throw tooManyFields();
        }
        fieldStarts[count] = start;
        fieldEnds[count++] = i;
        if (doubleColon) {
          i++;
        }
        start = i + 1;
      }
    }
    if (count == MAX_FIELDS) {
      throw tooManyFields();
    }
    fieldStarts[count] = start;
    fieldEnds[count++] = to;
    return count;
  }

  private MalformedDataException tooManyFields() {
    return malformed("expected at most " + MAX_FIELDS + " fields separated by "
        + describe(separator));
  }

  // ---- numbers ----

  private long parseInteger(byte[] b, int from, int to, String what) {
    while (from < to && isSpace(b[from])) {
      from++;
    }
    while (to > from && isSpace(b[to - 1])) {
      to--;
    }
    int i = from;
    boolean negative = false;
    if (i < to && (b[i] == '-' || b[i] == '+')) {
      negative = b[i] == '-';
      i++;
    }
    if (i == to || to - i > 18) {
      return parseLongSlowly(b, from, to, what);
    }
    long value = 0;
    for (; i < to; i++) {
      int digit = b[i] - '0';
      if (digit < 0 || digit > 9) {
        throw notA("an integer " + what, b, from, to);
      }
      value = value * 10 + digit;
    }
    return negative ? -value : value;
  }

  private long parseLongSlowly(byte[] b, int from, int to, String what) {
    String text = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw notA("an integer " + what, b, from, to);
    }
  }

  private double parseRating(byte[] b, int from, int to) {
    while (from < to && isSpace(b[from])) {
      from++;
    }
    while (to > from && isSpace(b[to - 1])) {
      to--;
    }
    int i = from;
    boolean negative = false;
    if (i < to && (b[i] == '-' || b[i] == '+')) {
      negative = b[i] == '-';
      i++;
    }
    long mantissa = 0;
    int digits = 0;
    int fraction = 0;
    boolean point = false;
    for (; i < to; i++) {
      int c = b[i];
      int digit = c - '0';
      if (digit >= 0 && digit <= 9 && digits < 18) {
        mantissa = mantissa * 10 + digit;
        digits++;
        if (point) {
          fraction++;
        }
      } else if (c == '.' && !point) {
        point = true;
      } else {
        return parseRatingSlowly(b, from, to);
      }
    }
    if (digits == 0) {
      return parseRatingSlowly(b, from, to);
    }
    double value = fraction == 0 ? mantissa : mantissa / POW10[fraction];
    return checkSign(negative ? -value : value, b, from, to);
  }

  /** Long mantissas and exponents; rejects NaN, infinities and Java's suffixes and hex forms. */
  private double parseRatingSlowly(byte[] b, int from, int to) {
    String text = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.contains("nan") || lower.contains("inf")) {
      throw malformed("a rating must be a finite number, found \"" + text + "\"");
    }
    boolean digit = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      digit |= c >= '0' && c <= '9';
      if (!(c >= '0' && c <= '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
        throw notA("a numeric rating", b, from, to);
      }
    }
    if (!digit) {
      throw notA("a numeric rating", b, from, to);
    }
    try {
      double value = Double.parseDouble(text);
      if (!Double.isFinite(value)) {
        throw malformed("a rating must be a finite number, found \"" + text + "\"");
      }
      return checkSign(value, b, from, to);
    } catch (NumberFormatException e) {
      throw notA("a numeric rating", b, from, to);
    }
  }

  private double checkSign(double value, byte[] b, int from, int to) {
    if (value < 0 && (options.scale() == null || options.scale().min() >= 0)) {
      throw malformed("a rating must not be negative, found \""
          + new String(b, from, to - from, StandardCharsets.ISO_8859_1) + "\"");
    }
    return value + 0.0; // turns -0.0 into 0.0
  }

  /** Whether the trimmed field looks like a number (used to recognise a header line). */
  private static boolean looksNumeric(byte[] b, int from, int to) {
    boolean digit = false;
    for (int i = from; i < to; i++) {
      int c = b[i];
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E' && !isSpace(b[i])) {
        return false;
      }
    }
    return digit;
  }

  /** Whether the trimmed field is an optionally signed run of digits. */
  private static boolean looksInteger(byte[] b, int from, int to) {
    while (from < to && isSpace(b[from])) {
      from++;
    }
    while (to > from && isSpace(b[to - 1])) {
      to--;
    }
    if (from < to && (b[from] == '-' || b[from] == '+')) {
      from++;
    }
    if (from == to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (b[i] < '0' || b[i] > '9') {
        return false;
      }
    }
    return true;
  }

  // ---- rating values and scale ----

  /** The code of {@code value}: its level on a declared scale, else its distinct index. */
  private int codeOf(double value) {
    long key = Double.doubleToRawLongBits(value);
    int mask = valueKeys.length - 1;
    long h = key * 0x9E3779B97F4A7C15L;
    int slot = (int) (h ^ (h >>> 32)) & mask;
    while (true) {
      int code = valueCodes[slot];
      if (code < 0) {
        break;
      }
      if (valueKeys[slot] == key) {
        return code;
      }
      slot = (slot + 1) & mask;
    }
    RatingScale scale = options.scale();
    int code;
    if (scale != null) {
      code = scale.levelOrMinusOne(value);
      if (code < 0) {
        throw malformed("rating " + fmt(value) + " is not on the scale " + scale.describe());
      }
      if (valueTableSize == MAX_VALUE_TABLE) {
        return code; // pathological number of spellings: stop caching, still correct
      }
    } else {
      if (valueTableSize == RatingScale.MAX_LEVELS) {
        throw malformed("more than " + RatingScale.MAX_LEVELS + " distinct rating values: not a"
            + " discrete rating scale; give the scale explicitly");
      }
      code = valueTableSize;
      distinctValues[code] = value;
    }
    valueTableSize++;
    valueKeys[slot] = key;
    valueCodes[slot] = code;
    return code;
  }

  /** The scale inferred from the distinct values, reported as a notice. */
  private RatingScale inferScale() {
    double[] values = Arrays.copyOf(distinctValues, valueTableSize);
    RatingScale scale = ScaleInference.infer(values, source);
    notices.add(source + ": rating scale " + scale.describe() + " (inferred from "
        + values.length + " distinct value" + (values.length == 1 ? "" : "s") + ")");
    return scale;
  }

  // ---- duplicates ----

  /**
   * Finds (user, item) pairs rated more than once, visiting ratings user by user in file order,
   * and keeps the latest (by timestamp, then by position) or fails, as the policy says.
   */
  private void resolveDuplicates() {
    int n = size;
    int numItems = itemIds.size();
    int[] order = groupedByUser ? null : orderByUser(n);
    int[] seenBy = new int[numItems]; // user + 1 who last rated the item in this pass
    int[] seenAt = new int[numItems]; // the kept rating of that (user, item)
    boolean[] drop = null;
    int dropped = 0;
    for (int p = 0; p < n; p++) {
      int i = order == null ? p : order[p];
      int item = items[i];
      int mark = users[i] + 1;
      if (seenBy[item] != mark) {
        seenBy[item] = mark;
        seenAt[item] = i;
        continue;
      }
      int earlier = seenAt[item];
      if (options.duplicates() == DuplicatePolicy.ERROR) {
        throw new MalformedDataException(source, lineOf(i), "user "
            + userIds.build().rawId(users[i]) + " rated item " + itemIds.build().rawId(item)
            + " again (first on line " + lineOf(earlier) + "); duplicates are not allowed", null);
      }
      if (drop == null) {
        drop = new boolean[n];
      }
      if (timestamps != null && timestamps[earlier] > timestamps[i]) {
        drop[i] = true;
      } else {
        drop[earlier] = true;
        seenAt[item] = i;
      }
      dropped++;
    }
    if (dropped == 0) {
      return;
    }
    notices.add(source + ": " + dropped + " duplicate (user, item) rating" + (dropped == 1
        ? " was" : "s were") + " dropped, keeping the latest by timestamp (then by position)");
    int kept = n - dropped;
    int[] u = new int[kept];
    int[] it = new int[kept];
    byte[] c = new byte[kept];
    long[] t = timestamps == null ? null : new long[kept];
    for (int i = 0, j = 0; i < n; i++) {
      if (!drop[i]) {
        u[j] = users[i];
        it[j] = items[i];
        c[j] = codes[i];
        if (t != null) {
          t[j] = timestamps[i];
        }
        j++;
      }
    }
    users = u;
    items = it;
    codes = c;
    timestamps = t;
    size = kept;
  }

  /** Rating positions ordered by user, stably (a counting sort). */
  private int[] orderByUser(int n) {
    int[] start = new int[userIds.size() + 1];
    for (int i = 0; i < n; i++) {
      start[users[i] + 1]++;
    }
    for (int u = 0; u < userIds.size(); u++) {
      start[u + 1] += start[u];
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[start[users[i]]++] = i;
    }
    return order;
  }

  /** The 1-based line of rating {@code index}, counting the header and blank lines before it. */
  private long lineOf(int index) {
    int lo = 0;
    int hi = skippedCount;
    while (lo < hi) { // number of skipped lines met when at most `index` ratings were read
      int mid = (lo + hi) >>> 1;
      if (skippedAt[mid] <= index) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return index + 1L + lo;
  }

  private void markSkipped() {
    if (skippedCount == skippedAt.length) {
      skippedAt = Arrays.copyOf(skippedAt, skippedCount * 2);
    }
    skippedAt[skippedCount++] = size;
  }

  // ---- storage ----

  private void grow() {
    int newCapacity = (int) Math.min(Integer.MAX_VALUE - 16, capacity + (capacity >> 1) + 16);
    if (newCapacity <= capacity) {
      throw new DataException(source + ": too many ratings (more than " + capacity + ")");
    }
    capacity = newCapacity;
    users = Arrays.copyOf(users, capacity);
    items = Arrays.copyOf(items, capacity);
    codes = Arrays.copyOf(codes, capacity);
    if (timestamps != null) {
      timestamps = Arrays.copyOf(timestamps, capacity);
    }
  }

  private static int[] shrink(int[] a, int n) {
    return a.length == n ? a : Arrays.copyOf(a, n);
  }

  private static byte[] shrink(byte[] a, int n) {
    return a.length == n ? a : Arrays.copyOf(a, n);
  }

  private static long[] shrink(long[] a, int n) {
    return a.length == n ? a : Arrays.copyOf(a, n);
  }

  // ---- messages ----

  private MalformedDataException notA(String expected, byte[] b, int from, int to) {
    String found = new String(b, from, to - from, options.charset());
    return malformed("expected " + expected + ", found \"" + found + "\"");
  }

  private MalformedDataException malformed(String problem) {
    return new MalformedDataException(source, lineNumber, problem, lineText());
  }

  private String lineText() {
    return new String(lineBuffer, lineStart, lineEnd - lineStart, options.charset());
  }

  private static String describe(Separator separator) {
    return separator == Separator.WHITESPACE || separator == Separator.TAB
        ? separator.label() : "\"" + separator.label() + "\"";
  }

  private static String fmt(double x) {
    return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
  }

  private static boolean isSpace(byte c) {
    return c == ' ' || c == '\t';
  }

  private static boolean isBlank(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isSpace(b[i])) {
        return false;
      }
    }
    return true;
  }
}
