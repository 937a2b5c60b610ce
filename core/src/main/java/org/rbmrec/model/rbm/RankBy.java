package org.rbmrec.model.rbm;

/** What {@link RbmModel#recommend(int, int, boolean, RankBy)} ranks candidates by. */
public enum RankBy {
  /** The expected rating Σ_k value_k p(v = k). */
  EXPECTED_RATING,
  /** The probability of the top level, p(v = K-1): how likely the best rating is. */
  TOP_LEVEL_PROBABILITY
}
