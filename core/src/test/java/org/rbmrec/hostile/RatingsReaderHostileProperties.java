package org.rbmrec.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.rbmrec.data.DataException;
import org.rbmrec.data.MalformedDataException;
import org.rbmrec.data.RatingScale;
import org.rbmrec.data.Ratings;
import org.rbmrec.data.io.DelimitedRatingsReader;
import org.rbmrec.data.io.LoadedRatings;
import org.rbmrec.data.io.ReaderOptions;
import org.rbmrec.data.io.Separator;
import org.rbmrec.progress.Progress;

/**
 * Hostile input to the generic ratings reader: random bytes, random near-ratings text, files cut
 * at any byte, the wrong separator, ids beyond {@code long}, ratings that are negative, not
 * finite or off the declared scale. Every case ends in a result that matches the file or in a
 * {@link DataException} whose message names the source (and, for a bad line, its number).
 *
 * <p>Documented behaviour: a file cut inside the digits of its last field is indistinguishable
 * from a well-formed file and reads as such (the last rating then holds the shorter number).
 */
class RatingsReaderHostileProperties {
  private static final String SOURCE = "hostile.csv";

  private static LoadedRatings read(byte[] bytes, ReaderOptions options) {
    return new DelimitedRatingsReader(options).read(
        new ByteArrayInputStream(bytes), SOURCE, bytes.length, Progress.NONE);
  }

  private static LoadedRatings read(String text, ReaderOptions options) {
    return read(text.getBytes(StandardCharsets.UTF_8), options);
  }

  /** Either the read succeeds or it fails with a DataException naming the source. */
  private static LoadedRatings readOrCheckFailure(byte[] bytes, ReaderOptions options) {
    try {
      return read(bytes, options);
    } catch (DataException e) {
      assertThat(e.getMessage()).startsWith(SOURCE);
      if (e instanceof MalformedDataException m) {
        assertThat(m.lineNumber()).isBetween(1L, bytes.length + 1L);
        assertThat(e.getMessage()).startsWith(SOURCE + ":" + m.lineNumber() + ": ");
      }
      return null;
    }
  }

  private static void assertConsistent(Ratings r) {
    assertThat(r.size()).isPositive();
    for (int i = 0; i < r.size(); i++) {
      assertThat(r.level(i)).isBetween(0, r.scale().levels() - 1);
      assertThat(r.value(i)).isFinite().isBetween(r.scale().min(), r.scale().max());
    }
  }

  @Property(tries = 200)
  void randomBytesGiveRatingsOrADataException(@ForAll @Size(max = 400) byte[] bytes) {
    LoadedRatings loaded = readOrCheckFailure(bytes, ReaderOptions.defaults());
    if (loaded != null) {
      assertConsistent(loaded.ratings());
    }
  }

  @Provide
  Arbitrary<String> nearRatings() {
    Arbitrary<Character> ch = Arbitraries.of('0', '1', '2', '3', '4', '5', '9', ',', ',', '\t',
        ' ', ':', ';', '|', '.', '-', '+', 'e', 'E', 'N', 'a', 'n', 'I', 'f', '\n', '\n', '\r',
        '\u00ef', '#', 'x');
    return ch.list().ofMaxSize(200).map(chars -> {
      StringBuilder sb = new StringBuilder();
      chars.forEach(sb::append);
      return sb.toString();
    });
  }

  @Property(tries = 300)
  void nearRatingsTextGivesRatingsOrAClearError(@ForAll("nearRatings") String text) {
    LoadedRatings loaded =
        readOrCheckFailure(text.getBytes(StandardCharsets.UTF_8), ReaderOptions.defaults());
    if (loaded != null) {
      assertConsistent(loaded.ratings());
    }
  }

  private static final String WELL_FORMED =
      "user,item,rating,time\n"
          + "1,10,4,978300760\n"
          + "1,20,3.5,978302109\n"
          + "2,10,5,978301968\n"
          + "3000000000,30,1,978300275\n"
          + "2,40,2.5,978824291\n";

  /** The complete rating lines of WELL_FORMED before byte {@code cut}. */
  private static int completeLinesBefore(int cut) {
    int lines = 0;
    for (int i = 0; i < cut; i++) {
      if (WELL_FORMED.charAt(i) == '\n') {
        lines++;
      }
    }
    return Math.max(0, lines - 1); // minus the header
  }

