package org.rbmrec.model.rbm;

import java.util.Objects;
import org.rbmrec.data.SparseRows;

/**
 * A subset of the training rows, in local CSR form with their global row numbers: what one
 * partition of distributed training holds. Row {@code x} of the block is global row
 * {@code rowIds[x]}; its entries are {@code columns[rowPointers[x] … rowPointers[x+1])} with
 * levels {@code levels[…]}, sorted by column; the conditional RBM's indicator rows follow the
 * same layout ({@code indicatorPointers}, {@code indicatorColumns}) or are absent (null).
 * {@code levelValues} (K) are the rating values of the levels.
 *
 * <p>The accessors return the internal arrays, which callers must not modify.
 */
public final class CdRowBlock {
  private final int numColumns;
  private final int[] rowIds;
  private final SparseRows rows;
  private final IndicatorRows indicator;
  private final double[] levelValues;
  private final int maxRowLength;

  private CdRowBlock(int numColumns, int[] rowIds, SparseRows rows, IndicatorRows indicator,
      double[] levelValues) {
    this.numColumns = numColumns;
    this.rowIds = rowIds;
    this.rows = rows;
    this.indicator = indicator;
    this.levelValues = levelValues;
    int max = 0;
    for (int x = 0; x < rowIds.length; x++) {
      max = Math.max(max, rows.rowLength(x));
    }
    this.maxRowLength = max;
  }

  /**
   * Builds a block from its arrays (see the class comment).
   *
   * @param numColumns V, the number of visible units
   * @param rowIds (n) global row numbers, strictly increasing
   * @param rowPointers (n + 1) row starts in {@code columns}
   * @param columns (nnz) visible units, each in [0, numColumns), sorted within each row
   * @param levels (nnz) level of each entry
   * @param indicatorPointers (n + 1) or null
   * @param indicatorColumns indicator visible units, or null (together with the pointers)
   * @param levelValues (K) rating value of each level
   * @throws IllegalArgumentException on inconsistent arrays
   */
  public static CdRowBlock of(int numColumns, int[] rowIds, int[] rowPointers, int[] columns,
      byte[] levels, int[] indicatorPointers, int[] indicatorColumns, double[] levelValues) {
    Objects.requireNonNull(levelValues, "levelValues");
    int n = rowIds.length;
    checkPointers("rowPointers", rowPointers, n, columns.length);
    if (levels.length != columns.length) {
      throw new IllegalArgumentException("levels must have the length of columns ("
          + columns.length + "), got " + levels.length);
    }
    for (int x = 1; x < n; x++) {
      if (rowIds[x] <= rowIds[x - 1]) {
        throw new IllegalArgumentException("rowIds must be strictly increasing, got "
            + rowIds[x - 1] + " then " + rowIds[x]);
      }
    }
    int[] rowOf = new int[columns.length];
    for (int x = 0; x < n; x++) {
      for (int p = rowPointers[x]; p < rowPointers[x + 1]; p++) {
        rowOf[p] = x;
      }
    }
    SparseRows rows = SparseRows.fromTriplets(n, numColumns, rowOf, columns, levels);
    IndicatorRows indicator = null;
    if (indicatorPointers != null || indicatorColumns != null) {
      if (indicatorPointers == null || indicatorColumns == null) {
        throw new IllegalArgumentException(
            "indicatorPointers and indicatorColumns must be given together");
      }
      checkPointers("indicatorPointers", indicatorPointers, n, indicatorColumns.length);
      for (int c : indicatorColumns) {
        if (c < 0 || c >= numColumns) {
          throw new IllegalArgumentException(
              "indicator column must be in [0, " + numColumns + "), got " + c);
        }
      }
      indicator = new IndicatorRows(indicatorPointers, indicatorColumns);
    }
    return new CdRowBlock(numColumns, rowIds, rows, indicator, levelValues);
  }

  /** The block of global rows {@code rowIds} (strictly increasing) of {@code rows}. */
  static CdRowBlock slice(SparseRows rows, IndicatorRows indicator, int[] rowIds,
      double[] levelValues) {
    int n = rowIds.length;
    int[] pointers = new int[n + 1];
    int[] ip = indicator == null ? null : new int[n + 1];
    for (int x = 0; x < n; x++) {
      pointers[x + 1] = pointers[x] + rows.rowLength(rowIds[x]);
      if (ip != null) {
        ip[x + 1] = ip[x] + indicator.rowEnd(rowIds[x]) - indicator.rowStart(rowIds[x]);
      }
    }
    int[] columns = new int[pointers[n]];
    byte[] levels = new byte[pointers[n]];
    int[] ic = ip == null ? null : new int[ip[n]];
    for (int x = 0; x < n; x++) {
      int r = rowIds[x];
      System.arraycopy(rows.columns(), rows.rowStart(r), columns, pointers[x], rows.rowLength(r));
      System.arraycopy(rows.levels(), rows.rowStart(r), levels, pointers[x], rows.rowLength(r));
      if (ic != null) {
        System.arraycopy(indicator.columns(), indicator.rowStart(r), ic, ip[x],
            ip[x + 1] - ip[x]);
      }
    }
    return of(rows.numColumns(), rowIds.clone(), pointers, columns, levels, ip, ic,
        levelValues.clone());
  }

  private static void checkPointers(String name, int[] pointers, int n, int nnz) {
    if (pointers.length != n + 1 || pointers[0] != 0 || pointers[n] != nnz) {
      throw new IllegalArgumentException(name + " must have length " + (n + 1)
          + ", start at 0 and end at " + nnz + ", got length " + pointers.length);
    }
    for (int x = 0; x < n; x++) {
      if (pointers[x + 1] < pointers[x]) {
        throw new IllegalArgumentException(name + " must not decrease, got " + pointers[x]
            + " then " + pointers[x + 1] + " at row " + x);
      }
    }
  }

  /** The local row of global row {@code row}, or a negative number if absent. */
  int localRow(int row) {
    return java.util.Arrays.binarySearch(rowIds, row);
  }

  SparseRows rows() {
    return rows;
  }

  IndicatorRows indicator() {
    return indicator;
  }

  int maxRowLength() {
    return maxRowLength;
  }

  /** The number of rows in the block. */
  public int numRows() {
    return rowIds.length;
  }

  /** V, the number of visible units. */
  public int numColumns() {
    return numColumns;
  }

  /** (n) global row numbers, increasing. Do not modify. */
  public int[] rowIds() {
    return rowIds;
  }

  /** (n + 1) local row starts. Do not modify. */
  public int[] rowPointers() {
    return rows.rowPointers();
  }

  /** (nnz) visible units. Do not modify. */
  public int[] columns() {
    return rows.columns();
  }

  /** (nnz) levels. Do not modify. */
  public byte[] levels() {
    return rows.levels();
  }

  /** (n + 1) indicator row starts, or null. Do not modify. */
  public int[] indicatorPointers() {
    return indicator == null ? null : indicator.rowPointers();
  }

  /** Indicator visible units, or null. Do not modify. */
  public int[] indicatorColumns() {
    return indicator == null ? null : indicator.columns();
  }

  /** (K) rating values of the levels. Do not modify. */
  public double[] levelValues() {
    return levelValues;
  }
}
