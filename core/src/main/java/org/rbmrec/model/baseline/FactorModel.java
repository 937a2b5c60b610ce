package org.rbmrec.model.baseline;

import org.rbmrec.data.RatingScale;
import org.rbmrec.data.SparseRows;
import org.rbmrec.model.Recommender;
import org.rbmrec.model.TopItems;

/**
 * What the latent-factor baselines share: biases μ + b_u + b_i, user factors p (users × F,
 * {@code p[u*F + f]}) and item factors q (items × F, {@code q[i*F + f]}), served by one
 * {@link FactorScorer} that predicts, clips, falls back to the biases and ranks.
 */
public abstract sealed class FactorModel implements Recommender permits BiasedMf, SvdPlusPlus {
  final FactorScorer scorer;
  private final double[] userFactors;
  private final double[] itemFactors;

  FactorModel(FactorScorer scorer, double[] userFactors, double[] itemFactors) {
    this.scorer = scorer;
    this.userFactors = userFactors;
    this.itemFactors = itemFactors;
  }

  /** A copy of b_u for every user (users). */
  public double[] userBiases() {
    return scorer.userBiases();
  }

  /** A copy of b_i for every item (items). */
  public double[] itemBiases() {
    return scorer.itemBiases();
  }

  /** The training ratings by user (internal; do not modify). */
  public SparseRows seenRows() {
    return scorer.seen();
  }

  /** μ, the mean training rating. */
  public double mean() {
    return scorer.mean();
  }

  /** b_u of {@code user}. */
  public double userBias(int user) {
    Indices.user(user, numUsers());
    return scorer.userBias(user);
  }

  /** b_i of {@code item}. */
  public double itemBias(int item) {
    Indices.item(item, numItems());
    return scorer.itemBias(item);
  }

  /** A copy of the user factors p, (users × F): {@code p[u*F + f]}. */
  public double[] userFactors() {
    return userFactors.clone();
  }

  /** A copy of the item factors q, (items × F): {@code q[i*F + f]}. */
  public double[] itemFactors() {
    return itemFactors.clone();
  }

  @Override
  public RatingScale scale() {
    return scorer.scale();
  }

  @Override
  public int numUsers() {
    return scorer.numUsers();
  }

  @Override
  public int numItems() {
    return scorer.numItems();
  }

  @Override
  public double predict(int user, int item) {
    return scorer.predict(user, item);
  }

  @Override
  public boolean isFallback(int user, int item) {
    return scorer.isFallback(user, item);
  }

  @Override
  public TopItems recommend(int user, int k, boolean excludeSeen) {
    return scorer.recommend(user, k, excludeSeen);
  }
}
