package org.rbmrec.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rbmrec.data.DataException;
import org.rbmrec.data.MalformedDataException;
import org.rbmrec.data.RatingScale;
import org.rbmrec.data.Ratings;
import org.rbmrec.progress.Progress;

class DelimitedRatingsReaderTest {
  @TempDir Path dir;

  private Path file(String name, String content) throws IOException {
    Path path = dir.resolve(name);
    Files.writeString(path, content, StandardCharsets.UTF_8);
    return path;
  }

  private LoadedRatings read(String content) throws IOException {
    return read(ReaderOptions.defaults(), content);
  }

  private LoadedRatings read(ReaderOptions options, String content) throws IOException {
    return new DelimitedRatingsReader(options).read(file("r.txt", content), Progress.NONE);
  }

  private static double value(Ratings r, long user, long item) {
    int u = r.userIds().index(user);
    int i = r.itemIds().index(item);
    for (int j = 0; j < r.size(); j++) {
      if (r.user(j) == u && r.item(j) == i) {
        return r.value(j);
      }
    }
    return Double.NaN;
  }

  static Stream<Arguments> separatedFiles() {
    return Stream.of(
        Arguments.of("tab", "1\t10\t4\t100\n2\t10\t3\t200\n2\t11\t5\t300\n"),
        Arguments.of("\"::\"", "1::10::4::100\n2::10::3::200\n2::11::5::300\n"),
        Arguments.of("\",\"", "1,10,4,100\n2,10,3,200\n2,11,5,300\n"),
        Arguments.of("\";\"", "1;10;4;100\n2;10;3;200\n2;11;5;300\n"),
        Arguments.of("\"|\"", "1|10|4|100\n2|10|3|200\n2|11|5|300\n"),
        Arguments.of("whitespace", "  1  10 4 100\n2 10   3 200  \n2  11 5 300\n"));
  }

  @ParameterizedTest(name = "separator {0}")
  @MethodSource("separatedFiles")
  void sniffsEachSeparator(String label, String content) throws IOException {
    LoadedRatings loaded = read(content);
    Ratings r = loaded.ratings();
    assertThat(r.size()).isEqualTo(3);
    assertThat(r.numUsers()).isEqualTo(2);
    assertThat(value(r, 2, 11)).isEqualTo(5.0);
    assertThat(r.timestamp(2)).isEqualTo(300);
    assertThat(loaded.notices()).anyMatch(n -> n.contains("separator " + label + " (sniffed)"));
  }

  @Test
  void sniffsAHeaderWhoseRatingFieldIsNotNumeric() throws IOException {
    LoadedRatings loaded = read("userId,movieId,rating,timestamp\n1,2,3.5,10\n1,3,4.0,11\n");
    assertThat(loaded.ratings().size()).isEqualTo(2);
    assertThat(loaded.notices())
        .anyMatch(n -> n.contains("header") && n.contains("userId,movieId,rating,timestamp"));
  }

  @Test
  void firstLineIsDataWhenItsRatingIsNumeric() throws IOException {
    LoadedRatings loaded = read("7,2,3\n8,3,4\n");
    assertThat(loaded.ratings().size()).isEqualTo(2);
    assertThat(loaded.notices()).noneMatch(n -> n.contains("header"));
  }

  @Test
  void declaredHeaderIsSkippedEvenIfNumeric() throws IOException {
    LoadedRatings loaded =
        read(ReaderOptions.defaults().withHeader(true), "1,2,3\n7,8,4\n");
    assertThat(loaded.ratings().size()).isEqualTo(1);
    assertThat(loaded.ratings().userIds().rawId(0)).isEqualTo(7);
  }

  @Test
  void declaredNoHeaderMakesATextFirstLineAnError() {
    assertThatThrownBy(() -> read(ReaderOptions.defaults().withHeader(false),
        "user,item,rating\n1,2,3\n"))
        .isInstanceOf(MalformedDataException.class)
        .hasMessageContaining("r.txt:1: expected an integer user id, found \"user\"");
  }

  @Test
  void infersWholeStarScaleWithFiveLevels() throws IOException {
    LoadedRatings loaded = read("1,1,1\n1,2,2\n1,3,3\n2,1,4\n2,2,5\n");
    assertThat(loaded.ratings().scale()).isEqualTo(new RatingScale(1, 5, 1));
    assertThat(loaded.ratings().scale().levels()).isEqualTo(5);
    assertThat(loaded.notices()).anyMatch(n -> n.contains("rating scale 1..5 step 1 (5 levels)"));
  }

