package org.rbmrec.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.rbmrec.data.DataSummary;
import org.rbmrec.data.RatingScale;
import org.rbmrec.data.source.Dataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rbmrec data info NAME|PATH}: sizes, density, rating histogram, ratings per user and per
 * item, mean rating and time range of a data set, as tables or (with {@code --json}) one object
 * with the keys {@code dataset, source, n_users, n_items, n_ratings, n_levels, active_users,
 * active_items, density, scale, mean_rating, histogram, ratings_per_user, ratings_per_item,
 * first_timestamp, last_timestamp, n_titles}. Timestamps are seconds since the epoch, or null.
 */
@Command(
    name = "info",
    description = "Summarise a data set: sizes, density, rating histogram, ratings per user and"
        + " per item, mean rating and time range.")
public final class DataInfoCommand implements Callable<Integer> {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  @Mixin
  private CommonOptions common;

  @Mixin
  private ReaderFlags readerFlags;

  @Parameters(
      paramLabel = "NAME|PATH",
      description = "A MovieLens name such as ml-100k or ml-20m, or a ratings file or folder.")
  private String dataset;

  @Option(names = "--markdown", description = "Print the tables as Markdown.")
  private boolean markdown;

  private final CliServices services;

  DataInfoCommand(CliServices services) {
    this.services = Objects.requireNonNull(services, "services");
  }

  @Override
  public Integer call() {
    Dataset data = services.datasets().resolve(dataset, common.dataDir(), readerFlags.options(),
        common.progress());
    data.notices().forEach(common::notice);
    DataSummary summary = DataSummary.of(data.ratings());
    if (common.json()) {
      JsonOutput.write(common.out(), toJson(data, summary));
    } else {
      printTables(common.out(), data, summary);
    }
    return ExitCode.OK;
  }

  private Map<String, Object> toJson(Dataset data, DataSummary s) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("dataset", dataset);
    json.put("source", data.description());
    json.put("n_users", s.numUsers());
    json.put("n_items", s.numItems());
    json.put("n_ratings", s.numRatings());
    json.put("n_levels", s.numLevels());
    json.put("active_users", s.activeUsers());
    json.put("active_items", s.activeItems());
    json.put("density", s.density());
    RatingScale scale = s.scale();
    Map<String, Object> scaleJson = new LinkedHashMap<>();
    scaleJson.put("min", scale.min());
    scaleJson.put("max", scale.max());
    scaleJson.put("step", scale.step());
    json.put("scale", scaleJson);
    json.put("mean_rating", s.meanRating());
    Map<String, Long> histogram = new LinkedHashMap<>();
    long[] counts = s.levelCounts();
    for (int k = 0; k < counts.length; k++) {
      histogram.put(ratingLabel(scale.value(k)), counts[k]);
    }
    json.put("histogram", histogram);
    json.put("ratings_per_user", quantilesJson(s.ratingsPerUser()));
    json.put("ratings_per_item", quantilesJson(s.ratingsPerItem()));
    json.put("first_timestamp",
        s.firstTimestamp().isPresent() ? s.firstTimestamp().getAsLong() : null);
    json.put("last_timestamp",
        s.lastTimestamp().isPresent() ? s.lastTimestamp().getAsLong() : null);
    json.put("n_titles", data.titles().size());
    return json;
  }

  private static Map<String, Object> quantilesJson(DataSummary.Quantiles q) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("min", q.min());
    json.put("p25", q.p25());
    json.put("median", q.median());
    json.put("p75", q.p75());
    json.put("p90", q.p90());
    json.put("p99", q.p99());
    json.put("max", q.max());
    return json;
  }

  private void printTables(PrintWriter out, Dataset data, DataSummary s) {
    TablePrinter overview = new TablePrinter("data set", dataset);
    overview.row("source", data.description());
    overview.row("users", count(s.numUsers()) + activeNote(s.activeUsers(), s.numUsers()));
    overview.row("items", count(s.numItems()) + activeNote(s.activeItems(), s.numItems()));
    overview.row("ratings", count(s.numRatings()));
    overview.row("density", String.format(Locale.ROOT, "%.4f (%.2f%%)", s.density(),
        100 * s.density()));
    overview.row("scale", s.scale().describe());
    overview.row("mean rating", String.format(Locale.ROOT, "%.3f", s.meanRating()));
    if (s.firstTimestamp().isPresent()) {
      overview.row("first rating", DATE.format(Instant.ofEpochSecond(
          s.firstTimestamp().getAsLong())));
      overview.row("last rating", DATE.format(Instant.ofEpochSecond(
          s.lastTimestamp().getAsLong())));
    }
    if (!data.titles().isEmpty()) {
      overview.row("titles", count(data.titles().size()));
    }
    overview.print(out, markdown);
    out.println();

    TablePrinter histogram = new TablePrinter("rating", "count", "share");
    long[] counts = s.levelCounts();
    for (int k = 0; k < counts.length; k++) {
      double share = s.numRatings() == 0 ? Double.NaN : 100.0 * counts[k] / s.numRatings();
      histogram.row(ratingLabel(s.scale().value(k)), count(counts[k]),
          String.format(Locale.ROOT, "%.1f%%", share));
    }
    histogram.print(out, markdown);
    out.println();

    TablePrinter spread =
        new TablePrinter("ratings per", "min", "25%", "median", "75%", "90%", "99%", "max");
    spread.row(quantileRow("user", s.ratingsPerUser()));
    spread.row(quantileRow("item", s.ratingsPerItem()));
    spread.print(out, markdown);
    out.flush();
  }

  private static Object[] quantileRow(String label, DataSummary.Quantiles q) {
    double[] values = q.toArray();
    Object[] row = new Object[values.length + 1];
    row[0] = label;
    for (int j = 0; j < values.length; j++) {
      double v = values[j];
      row[j + 1] = v == Math.rint(v) ? count((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
    return row;
  }

  private static String activeNote(int active, int total) {
    return active == total ? "" : " (" + count(active) + " with ratings)";
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** A rating value as people write it: "4" for whole numbers, "3.5" otherwise. */
  static String ratingLabel(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
