package org.rbmrec.model.rbm;

/** How a trained model turns a row's observed ratings into a distribution over a query's levels. */
public enum PredictionRule {
  /**
   * One mean-field pass: p̂_j = σ(c_j + Σ_{observed i,k} W_ikj v_ik [+ D terms]), then
   * p(v_q = k) ∝ exp(b_qk + Σ_j p̂_j W_qkj).
   */
  MEAN_FIELD,
  /**
   * The hidden units marginalised analytically (paper, eq. 5 and after):
   * p(v_q = k | V) ∝ exp(b_qk) Π_j (1 + exp(c_j + Σ_{observed} W v + W_qkj)). When the query is
   * itself one of the row's observed entries, its own term is left out of the sum (the
   * conditional given the row's other ratings).
   */
  EXACT
}