  @Test
  void infersHalfStarScaleWithTenLevels() throws IOException {
    LoadedRatings loaded = read("1,1,0.5\n1,2,2.0\n1,3,3.5\n2,1,5.0\n2,2,4\n");
    RatingScale scale = loaded.ratings().scale();
    assertThat(scale.min()).isEqualTo(0.5);
    assertThat(scale.max()).isEqualTo(5.0);
    assertThat(scale.step()).isEqualTo(0.5);
    assertThat(scale.levels()).isEqualTo(10);
    assertThat(value(loaded.ratings(), 1, 3)).isEqualTo(3.5);
  }

  @Test
  void ratingOffTheDeclaredScaleNamesValueScaleAndLine() {
    assertThatThrownBy(() -> read(ReaderOptions.defaults().withScale(RatingScale.STARS_1_TO_5),
        "1,1,5\n1,2,4\n1,3,6\n"))
        .isInstanceOf(MalformedDataException.class)
        .hasMessageContaining("r.txt:3: rating 6 is not on the scale 1..5 step 1 (5 levels)")
        .hasMessageContaining("in line \"1,3,6\"");
  }

  @Test
  void halfStarOnWholeStarScaleIsRejected() {
    assertThatThrownBy(() -> read(ReaderOptions.defaults().withScale(RatingScale.STARS_1_TO_5),
        "1,1,3.5\n"))
        .hasMessageContaining("rating 3.5 is not on the scale 1..5 step 1");
  }

  @Test
  void wrongFieldCountNamesFileLineAndText() throws IOException {
    Path path = file("bad.csv", "1,2,3\n1,3,4\n1,4\n");
    assertThatThrownBy(() -> new DelimitedRatingsReader().read(path, Progress.NONE))
        .isInstanceOfSatisfying(MalformedDataException.class, e -> {
          assertThat(e.lineNumber()).isEqualTo(3);
          assertThat(e.source()).isEqualTo(path.toString());
        })
        .hasMessageContaining(path + ":3: expected 3 fields")
        .hasMessageContaining("found 2 in line \"1,4\"");
  }

  @Test
  void tooFewFieldsOnTheFirstLineIsAnError() {
    assertThatThrownBy(() -> read("1,2\n"))
        .isInstanceOf(MalformedDataException.class)
        .hasMessageContaining(":1: expected at least 3 fields");
  }

  @Test
  void nonNumericRatingNamesFileLineAndText() throws IOException {
    Path path = file("ratings.csv", "1,2,3\n4,5,abc\n");
    assertThatThrownBy(() -> new DelimitedRatingsReader().read(path, Progress.NONE))
        .isInstanceOf(MalformedDataException.class)
        .hasMessage(path + ":2: expected a numeric rating, found \"abc\" in line \"4,5,abc\"");
  }

  @Test
  void nonIntegerIdIsMalformed() {
    assertThatThrownBy(() -> read("1,2,3\n1.5,2,3\n"))
        .isInstanceOf(MalformedDataException.class)
        .hasMessageContaining(":2: expected an integer user id, found \"1.5\"");
    assertThatThrownBy(() -> read("1,2,3\n1,x7,3\n"))
        .hasMessageContaining(":2: expected an integer item id, found \"x7\"");
  }

  @Test
  void nonIntegerTimestampIsMalformed() {
    assertThatThrownBy(() -> read("1,2,3,100\n1,3,3,soon\n"))
        .isInstanceOf(MalformedDataException.class)
        .hasMessageContaining(":2: expected an integer timestamp");
  }

  @Test
  void negativeRatingIsRejected() {
    assertThatThrownBy(() -> read("1,2,3\n1,3,-1\n"))
        .isInstanceOf(MalformedDataException.class)
        .hasMessageContaining(":2: a rating must not be negative, found \"-1\"");
  }

  @Test
  void negativeRatingIsAcceptedOnADeclaredNegativeScale() throws IOException {
    LoadedRatings loaded =
        read(ReaderOptions.defaults().withScale(new RatingScale(-2, 2, 1)), "1,2,-2\n1,3,2\n");
    assertThat(value(loaded.ratings(), 1, 2)).isEqualTo(-2.0);
  }

