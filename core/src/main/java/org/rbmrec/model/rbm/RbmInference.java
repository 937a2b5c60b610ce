package org.rbmrec.model.rbm;

import org.rbmrec.data.SparseRows;

/**
 * Prediction arithmetic over a set of parameters and the training rows that condition it. Reads
 * only training ratings: the visible layer of a query's row is the row's observed training
 * entries, never a test rating. Not thread-confined: every method takes its scratch from the
 * caller.
 */
final class RbmInference {
  final RbmParameters p;
  final SparseRows rows;
  final IndicatorRows indicator;
  final double[] levelValues;
  final int[] visibleCounts;

  RbmInference(RbmParameters p, SparseRows rows, IndicatorRows indicator, double[] levelValues) {
    this.p = p;
    this.rows = rows;
    this.indicator = p.d == null ? null : indicator;
    this.levelValues = levelValues;
    this.visibleCounts = new int[p.numVisible];
    for (int column : rows.columns()) {
      visibleCounts[column]++;
    }
  }

  /** Whether (row, entry) can be scored: the row has training ratings and the entry was seen. */
  boolean canPredict(int row, int entry) {
    return rows.rowLength(row) > 0 && visibleCounts[entry] > 0;
  }

  /** The total hidden input of a row's observed ratings: {@code out[j] = x_j} (F). */
  void rowInput(int row, float[] out) {
    System.arraycopy(p.c, 0, out, 0, p.hidden);
    if (indicator != null) {
      RbmMath.addImplicitInput(
          p.d, p.hidden, indicator.columns(), indicator.rowStart(row), indicator.rowEnd(row), out);
    }
    RbmMath.addVisibleInput(
        p.w, p.levels, p.hidden, rows.columns(), rows.levels(), rows.rowStart(row),
        rows.rowEnd(row), out);
  }

  /**
   * p(v_entry = k | the row's observed ratings) into {@code out[0 … K)}.
   *
   * @param input holds the row's hidden input x (from {@link #rowInput}) at
   *     {@code input[offset + j]}
   * @param hiddenProbabilities holds σ(x) at the same offset, used by the mean-field rule
   * @param scratch (F) scratch for the exact rule
   */
  void levelProbabilities(
      PredictionRule rule, int row, int entry, float[] input, float[] hiddenProbabilities,
      int offset, float[] scratch, float[] out) {
    int k = p.levels;
    int f = p.hidden;
    if (rule == PredictionRule.MEAN_FIELD) {
      RbmMath.visibleLogits(p.w, p.b, k, f, entry, hiddenProbabilities, offset, out, 0);
    } else {
      int position = rows.find(row, entry);
      if (position >= 0) {
        int o = (entry * k + rows.level(position)) * f;
        for (int j = 0; j < f; j++) {
          scratch[j] = input[offset + j] - p.w[o + j];
        }
        RbmMath.exactQueryLogits(p.w, p.b, k, f, entry, scratch, 0, out, 0);
      } else {
        RbmMath.exactQueryLogits(p.w, p.b, k, f, entry, input, offset, out, 0);
      }
    }
    RbmMath.softmax(out, 0, k);
  }

  /** The expected rating value Σ_k value_k · probabilities[k]. */
  double expectedValue(float[] probabilities) {
    double s = 0;
    for (int l = 0; l < levelValues.length; l++) {
      s += probabilities[l] * levelValues[l];
    }
    return s;
  }

  /** The free energy of row {@code row}'s observed training ratings. */
  double freeEnergy(int row, float[] scratch) {
    rowInput(row, scratch);
    return RbmMath.freeEnergy(
        p.b, p.levels, rows.columns(), rows.levels(), rows.rowStart(row), rows.rowEnd(row),
        scratch, p.hidden);
  }
}
