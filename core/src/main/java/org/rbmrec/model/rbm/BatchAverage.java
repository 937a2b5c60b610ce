package org.rbmrec.model.rbm;

/**
 * What the CD statistics of a mini-batch are averaged over. Both are means of per-row outer
 * products v_b h_bᵀ, never the outer product of means.
 */
public enum BatchAverage {
  /**
   * Every statistic is divided by B, the number of rows in the batch (paper §2.2: gradients
   * averaged over the users): a visible unit rated by few rows of the batch moves little.
   */
  ROWS,
  /**
   * The statistics of visible unit i (its W, b and D rows) are divided by the number of the
   * batch's rows in which i is a visible unit (for D: in which r_i = 1), the hidden biases by B:
   * the mean over the rows whose RBM contains unit i.
   */
  ROWS_WITH_ENTRY
}