  @Test
  void nanAndInfiniteRatingsAreRejected() {
    assertThatThrownBy(() -> read("1,2,3\n1,3,NaN\n"))
        .isInstanceOf(MalformedDataException.class)
        .hasMessageContaining(":2: a rating must be a finite number, found \"NaN\"");
    assertThatThrownBy(() -> read("1,2,3\n1,2,Infinity\n"))
        .hasMessageContaining("a rating must be a finite number");
  }

  @Test
  void emptyFileIsAClearError() throws IOException {
    Path path = file("empty.csv", "");
    assertThatThrownBy(() -> new DelimitedRatingsReader().read(path, Progress.NONE))
        .isInstanceOf(DataException.class)
        .hasMessage(path + " is empty: expected lines of user,item,rating[,timestamp]");
  }

  @Test
  void fileOfBlankLinesIsEmpty() {
    assertThatThrownBy(() -> read("\n  \n\r\n"))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("is empty");
  }

  @Test
  void headerOnlyFileIsAClearError() {
    assertThatThrownBy(() -> read("userId,movieId,rating,timestamp\n"))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("has a header line but no ratings");
  }

  @Test
  void missingFileSuggestsFetching() {
    Path missing = dir.resolve("nope.csv");
    assertThatThrownBy(() -> new DelimitedRatingsReader().read(missing, Progress.NONE))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("ratings file not found: " + missing)
        .hasMessageContaining("run `rbmrec data fetch NAME`")
        .hasMessageContaining("ml-100k");
  }

  @Test
  void duplicatesKeepTheLatestByTimestampAndAreCounted() throws IOException {
    LoadedRatings loaded = read(
        "1,2,3,100\n1,3,4,5\n1,2,5,50\n2,2,1,7\n1,2,2,100\n1,3,1,6\n");
    Ratings r = loaded.ratings();
    assertThat(r.size()).isEqualTo(3);
    // (1,2): timestamps 100, 50, 100 -> the later of the two at 100, value 2.
    assertThat(value(r, 1, 2)).isEqualTo(2.0);
    // (1,3): timestamps 5 then 6 -> value 1.
    assertThat(value(r, 1, 3)).isEqualTo(1.0);
    assertThat(loaded.notices()).anyMatch(n -> n.contains("3 duplicate (user, item) ratings"));
  }

  @Test
  void duplicatesWithoutTimestampsKeepTheLastOccurrence() throws IOException {
    LoadedRatings loaded = read("1,2,3\n1,2,5\n1,4,2\n1,2,4\n");
    assertThat(loaded.ratings().size()).isEqualTo(2);
    assertThat(value(loaded.ratings(), 1, 2)).isEqualTo(4.0);
    assertThat(loaded.notices()).anyMatch(n -> n.contains("2 duplicate"));
  }

  @Test
  void duplicatesAreFoundWhenUsersAreInterleaved() throws IOException {
    LoadedRatings loaded = read("1,2,3,1\n2,2,5,1\n1,3,2,1\n2,2,4,9\n1,2,1,0\n");
    Ratings r = loaded.ratings();
    assertThat(r.size()).isEqualTo(3);
    assertThat(value(r, 2, 2)).isEqualTo(4.0);
    assertThat(value(r, 1, 2)).isEqualTo(3.0);
    assertThat(r.byUser().nnz()).isEqualTo(3);
  }

  @Test
  void duplicatePolicyErrorNamesBothLines() {
    assertThatThrownBy(() -> read(ReaderOptions.defaults().withDuplicates(DuplicatePolicy.ERROR),
        "user,item,rating\n1,2,3\n\n1,3,4\n1,2,5\n"))
        .isInstanceOf(MalformedDataException.class)
        .hasMessageContaining(":5: user 1 rated item 2 again (first on line 2)");
  }

  @Test
  void windowsLineEndingsAreHandled() throws IOException {
    LoadedRatings loaded = read("userId,movieId,rating,timestamp\r\n1,2,3.5,100\r\n1,3,4,200\r\n");
    Ratings r = loaded.ratings();
    assertThat(r.size()).isEqualTo(2);
    assertThat(r.timestamp(1)).isEqualTo(200);
    assertThat(value(r, 1, 2)).isEqualTo(3.5);
  }

