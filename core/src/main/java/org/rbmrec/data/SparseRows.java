package org.rbmrec.data;

/**
 * A compressed sparse row view of ratings (CSR): row {@code r}'s entries occupy positions
 * {@code rowStart(r) … rowEnd(r)-1}, sorted by column. In the user-major view rows are users and
 * columns are items; in the item-major view (CSC of the same matrix) rows are items and columns
 * are users.
 *
 * <p>Arrays, with {@code nnz} the number of ratings:
 * <ul>
 *   <li>{@code rowPointers}: (rows + 1), {@code rowPointers[r] = rowStart(r)};
 *   <li>{@code columns}: (nnz), the column index of each entry;
 *   <li>{@code levels}: (nnz), the rating level index ∈ [0, K) of each entry;
 *   <li>{@code ratingIndices}: (nnz), the position of each entry in the {@link Ratings} it came
 *       from, to reach timestamps or split membership.
 * </ul>
 *
 * <p>The accessor methods that return arrays return the internal arrays, for hot loops; callers
 * must not modify them.
 */
public final class SparseRows {
  private final int numRows;
  private final int numColumns;
  private final int[] rowPointers;
  private final int[] columns;
  private final byte[] levels;
  private final int[] ratingIndices;

  private SparseRows(
      int numRows, int numColumns, int[] rowPointers, int[] columns, byte[] levels,
      int[] ratingIndices) {
    this.numRows = numRows;
    this.numColumns = numColumns;
    this.rowPointers = rowPointers;
    this.columns = columns;
    this.levels = levels;
    this.ratingIndices = ratingIndices;
  }

  /**
   * Builds the view from coordinate triplets in O(nnz + rows + columns) with two stable counting
   * sorts (by column, then by row), so each row's entries come out sorted by column.
   *
   * @param numRows number of rows
   * @param numColumns number of columns
   * @param rowOf (nnz) row index of each entry, in [0, numRows)
   * @param columnOf (nnz) column index of each entry, in [0, numColumns)
   * @param levelOf (nnz) level of each entry
   */
  public static SparseRows fromTriplets(
      int numRows, int numColumns, int[] rowOf, int[] columnOf, byte[] levelOf) {
    int nnz = rowOf.length;
    if (columnOf.length != nnz || levelOf.length != nnz) {
      throw new IllegalArgumentException(
          "triplet arrays must have equal length, got rows=" + nnz + ", columns="
              + columnOf.length + ", levels=" + levelOf.length);
    }
    // Pass 1: order entries by column (stable).
    int[] byColumn = countingOrder(columnOf, numColumns, null, "column");
    // Pass 2: order that sequence by row (stable), keeping the column order within each row.
    int[] rowPointers = new int[numRows + 1];
    for (int i = 0; i < nnz; i++) {
      int r = rowOf[i];
      if (r < 0 || r >= numRows) {
        throw new IllegalArgumentException(
            "row index must be in [0, " + numRows + "), got " + r + " at entry " + i);
      }
      rowPointers[r + 1]++;
    }
    for (int r = 0; r < numRows; r++) {
      rowPointers[r + 1] += rowPointers[r];
    }
    int[] next = new int[numRows];
    System.arraycopy(rowPointers, 0, next, 0, numRows);
    int[] columns = new int[nnz];
    byte[] levels = new byte[nnz];
    int[] ratingIndices = new int[nnz];
    for (int j = 0; j < nnz; j++) {
      int i = byColumn[j];
      int p = next[rowOf[i]]++;
      columns[p] = columnOf[i];
      levels[p] = levelOf[i];
      ratingIndices[p] = i;
    }
    return new SparseRows(numRows, numColumns, rowPointers, columns, levels, ratingIndices);
  }

  private static int[] countingOrder(int[] keys, int numKeys, int[] order, String what) {
    int[] counts = new int[numKeys + 1];
    for (int i = 0; i < keys.length; i++) {
      int k = keys[i];
      if (k < 0 || k >= numKeys) {
        throw new IllegalArgumentException(
            what + " index must be in [0, " + numKeys + "), got " + k + " at entry " + i);
      }
      counts[k + 1]++;
    }
    for (int k = 0; k < numKeys; k++) {
      counts[k + 1] += counts[k];
    }
    int[] result = new int[keys.length];
    for (int j = 0; j < keys.length; j++) {
      int i = order == null ? j : order[j];
      result[counts[keys[i]]++] = i;
    }
    return result;
  }

  /** The number of rows. */
  public int numRows() {
    return numRows;
  }

  /** The number of columns. */
  public int numColumns() {
    return numColumns;
  }

  /** The number of stored entries (ratings). */
  public int nnz() {
    return columns.length;
  }

  /** The first position of row {@code row}. */
  public int rowStart(int row) {
    return rowPointers[row];
  }

  /** One past the last position of row {@code row}. */
  public int rowEnd(int row) {
    return rowPointers[row + 1];
  }

  /** The number of entries in row {@code row}. */
  public int rowLength(int row) {
    return rowPointers[row + 1] - rowPointers[row];
  }

  /** The column of the entry at {@code position}. */
  public int column(int position) {
    return columns[position];
  }

  /** The level of the entry at {@code position}. */
  public int level(int position) {
    return levels[position];
  }

  /** The position in the source {@link Ratings} of the entry at {@code position}. */
  public int ratingIndex(int position) {
    return ratingIndices[position];
  }

  /** The position of ({@code row}, {@code column}), or -1 if that entry is absent. */
  public int find(int row, int column) {
    int lo = rowPointers[row];
    int hi = rowPointers[row + 1] - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = columns[mid];
      if (c < column) {
        lo = mid + 1;
      } else if (c > column) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  /** Internal array (rows + 1) of row start positions. Do not modify. */
  public int[] rowPointers() {
    return rowPointers;
  }

  /** Internal array (nnz) of column indices. Do not modify. */
  public int[] columns() {
    return columns;
  }

  /** Internal array (nnz) of level indices. Do not modify. */
  public byte[] levels() {
    return levels;
  }

  /** Internal array (nnz) of source rating positions. Do not modify. */
  public int[] ratingIndices() {
    return ratingIndices;
  }
}
