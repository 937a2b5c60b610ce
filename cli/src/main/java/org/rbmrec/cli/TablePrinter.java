package org.rbmrec.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A table of text cells printed either as aligned plain text or as Markdown.
 *
 * <p>A column is right-aligned when every non-empty cell below its header looks like a number
 * (digits with optional sign, thousands commas, decimal point, exponent or trailing {@code %},
 * or {@code NaN}/{@code -}); otherwise left-aligned. Plain text separates columns with two
 * spaces, underlines the header with dashes and has no trailing spaces.
 */
public final class TablePrinter {
  private static final Pattern NUMERIC =
      Pattern.compile("[-+]?([0-9][0-9,]*)?(\\.[0-9]+)?([eE][-+]?[0-9]+)?%?|NaN|-|[-+]?Infinity");

  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  /** A table with these column headers (at least one). */
  public TablePrinter(String... headers) {
    if (headers.length == 0) {
      throw new IllegalArgumentException("a table needs at least one column");
    }
    this.headers = List.of(headers);
  }

  /**
   * Adds a row; cells are converted with {@code String.valueOf}, null becomes empty.
   *
   * @throws IllegalArgumentException if the row does not have one cell per column
   */
  public TablePrinter row(Object... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException(
          "a row must have " + headers.size() + " cells, got " + cells.length);
    }
    List<String> row = new ArrayList<>(cells.length);
    for (Object cell : cells) {
      row.add(cell == null ? "" : String.valueOf(cell));
    }
    rows.add(row);
    return this;
  }

  /** The number of rows added. */
  public int size() {
    return rows.size();
  }

  /** Prints the table as plain text, or as Markdown when {@code markdown}. */
  public void print(PrintWriter out, boolean markdown) {
    out.print(markdown ? toMarkdown() : toText());
  }

  /** Aligned plain text, each line ending in a newline. */
  public String toText() {
    int columns = headers.size();
    int[] widths = new int[columns];
    boolean[] right = rightAligned();
    for (int c = 0; c < columns; c++) {
      widths[c] = headers.get(c).length();
      for (List<String> row : rows) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    appendLine(sb, headers, widths, right);
    List<String> rules = new ArrayList<>(columns);
    for (int c = 0; c < columns; c++) {
      rules.add("-".repeat(widths[c]));
    }
    appendLine(sb, rules, widths, right);
    for (List<String> row : rows) {
      appendLine(sb, row, widths, right);
    }
    return sb.toString();
  }

  /** A GitHub-flavoured Markdown table, each line ending in a newline. */
  public String toMarkdown() {
    boolean[] right = rightAligned();
    StringBuilder sb = new StringBuilder();
    appendMarkdownLine(sb, headers);
    sb.append('|');
    for (boolean r : right) {
      sb.append(r ? "---:|" : "---|");
    }
    sb.append('\n');
    for (List<String> row : rows) {
      appendMarkdownLine(sb, row);
    }
    return sb.toString();
  }

  private boolean[] rightAligned() {
    boolean[] right = new boolean[headers.size()];
    for (int c = 0; c < right.length; c++) {
      boolean numeric = !rows.isEmpty();
      boolean any = false;
      for (List<String> row : rows) {
        String cell = row.get(c).strip();
        if (!cell.isEmpty()) {
          any = true;
          numeric &= NUMERIC.matcher(cell).matches();
        }
      }
      right[c] = numeric && any;
    }
    return right;
  }

  private static void appendLine(
      StringBuilder sb, List<String> cells, int[] widths, boolean[] right) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      if (c > 0) {
        line.append("  ");
      }
      String cell = cells.get(c);
      String pad = " ".repeat(widths[c] - cell.length());
      line.append(right[c] ? pad + cell : cell + pad);
    }
    sb.append(line.toString().stripTrailing()).append('\n');
  }

  private static void appendMarkdownLine(StringBuilder sb, List<String> cells) {
    sb.append('|');
    for (String cell : cells) {
      sb.append(' ').append(cell.replace("|", "\\|")).append(" |");
    }
    sb.append('\n');
  }
}
