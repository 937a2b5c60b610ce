package org.rbmrec.model.rbm;

import java.util.Arrays;
import org.rbmrec.data.SparseRows;

/**
 * The conditional RBM's binary vectors r in CSR form: for each row, the sorted, distinct visible
 * units it rated, whether the rating value is known (training) or not (for example the existence
 * of its test pairs). Row {@code r}'s units are {@code columns[rowPointers[r] … rowPointers[r+1])}.
 *
 * <p>Protocol: the caller passes the "rated, value unknown" entries as a separate set of ratings
 * (their levels are ignored); the indicator of a row is the union of its training entries and
 * those implicit entries. Passing none makes r the training entries alone.
 */
public final class IndicatorRows {
  private final int[] rowPointers;
  private final int[] columns;

  IndicatorRows(int[] rowPointers, int[] columns) {
    this.rowPointers = rowPointers;
    this.columns = columns;
  }

  /**
   * The union, row by row, of the entries of {@code training} and of {@code implicit} (which may
   * be null); both must have the same number of rows.
   */
  public static IndicatorRows union(SparseRows training, SparseRows implicit) {
    int rows = training.numRows();
    if (implicit != null && implicit.numRows() != rows) {
      throw new IllegalArgumentException(
          "implicit rows must match training rows (" + rows + "), got " + implicit.numRows());
    }
    int[] pointers = new int[rows + 1];
    int[] merged = new int[training.nnz() + (implicit == null ? 0 : implicit.nnz())];
    int n = 0;
    int[] tc = training.columns();
    int[] ic = implicit == null ? null : implicit.columns();
    for (int r = 0; r < rows; r++) {
      int p = training.rowStart(r);
      int pe = training.rowEnd(r);
      int q = implicit == null ? 0 : implicit.rowStart(r);
      int qe = implicit == null ? 0 : implicit.rowEnd(r);
      while (p < pe || q < qe) {
        int next;
        if (q >= qe || (p < pe && tc[p] <= ic[q])) {
          next = tc[p++];
        } else {
          next = ic[q++];
        }
        if (n == pointers[r] || merged[n - 1] != next) {
          merged[n++] = next;
        }
      }
      pointers[r + 1] = n;
    }
    return new IndicatorRows(pointers, Arrays.copyOf(merged, n));
  }

  /** The number of rows. */
  public int numRows() {
    return rowPointers.length - 1;
  }

  /** First position of row {@code row}. */
  public int rowStart(int row) {
    return rowPointers[row];
  }

  /** One past the last position of row {@code row}. */
  public int rowEnd(int row) {
    return rowPointers[row + 1];
  }

  /** Internal array (rows + 1). Do not modify. */
  public int[] rowPointers() {
    return rowPointers;
  }

  /** Internal array of visible units. Do not modify. */
  public int[] columns() {
    return columns;
  }
}
