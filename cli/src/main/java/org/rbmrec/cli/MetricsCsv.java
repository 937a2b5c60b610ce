package org.rbmrec.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.rbmrec.data.DataException;
import org.rbmrec.data.MalformedDataException;
import org.rbmrec.train.EpochListener;
import org.rbmrec.train.EpochReport;

/**
 * The per-epoch metrics file of a training run, {@code RUN_DIR/metrics.csv}.
 *
 * <p>Format: UTF-8 text, lines ending in {@code \n}, fields separated by commas, no quoting.
 * <ul>
 *   <li>Header: {@code epoch,seconds,<metric>,...}; metric names are snake_case
 *       ({@code [a-z][a-z0-9_]*}), for example {@code train_rmse,valid_rmse,free_energy_gap}.
 *   <li>One line per epoch: the 1-based epoch number, the epoch's wall-clock seconds, then each
 *       metric as a decimal number ({@code Double.toString}); an empty field means "not measured
 *       this epoch" (NaN). The reader also accepts {@code NaN}, {@code Infinity} and
 *       {@code -Infinity}.
 * </ul>
 *
 * <p>The {@link Writer} flushes after every line, so an interrupted run keeps every finished
 * epoch.
 */
public final class MetricsCsv {
  /** The file name inside a run directory. */
  public static final String FILE_NAME = "metrics.csv";

  private static final Pattern METRIC_NAME = Pattern.compile("[a-z][a-z0-9_]*");

  private MetricsCsv() {}

  /**
   * The contents of a metrics file.
   *
   * @param metricNames the metric columns, in file order (epoch and seconds excluded)
   * @param epochs one report per line, in file order; unmeasured metrics are NaN
   */
  public record Contents(List<String> metricNames, List<EpochReport> epochs) {
    public Contents {
      metricNames = List.copyOf(metricNames);
      epochs = List.copyOf(epochs);
    }

    /** The epoch numbers (one per line). */
    public double[] epochNumbers() {
      double[] x = new double[epochs.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = epochs.get(i).epoch();
      }
      return x;
    }

    /** The values of {@code metric}, one per line, NaN where not measured. */
    public double[] column(String metric) {
      double[] y = new double[epochs.size()];
      for (int i = 0; i < y.length; i++) {
        y[i] = epochs.get(i).metric(metric);
      }
      return y;
    }
  }

  /**
   * Reads a metrics file.
   *
   * @throws DataException if the file is missing or unreadable
   * @throws MalformedDataException naming the line if the contents do not follow the format
   */
  public static Contents read(Path file) {
    String source = file.toString();
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new DataException("metrics file not found: " + file, e);
    } catch (IOException e) {
      throw new DataException("cannot read metrics file " + file + ": " + e.getMessage(), e);
    }
    if (lines.isEmpty() || lines.get(0).isBlank()) {
      throw new MalformedDataException(
          source, 1, "expected a header line starting 'epoch,seconds', found nothing", null);
    }
    String header = lines.get(0).strip();
    String[] names = header.split(",", -1);
    if (names.length < 2 || !names[0].equals("epoch") || !names[1].equals("seconds")) {
      throw new MalformedDataException(
          source, 1, "expected a header line starting 'epoch,seconds'", header);
    }
    List<String> metrics = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int c = 2; c < names.length; c++) {
      if (!METRIC_NAME.matcher(names[c]).matches() || !seen.add(names[c])) {
        throw new MalformedDataException(source, 1, "expected distinct snake_case metric"
            + " names, found \"" + names[c] + "\"", header);
      }
      metrics.add(names[c]);
    }
    List<EpochReport> epochs = new ArrayList<>();
    for (int n = 1; n < lines.size(); n++) {
      String line = lines.get(n).strip();
      if (line.isEmpty()) {
        continue;
      }
      epochs.add(parseLine(source, n + 1, line, names.length, metrics));
    }
    return new Contents(metrics, epochs);
  }

  private static EpochReport parseLine(
      String source, int lineNumber, String line, int columns, List<String> metrics) {
    String[] fields = line.split(",", -1);
    if (fields.length != columns) {
      throw new MalformedDataException(source, lineNumber,
          "expected " + columns + " fields as in the header, found " + fields.length, line);
    }
    int epoch;
    try {
      epoch = Integer.parseInt(fields[0].strip());
    } catch (NumberFormatException e) {
      epoch = 0;
    }
    if (epoch < 1) {
      throw new MalformedDataException(source, lineNumber,
          "expected an epoch number ≥ 1, found \"" + fields[0] + "\"", line);
    }
    double seconds = number(source, lineNumber, line, fields[1], "seconds");
    Map<String, Double> values = new LinkedHashMap<>();
    for (int c = 0; c < metrics.size(); c++) {
      values.put(metrics.get(c), number(source, lineNumber, line, fields[c + 2], metrics.get(c)));
    }
    return new EpochReport(epoch, seconds, values);
  }

  private static double number(
      String source, int lineNumber, String line, String field, String column) {
    String text = field.strip();
    if (text.isEmpty()) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new MalformedDataException(source, lineNumber,
          "expected a number for " + column + ", found \"" + field + "\"", line);
    }
  }

  /** Writes a metrics file, one line per {@link EpochReport}, flushing after each. */
  public static final class Writer implements EpochListener, Closeable {
    private final BufferedWriter out;
    private final List<String> metricNames;
    private final Set<String> known;

    private Writer(BufferedWriter out, List<String> metricNames) {
      this.out = out;
      this.metricNames = metricNames;
      this.known = Set.copyOf(metricNames);
    }

    /**
     * Creates (or replaces) {@code file} and writes the header.
     *
     * @param metricNames the metric columns, distinct snake_case names; every report must use
     *     only these (a missing one is written as an empty field)
     */
    public static Writer create(Path file, List<String> metricNames) throws IOException {
      List<String> names = List.copyOf(metricNames);
      Set<String> seen = new HashSet<>();
      for (String name : names) {
        if (!METRIC_NAME.matcher(name).matches() || !seen.add(name)) {
          throw new IllegalArgumentException(
              "metric names must be distinct and snake_case ([a-z][a-z0-9_]*), got " + name);
        }
      }
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
      Writer writer = new Writer(out, names);
      StringBuilder header = new StringBuilder("epoch,seconds");
      for (String name : names) {
        header.append(',').append(name);
      }
      writer.writeLine(header.toString());
      return writer;
    }

    /** The metric columns, in order. */
    public List<String> metricNames() {
      return metricNames;
    }

    /**
     * Appends {@code report} as one line and flushes.
     *
     * @throws IllegalArgumentException if the report has a metric that is not a column
     * @throws UncheckedIOException if writing fails
     */
    @Override
    public void onEpoch(EpochReport report) {
      Objects.requireNonNull(report, "report");
      for (String name : report.metrics().keySet()) {
        if (!known.contains(name)) {
          throw new IllegalArgumentException(
              "metric " + name + " is not a column of " + FILE_NAME + " " + metricNames);
        }
      }
      StringBuilder line = new StringBuilder();
      line.append(report.epoch()).append(',').append(format(report.seconds()));
      for (String name : metricNames) {
        line.append(',').append(format(report.metric(name)));
      }
      try {
        writeLine(line.toString());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + FILE_NAME, e);
      }
    }

    private static String format(double value) {
      return Double.isNaN(value) ? "" : Double.toString(value);
    }

    private void writeLine(String line) throws IOException {
      out.write(line);
      out.write('\n');
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
