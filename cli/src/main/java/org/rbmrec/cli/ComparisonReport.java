package org.rbmrec.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rbmrec.cli.Comparison.FoldResult;
import org.rbmrec.cli.Comparison.ModelResults;

/**
 * Renders a {@link Comparison} as the files of a compare folder:
 * <ul>
 *   <li>{@value #MARKDOWN}: a Markdown table, per model mean ± std over folds, and a protocol
 *       paragraph;
 *   <li>{@value #CSV}: one row per model and fold, then a {@code mean} and a {@code std} row per
 *       model (std empty for a single fold); while {@code compare} runs, the per-fold rows are
 *       appended as they finish, so an interrupted comparison keeps what it measured;
 *   <li>{@value #JSON}: the object {@code compare --json} prints (see {@link #toJson}).
 * </ul>
 */
final class ComparisonReport {
  /** The Markdown report. */
  static final String MARKDOWN = "compare.md";
  /** One row per model and fold, plus mean and std rows. */
  static final String CSV = "compare.csv";
  /** The JSON result. */
  static final String JSON = "compare.json";

  private static final List<String> CSV_COLUMNS = List.of("model", "fold", "rmse", "mae",
      "ndcg", "fit_seconds", "predict_seconds", "n_test", "n_fallback");

  private final Comparison comparison;
  private final int k;

  ComparisonReport(Comparison comparison, int k) {
    this.comparison = comparison;
    this.k = k;
  }