  @Property(tries = 200)
  void aFileCutAtAnyByteKeepsEveryCompleteLineExactlyOrNamesTheCutLine(
      @ForAll @IntRange(min = 0, max = 119) int cutAt) {
    int cut = Math.min(cutAt, WELL_FORMED.length());
    byte[] bytes = WELL_FORMED.substring(0, cut).getBytes(StandardCharsets.US_ASCII);
    Ratings full = read(WELL_FORMED, ReaderOptions.defaults()).ratings();
    int complete = completeLinesBefore(cut);
    Throwable thrown = catchThrowable(() -> read(bytes, ReaderOptions.defaults()));
    if (thrown != null) {
      assertThat(thrown).isInstanceOf(DataException.class);
      assertThat(thrown.getMessage()).startsWith(SOURCE);
      if (thrown instanceof MalformedDataException m) {
        // The header is line 1; cut inside it, it is not recognised and line 1 is the bad one.
        boolean headerWhole = cut > WELL_FORMED.indexOf('\n');
        assertThat(m.lineNumber()).isEqualTo(headerWhole ? complete + 2L : 1L);
      } else {
        assertThat(complete).isZero(); // "empty" or "header but no ratings"
      }
      return;
    }
    Ratings r = read(bytes, ReaderOptions.defaults()).ratings();
    assertThat(r.size()).isBetween(complete, complete + 1);
    for (int i = 0; i < complete; i++) {
      assertThat(r.userIds().rawId(r.user(i))).isEqualTo(full.userIds().rawId(full.user(i)));
      assertThat(r.itemIds().rawId(r.item(i))).isEqualTo(full.itemIds().rawId(full.item(i)));
      assertThat(r.value(i)).isEqualTo(full.value(i));
      assertThat(r.timestamp(i)).isEqualTo(full.timestamp(i));
    }
  }

  @Property(tries = 100)
  void anExplicitWrongSeparatorFailsOnTheFirstLineNamingIt(
      @ForAll Separator written, @ForAll Separator declared) {
    Assume.that(written != declared);
    // Tabs are whitespace: a tab file read as whitespace-separated is read correctly.
    Assume.that(!(written == Separator.TAB && declared == Separator.WHITESPACE));
    String sep = written == Separator.WHITESPACE ? " " : written.text();
    String text = "1" + sep + "10" + sep + "4\n2" + sep + "20" + sep + "3\n";
    Throwable thrown = catchThrowable(
        () -> read(text, ReaderOptions.defaults().withSeparator(declared)));
    assertThat(thrown).isInstanceOf(MalformedDataException.class)
        .hasMessageStartingWith(SOURCE + ":1: expected at least 3 fields")
        .hasMessageContaining(declared == Separator.WHITESPACE || declared == Separator.TAB
            ? declared.label() : "\"" + declared.label() + "\"");
  }

  @Property(tries = 100)
  void aLineWithAnotherSeparatorIsNamed(
      @ForAll Separator first, @ForAll Separator other,
      @ForAll @IntRange(min = 2, max = 6) int badLine) {
    Assume.that(first != other && first != Separator.WHITESPACE
        && !(first == Separator.TAB && other == Separator.WHITESPACE));
    StringBuilder text = new StringBuilder();
    for (int line = 1; line <= 6; line++) {
      String sep = line == badLine
          ? (other == Separator.WHITESPACE ? " " : other.text()) : first.text();
      text.append(line).append(sep).append(line * 10).append(sep).append(3).append('\n');
    }
    Throwable thrown = catchThrowable(() -> read(text.toString(), ReaderOptions.defaults()));
    assertThat(thrown).isInstanceOf(MalformedDataException.class)
        .hasMessageStartingWith(SOURCE + ":" + badLine + ": expected 3 fields");
  }

