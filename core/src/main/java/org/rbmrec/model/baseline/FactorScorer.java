package org.rbmrec.model.baseline;

import org.rbmrec.data.RatingScale;
import org.rbmrec.data.SparseRows;
import org.rbmrec.model.TopItems;
import org.rbmrec.model.TopK;

/**
 * The prediction rule shared by the latent-factor baselines:
 * r̂_ui = μ + b_u + b_i + x_u · q_i, where x_u is the user's effective factor vector (p_u for
 * biased MF, p_u + |N(u)|^-½ Σ_{j∈N(u)} y_j for SVD++). A pair whose user or item had no
 * training ratings falls back to the biases alone, μ + b_u + b_i (the missing side's bias is 0),
 * because its factor vector is still its random initialisation.
 *
 * <p>Layout, with F factors: {@code userVectors[u*F + f]} (users × F),
 * {@code itemFactors[i*F + f]} (items × F). Arrays are owned and never modified.
 */
final class FactorScorer {
  private final RatingScale scale;
  private final int factors;
  private final double mean;
  private final double[] userBias;
  private final double[] itemBias;
  private final double[] userVectors;
  private final double[] itemFactors;
  private final boolean[] userKnown;
  private final boolean[] itemKnown;
  private final SparseRows seen;

  FactorScorer(
      RatingScale scale, int factors, double mean, double[] userBias, double[] itemBias,
      double[] userVectors, double[] itemFactors, SparseRows seen, boolean[] itemKnown) {
    this.scale = scale;
    this.factors = factors;
    this.mean = mean;
    this.userBias = userBias;
    this.itemBias = itemBias;
    this.userVectors = userVectors;
    this.itemFactors = itemFactors;
    this.seen = seen;
    this.userKnown = Fitting.nonEmptyRows(seen);
    this.itemKnown = itemKnown;
  }

  RatingScale scale() {
    return scale;
  }

  int numUsers() {
    return userBias.length;
  }

  int numItems() {
    return itemBias.length;
  }

  double mean() {
    return mean;
  }

  double userBias(int user) {
    return userBias[user];
  }

  double itemBias(int item) {
    return itemBias[item];
  }

  double[] userBiases() {
    return userBias.clone();
  }

  double[] itemBiases() {
    return itemBias.clone();
  }

  SparseRows seen() {
    return seen;
  }

  /** The unclipped score of (user, item); indices must be valid. */
  double rawScore(int user, int item) {
    double s = mean + userBias[user] + itemBias[item];
    if (userKnown[user] && itemKnown[item]) {
      s += dot(user * factors, item * factors);
    }
    return s;
  }

  double predict(int user, int item) {
    Indices.check(user, numUsers(), item, numItems());
    return Fitting.clip(rawScore(user, item), scale);
  }

  boolean isFallback(int user, int item) {
    Indices.check(user, numUsers(), item, numItems());
    return !userKnown[user] || !itemKnown[item];
  }

  TopItems recommend(int user, int k, boolean excludeSeen) {
    Indices.user(user, numUsers());
    return TopK.select(
        numItems(), k, item -> rawScore(user, item), excludeSeen ? seen : null, user,
        score -> Fitting.clip(score, scale));
  }

  private double dot(int userOffset, int itemOffset) {
    double s = 0;
    for (int f = 0; f < factors; f++) {
      s += userVectors[userOffset + f] * itemFactors[itemOffset + f];
    }
    return s;
  }
}
