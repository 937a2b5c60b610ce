package org.rbmrec.model.rbm;

/**
 * The bridge between an RBM and plain arrays, for model files and export: rebuilds
 * {@link RbmParameters} and {@link IndicatorRows} from arrays read from a file, and gives the
 * factored model's A and B, which {@link RbmParameters} does not expose otherwise. Layouts are
 * those of {@link RbmParameters}.
 */
public final class RbmArrays {
  private RbmArrays() {}

  /**
   * Parameters holding copies of the given arrays.
   *
   * @param w (V × K × F) weights; for a factored model they must equal A·B, as trained
   * @param b (V × K) visible biases
   * @param c (F) hidden biases
   * @param d (V × F) conditional weights, or null
   * @param a (V × K × C) factor loadings, or null when {@code factors} is 0
   * @param bf (C × F) factor-to-hidden weights, or null when {@code factors} is 0
   * @throws IllegalArgumentException if a shape is invalid or an array has the wrong length
   */
  public static RbmParameters parameters(
      int numVisible, int levels, int hidden, int factors,
      float[] w, float[] b, float[] c, float[] d, float[] a, float[] bf) {
    RbmParameters p = new RbmParameters(numVisible, levels, hidden, factors, d != null);
    copy("w", w, p.w);
    copy("b", b, p.b);
    copy("c", c, p.c);
    if (d != null) {
      copy("d", d, p.d);
    }
    if (factors > 0) {
      if (a == null || bf == null) {
        throw new IllegalArgumentException("a factored RBM needs both A and B");
      }
      copy("a", a, p.a);
      copy("bf", bf, p.bf);
    } else if (a != null || bf != null) {
      throw new IllegalArgumentException("A and B exist only when factors > 0");
    }
    return p;
  }

  /** A copy of A (V × K × C), {@code a[(i*K + k)*C + f]}, or null if not factored. */
  public static float[] factorLoadings(RbmParameters p) {
    return p.a == null ? null : p.a.clone();
  }

  /** A copy of B (C × F), {@code bf[f*F + j]}, or null if not factored. */
  public static float[] factorWeights(RbmParameters p) {
    return p.bf == null ? null : p.bf.clone();
  }

  /**
   * Indicator rows over the given CSR arrays (not copied), checked: pointers start at 0, never
   * decrease, never exceed {@code columns.length} and end there; each row's columns strictly
   * increase within [0, numColumns).
   *
   * @throws IllegalArgumentException if the arrays are inconsistent
   */
  public static IndicatorRows indicatorRows(int[] rowPointers, int[] columns, int numColumns) {
    if (rowPointers.length < 1 || rowPointers[0] != 0
        || rowPointers[rowPointers.length - 1] != columns.length) {
      throw new IllegalArgumentException("indicator row pointers must run from 0 to "
          + columns.length);
    }
    for (int r = 0; r + 1 < rowPointers.length; r++) {
      if (rowPointers[r + 1] < rowPointers[r]) {
        throw new IllegalArgumentException("indicator row pointers decrease at row " + r);
      }
      if (rowPointers[r + 1] > columns.length) {
        throw new IllegalArgumentException("indicator row pointers exceed the "
            + columns.length + " columns at row " + r);
      }
      for (int q = rowPointers[r]; q < rowPointers[r + 1]; q++) {
        int col = columns[q];
        if (col < 0 || col >= numColumns || (q > rowPointers[r] && col <= columns[q - 1])) {
          throw new IllegalArgumentException("indicator row " + r
              + " must hold strictly increasing columns in [0, " + numColumns + ")");
        }
      }
    }
    return new IndicatorRows(rowPointers, columns);
  }

  private static void copy(String name, float[] from, float[] to) {
    if (from == null || from.length != to.length) {
      throw new IllegalArgumentException(name + " must have " + to.length + " values, got "
          + (from == null ? "none" : from.length));
    }
    System.arraycopy(from, 0, to, 0, to.length);
  }
}