  @Test
  void blankLinesMidFileAreSkippedAndCounted() throws IOException {
    LoadedRatings loaded = read("1,2,3\n\n1,3,4\n   \n\t\n2,2,5\n\n\n");
    assertThat(loaded.ratings().size()).isEqualTo(3);
    assertThat(loaded.notices()).anyMatch(n -> n.contains("skipped 5 blank lines"));
  }

  @Test
  void lineNumbersCountBlankLines() {
    assertThatThrownBy(() -> read("1,2,3\n\n\n1,3,x\n"))
        .isInstanceOfSatisfying(MalformedDataException.class,
            e -> assertThat(e.lineNumber()).isEqualTo(4));
  }

  @Test
  void lastLineWithoutNewlineIsRead() throws IOException {
    assertThat(read("1,2,3\n1,3,4").ratings().size()).isEqualTo(2);
  }

  @Test
  void laterLineWithExtraFieldsIsMalformed() {
    assertThatThrownBy(() -> read("1,2,3\n1,3,4,5\n"))
        .isInstanceOf(MalformedDataException.class)
        .hasMessageContaining(":2: expected 3 fields");
  }

  @Test
  void fileWithoutTimestampColumnHasNoTimestamps() throws IOException {
    LoadedRatings loaded = read("1,2,3\n");
    assertThat(loaded.ratings().hasTimestamps()).isFalse();
    assertThat(loaded.notices()).anyMatch(n -> n.contains("no timestamps"));
  }

  @Test
  void columnOrderIsConfigurable() throws IOException {
    ReaderOptions options = ReaderOptions.defaults().withColumns(2, 0, 3, 1);
    LoadedRatings loaded = read(options, "item;time;user;rating\n10;999;1;4\n11;998;2;2\n");
    Ratings r = loaded.ratings();
    assertThat(r.userIds().rawIds()).containsExactly(1, 2);
    assertThat(r.itemIds().rawIds()).containsExactly(10, 11);
    assertThat(value(r, 2, 11)).isEqualTo(2.0);
    assertThat(r.timestamp(0)).isEqualTo(999);
  }

  @Test
  void readsFromAStreamNamingItInMessages() {
    byte[] bytes = "1::2::5\n1::3::x\n".getBytes(StandardCharsets.US_ASCII);
    DelimitedRatingsReader reader = new DelimitedRatingsReader();
    assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(bytes),
        "ml-1m.zip!ml-1m/ratings.dat", bytes.length, Progress.NONE))
        .hasMessageStartingWith("ml-1m.zip!ml-1m/ratings.dat:2: expected a numeric rating");
  }

  @Test
  void skipsAUtf8ByteOrderMark() throws IOException {
    Path path = dir.resolve("bom.csv");
    Files.write(path, ("\uFEFFuserId,movieId,rating\n5,6,1\n").getBytes(StandardCharsets.UTF_8));
    LoadedRatings loaded = new DelimitedRatingsReader().read(path, Progress.NONE);
    assertThat(loaded.ratings().userIds().rawIds()).containsExactly(5);
  }

  @Test
  void largeIdsAndLongLinesAcrossBufferBoundariesAreExact() throws IOException {
    StringBuilder content = new StringBuilder();
    int n = 120_000; // about 3.6 MB: several 1 MB buffers
    for (int i = 0; i < n; i++) {
      content.append(9_000_000_000_000L + i).append("\t").append(i % 977).append("\t")
          .append(1 + i % 5).append("\t").append(1_400_000_000L + i).append('\n');
    }
    Ratings r = read(content.toString()).ratings();
    assertThat(r.size()).isEqualTo(n);
    assertThat(r.userIds().rawId(r.user(n - 1))).isEqualTo(9_000_000_000_000L + n - 1);
    assertThat(r.timestamp(n - 1)).isEqualTo(1_400_000_000L + n - 1);
    assertThat(r.value(n - 1)).isEqualTo(1 + (n - 1) % 5);
  }

  @Test
  void progressIsToldEveryByte() throws IOException {
    Path path = file("p.csv", "1,2,3\n1,3,4\n");
    long[] advanced = new long[1];
    long[] total = new long[1];
    new DelimitedRatingsReader().read(path, new Progress() {
      @Override
      public void start(String task, long t, String unit) {
        total[0] = t;
      }

      @Override
      public void advance(long steps) {
        advanced[0] += steps;
      }

      @Override
      public void finish() {}
    });
    assertThat(total[0]).isEqualTo(Files.size(path));
    assertThat(advanced[0]).isEqualTo(Files.size(path));
  }
}