  /**
   * The JSON object: {@code data, folds, seed, protocol, results}; each result holds
   * {@code model}, the means {@code rmse, mae, ndcg, fit_seconds, predict_seconds}, their
   * sample standard deviations {@code *_std} (null for one fold), {@code n_folds},
   * {@code hyperparameters} and {@code per_fold}.
   */
  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("data", comparison.data());
    json.put("folds", comparison.folds());
    json.put("seed", comparison.seed());
    json.put("protocol", comparison.protocol());
    List<Map<String, Object>> results = new ArrayList<>();
    for (ModelResults m : comparison.models()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("model", m.model());
      r.put("rmse", m.rmse().mean());
      r.put("mae", m.mae().mean());
      r.put("ndcg", m.ndcg().mean());
      r.put("fit_seconds", m.fitSeconds().mean());
      r.put("predict_seconds", m.predictSeconds().mean());
      r.put("rmse_std", m.rmse().std());
      r.put("mae_std", m.mae().std());
      r.put("ndcg_std", m.ndcg().std());
      r.put("fit_seconds_std", m.fitSeconds().std());
      r.put("predict_seconds_std", m.predictSeconds().std());
      r.put("n_folds", m.perFold().size());
      r.put("hyperparameters", m.hyperparameters());
      List<Map<String, Object>> perFold = new ArrayList<>();
      for (FoldResult f : m.perFold()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("fold", f.fold());
        row.put("rmse", f.rmse());
        row.put("mae", f.mae());
        row.put("ndcg", f.ndcg());
        row.put("fit_seconds", f.fitSeconds());
        row.put("predict_seconds", f.predictSeconds());
        row.put("n_test", f.nTest());
        row.put("n_fallback", f.nFallback());
        perFold.add(row);
      }
      r.put("per_fold", perFold);
      results.add(r);
    }
    json.put("results", results);
    return json;
  }

  /** The summary table: per model, mean ± std over folds. */
  TablePrinter table() {
    TablePrinter table = new TablePrinter("model", "RMSE", "MAE", "NDCG@" + k, "fit s",
        "predict s");
    for (ModelResults m : comparison.models()) {
      table.row(m.model(), m.rmse().format(4), m.mae().format(4), m.ndcg().format(4),
          m.fitSeconds().format(2), m.predictSeconds().format(2));
    }
    return table;
  }

  /** The Markdown report: title, table, protocol paragraph. */
  String toMarkdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("# rbmrec compare: ").append(comparison.data()).append("\n\n");
    int n = comparison.folds().size();
    sb.append(n == 1 ? "One fold: the standard deviation is not defined (–)."
        : "Mean ± sample standard deviation (n − 1) over " + n + " folds.").append("\n\n");
    sb.append(table().toMarkdown()).append('\n');
    sb.append("## Protocol\n\n").append(protocolParagraph()).append('\n');
    return sb.toString();
  }

  /** The CSV header line, with its newline. */
  static String csvHeader() {
    return String.join(",", CSV_COLUMNS) + "\n";
  }

  /** The CSV line of {@code model} on one fold, with its newline. */
  static String csvRow(String model, FoldResult f) {
    StringBuilder sb = new StringBuilder();
    csvLine(sb, model, f.fold(), number(f.rmse()), number(f.mae()), number(f.ndcg()),
        number(f.fitSeconds()), number(f.predictSeconds()), Integer.toString(f.nTest()),
        Integer.toString(f.nFallback()));
    return sb.toString();
  }

  /** The CSV text: header, a row per model and fold, then mean and std rows per model. */
  String toCsv() {
    StringBuilder sb = new StringBuilder(csvHeader());
    for (ModelResults m : comparison.models()) {
      for (FoldResult f : m.perFold()) {
        sb.append(csvRow(m.model(), f));
      }
    }
    for (ModelResults m : comparison.models()) {
      csvLine(sb, m.model(), "mean", number(m.rmse().mean()), number(m.mae().mean()),
          number(m.ndcg().mean()), number(m.fitSeconds().mean()),
          number(m.predictSeconds().mean()), "", "");
      csvLine(sb, m.model(), "std", number(m.rmse().std()), number(m.mae().std()),
          number(m.ndcg().std()), number(m.fitSeconds().std()),
          number(m.predictSeconds().std()), "", "");
    }
    return sb.toString();
  }

  /** Writes the three files into {@code folder}, each atomically. */
  void writeTo(Path folder) {
    write(folder.resolve(MARKDOWN), toMarkdown());
    write(folder.resolve(CSV), toCsv());
    write(folder.resolve(JSON), JsonOutput.toJson(toJson()) + System.lineSeparator());
  }

  private String protocolParagraph() {
    Map<String, Object> p = comparison.protocol();
    return String.format(Locale.ROOT,
        "Data: %s (%s ratings, %s users, %s items). Folds: %s; every model is trained on each"
            + " fold's training part%s and evaluated on its test part, with seed %d for every"
            + " split and every model. RMSE and MAE are over all test ratings; NDCG@%d is"
            + " averaged over the users with a test rating ≥ %s, ranking the items they did not"
            + " rate in training.%s Fit seconds are the wall time of training; predict seconds"
            + " the wall time of predicting the test ratings and ranking for NDCG, with %s"
            + " threads. Hardware: %s processors, max heap %s MiB, Java %s, OS %s %s."
            + " rbmrec %s, %s.",
        p.get("data_source"), p.get("n_ratings"), p.get("n_users"), p.get("n_items"),
        String.join(", ", comparison.folds()), validText(p.get("valid_fraction")),
        comparison.seed(), k, p.get("relevance_threshold"), notesText(p.get("notes")),
        p.get("threads"), p.get("processors"), p.get("max_heap_mib"), p.get("java_version"),
        p.get("os_name"), p.get("os_arch"), p.get("rbmrec_version"), p.get("date"));
  }

  private static String notesText(Object notes) {
    return notes == null || notes.toString().isEmpty() ? "" : " " + notes;
  }

  private static String validText(Object fraction) {
    return fraction instanceof Double f && f > 0
        ? " less a validation fraction of " + f + " (monitored, never trained on)"
        : " (no validation part is carved out)";
  }

  private static String number(double value) {
    return Double.isFinite(value) ? Double.toString(value) : "";
  }

  private static void csvLine(StringBuilder sb, String... cells) {
    for (int c = 0; c < cells.length; c++) {
      if (c > 0) {
        sb.append(',');
      }
      String cell = cells[c];
      if (cell.contains(",") || cell.contains("\"") || cell.contains("\n")) {
        sb.append('"').append(cell.replace("\"", "\"\"")).append('"');
      } else {
        sb.append(cell);
      }
    }
    sb.append('\n');
  }

  private static void write(Path target, String text) {
    Path temp = target.resolveSibling(target.getFileName() + ".tmp");
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }
}