  @Provide
  Arbitrary<BigInteger> hugeOrOrdinaryIds() {
    Arbitrary<BigInteger> near = Arbitraries.bigIntegers().between(
        BigInteger.valueOf(Long.MAX_VALUE).subtract(BigInteger.TEN),
        BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.TEN));
    Arbitrary<BigInteger> nearMin = near.map(b -> b.negate().subtract(BigInteger.ONE));
    Arbitrary<BigInteger> beyondInt = Arbitraries.longs()
        .between(Integer.MAX_VALUE - 5L, 1L << 40).map(BigInteger::valueOf);
    Arbitrary<BigInteger> enormous = Arbitraries.bigIntegers()
        .between(BigInteger.TEN.pow(19), BigInteger.TEN.pow(60));
    return Arbitraries.oneOf(near, nearMin, beyondInt, enormous);
  }

  @Property(tries = 200)
  void idsWithinLongAreKeptExactlyAndIdsBeyondAreNamed(
      @ForAll("hugeOrOrdinaryIds") BigInteger user, @ForAll("hugeOrOrdinaryIds") BigInteger item,
      @ForAll @IntRange(min = 1, max = 3) int line) {
    List<String> lines = new ArrayList<>(List.of("1,1,3", "2,2,4", "3,3,5"));
    lines.set(line - 1, user + "," + item + ",4");
    String text = String.join("\n", lines) + "\n";
    boolean fits = fitsLong(user) && fitsLong(item);
    if (!fits) {
      String what = fitsLong(user) ? "item id" : "user id";
      assertThat(catchThrowable(() -> read(text, ReaderOptions.defaults())))
          .isInstanceOf(MalformedDataException.class)
          .hasMessageStartingWith(SOURCE + ":" + line + ": expected an integer " + what);
      return;
    }
    Ratings r = read(text, ReaderOptions.defaults()).ratings();
    int at = line - 1;
    assertThat(r.userIds().rawId(r.user(at))).isEqualTo(user.longValueExact());
    assertThat(r.itemIds().rawId(r.item(at))).isEqualTo(item.longValueExact());
  }

  private static boolean fitsLong(BigInteger b) {
    return b.bitLength() < 64;
  }

  @Provide
  Arbitrary<String> nonFiniteOrNegativeRatings() {
    return Arbitraries.oneOf(
        Arbitraries.of("NaN", "nan", "-NaN", "Infinity", "-Infinity", "inf", "+inf", "1e400",
            "-1e400", "Inf", "0x1p3", "4f", "4d", "4,5", "", " ", "--1", "1..5", "1e", "e5"),
        Arbitraries.doubles().between(-1e6, -1e-3).ofScale(4).map(d -> Double.toString(d)),
        Arbitraries.integers().between(-1000, -1).map(i -> Integer.toString(i)));
  }

  @Property(tries = 150)
  void negativeNonFiniteOrNonNumericRatingsAreNamed(
      @ForAll("nonFiniteOrNegativeRatings") String rating,
      @ForAll @IntRange(min = 1, max = 3) int line) {
    List<String> lines = new ArrayList<>(List.of("1\t1\t3", "2\t2\t4", "3\t3\t5"));
    lines.set(line - 1, line + "\t" + line + "\t" + rating);
    String text = String.join("\n", lines) + "\n";
    // Tab separator given: an empty or blank rating field is still a field.
    Throwable thrown = catchThrowable(
        () -> read(text, ReaderOptions.defaults().withSeparator(Separator.TAB)));
    assertThat(thrown).isInstanceOf(MalformedDataException.class)
        .hasMessageStartingWith(SOURCE + ":" + line + ": ");
    assertThat(thrown.getMessage()).containsAnyOf("rating", "fields");
  }

  @Property(tries = 150)
  void ratingsOffTheDeclaredScaleAreNamed(
      @ForAll @IntRange(min = -50, max = 150) int tenths,
      @ForAll @IntRange(min = 1, max = 3) int line) {
    double value = tenths / 10.0;
    RatingScale scale = RatingScale.HALF_STARS;
    List<String> lines = new ArrayList<>(List.of("1,1,3", "2,2,4", "3,3,5"));
    lines.set(line - 1, line + "," + line + "," + value);
    String text = String.join("\n", lines) + "\n";
    ReaderOptions options = ReaderOptions.defaults().withScale(scale);
    if (scale.levelOrMinusOne(value) >= 0) {
      Ratings r = read(text, options).ratings();
      assertThat(r.value(line - 1)).isEqualTo(value);
    } else {
      assertThat(catchThrowable(() -> read(text, options)))
          .isInstanceOf(MalformedDataException.class)
          .hasMessageStartingWith(SOURCE + ":" + line + ": ");
    }
  }

  @Property(tries = 150)
  void anInferredScaleHoldsEveryValueExactlyOrTheFileIsRefused(
      @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 100_000) Integer> hundredths) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < hundredths.size(); i++) {
      text.append(i).append(',').append(i).append(',')
          .append(hundredths.get(i) / 100.0).append('\n');
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
    LoadedRatings loaded = readOrCheckFailure(bytes, ReaderOptions.defaults());
    if (loaded == null) {
      return;
    }
    Ratings r = loaded.ratings();
    for (int i = 0; i < hundredths.size(); i++) {
      assertThat(r.value(i)).isCloseTo(hundredths.get(i) / 100.0,
          org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  @Example
  void aLineLongerThanTheLimitIsRefusedWithoutReadingItAll() {
    byte[] bytes = new byte[(1 << 26) + 16];
    java.util.Arrays.fill(bytes, (byte) '7');
    assertThat(catchThrowable(() -> read(bytes, ReaderOptions.defaults())))
        .isInstanceOf(MalformedDataException.class)
        .hasMessageStartingWith(SOURCE + ":1: a line is longer than");
  }
}
