package org.rbmrec.data.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.rbmrec.data.RatingScale;
import org.rbmrec.data.Ratings;
import org.rbmrec.progress.Progress;

/**
 * Random well-formed files, in every separator, with or without header, timestamps and CRLF,
 * read back exactly: the same raw ids, values and timestamps in file order; and the binary cache
 * gives back exactly what was parsed.
 */
class RatingsRoundTripProperties {
  private static Path dir;

  record Row(long user, long item, int level, long timestamp) {}

  record Layout(Separator separator, boolean header, boolean timestamps, boolean crlf) {}

  @BeforeContainer
  static void createDir() throws IOException {
    dir = Files.createTempDirectory("rbmrec-roundtrip");
  }

  @AfterContainer
  static void deleteDir() throws IOException {
    try (var files = Files.list(dir)) {
      for (Path p : files.toList()) {
        Files.delete(p);
      }
    }
    Files.delete(dir);
  }

  @Provide
  Arbitrary<List<Row>> rows() {
    Arbitrary<Row> row = Combinators.combine(
        Arbitraries.longs().between(-5, 40).injectDuplicates(0.5)
            .map(u -> u < 0 ? u * 1_000_000_007L : u),
        Arbitraries.longs().between(0, 30),
        Arbitraries.integers().between(0, 9),
        Arbitraries.longs().between(0, 2_000_000_000L))
        .as(Row::new);
    return row.list().ofMinSize(1).ofMaxSize(60)
        .map(RatingsRoundTripProperties::distinctPairs);
  }

  @Provide
  Arbitrary<Layout> layouts() {
    return Combinators.combine(Arbitraries.of(Separator.class), Arbitraries.of(true, false),
        Arbitraries.of(true, false), Arbitraries.of(true, false)).as(Layout::new);
  }

  private static List<Row> distinctPairs(List<Row> rows) {
    Set<String> seen = new HashSet<>();
    List<Row> out = new ArrayList<>();
    for (Row r : rows) {
      if (seen.add(r.user() + "/" + r.item())) {
        out.add(r);
      }
    }
    return out;
  }

  private static String format(List<Row> rows, Layout layout) {
    String sep = layout.separator() == Separator.WHITESPACE ? "  " : layout.separator().text();
    String eol = layout.crlf() ? "\r\n" : "\n";
    StringBuilder sb = new StringBuilder();
    if (layout.header()) {
      sb.append("user").append(sep).append("item").append(sep).append("rating");
      sb.append(layout.timestamps() ? sep + "time" : "").append(eol);
    }
    for (Row r : rows) {
      double value = RatingScale.HALF_STARS.value(r.level());
      String shown = r.level() % 2 == 1 ? Long.toString((long) value) : Double.toString(value);
      sb.append(r.user()).append(sep).append(r.item()).append(sep).append(shown);
      if (layout.timestamps()) {
        sb.append(sep).append(r.timestamp());
      }
      sb.append(eol);
    }
    return sb.toString();
  }

  private static Path write(String content) throws IOException {
    Path file = Files.createTempFile(dir, "ratings", ".txt");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Property(tries = 150)
  void wellFormedFilesReadBackExactly(
      @ForAll("rows") List<Row> rows, @ForAll("layouts") Layout layout) throws IOException {
    Path file = write(format(rows, layout));
    ReaderOptions options = ReaderOptions.defaults().withScale(RatingScale.HALF_STARS);
    Ratings r = new DelimitedRatingsReader(options).read(file, Progress.NONE).ratings();
    assertThat(r.size()).isEqualTo(rows.size());
    assertThat(r.hasTimestamps()).isEqualTo(layout.timestamps());
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      assertThat(r.userIds().rawId(r.user(i))).isEqualTo(row.user());
      assertThat(r.itemIds().rawId(r.item(i))).isEqualTo(row.item());
      assertThat(r.level(i)).isEqualTo(row.level());
      if (layout.timestamps()) {
        assertThat(r.timestamp(i)).isEqualTo(row.timestamp());
      }
    }
    Files.delete(file);
  }

  @Property(tries = 100)
  void duplicatesLeaveExactlyTheLatestRatingOfEachPair(
      @ForAll("duplicatedRows") List<Row> rows)
      throws IOException {
    Map<String, Integer> latest = new HashMap<>(); // pair -> position of the rating to keep
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      String pair = row.user() + "/" + row.item();
      Integer kept = latest.get(pair);
      if (kept == null || rows.get(kept).timestamp() <= row.timestamp()) {
        latest.put(pair, i);
      }
    }
    Layout layout = new Layout(Separator.COMMA, false, true, false);
    Path file = write(format(rows, layout));
    Ratings r = new DelimitedRatingsReader(
        ReaderOptions.defaults().withScale(RatingScale.HALF_STARS)).read(file, Progress.NONE)
        .ratings();
    assertThat(r.size()).isEqualTo(latest.size());
    Set<String> pairs = new HashSet<>();
    for (int i = 0; i < r.size(); i++) {
      String pair = r.userIds().rawId(r.user(i)) + "/" + r.itemIds().rawId(r.item(i));
      assertThat(pairs.add(pair)).as("pair %s occurs once", pair).isTrue();
      Row expected = rows.get(latest.get(pair));
      assertThat(r.level(i)).isEqualTo(expected.level());
      assertThat(r.timestamp(i)).isEqualTo(expected.timestamp());
    }
    Files.delete(file);
  }

  @Provide
  Arbitrary<List<Row>> duplicatedRows() {
    Arbitrary<Row> row = Combinators.combine(
        Arbitraries.longs().between(1, 4), Arbitraries.longs().between(1, 4),
        Arbitraries.integers().between(0, 9), Arbitraries.longs().between(0, 5))
        .as(Row::new);
    return row.list().ofMinSize(1).ofMaxSize(40);
  }

  @Property(tries = 60)
  void cachedCopyEqualsTheParsedData(
      @ForAll("rows") List<Row> rows, @ForAll("layouts") Layout layout) throws IOException {
    Path file = write(format(rows, layout));
    LoadedRatings parsed = new DelimitedRatingsReader().read(file, Progress.NONE);
    Path cache = RatingsCache.primaryPath(file);
    RatingsCache.write(cache, "k", parsed);
    LoadedRatings cached = RatingsCache.read(cache, "k", Progress.NONE);
    assertThat(cached).isNotNull();
    assertThat(cached.ratings().fingerprint()).isEqualTo(parsed.ratings().fingerprint());
    assertThat(cached.ratings().timestampsCopy()).isEqualTo(parsed.ratings().timestampsCopy());
    assertThat(cached.ratings().scale()).isEqualTo(parsed.ratings().scale());
    assertThat(cached.notices()).isEqualTo(parsed.notices());
    assertThat(RatingsCache.read(cache, "other key", Progress.NONE)).isNull();
    Files.delete(cache);
    Files.delete(file);
  }
}
