package org.rbmrec.model.rbm;

import org.rbmrec.data.RatingScale;
import org.rbmrec.model.Recommender;
import org.rbmrec.model.TopItems;

/** Test-local fallback: predicts one constant (for example the global mean) for every pair. */
final class ConstantRecommender implements Recommender {
  private final RatingScale scale;
  private final int users;
  private final int items;
  private final double value;

  ConstantRecommender(RatingScale scale, int users, int items, double value) {
    this.scale = scale;
    this.users = users;
    this.items = items;
    this.value = value;
  }

  /** The global mean of {@code ratings}. */
  static ConstantRecommender globalMean(org.rbmrec.data.Ratings ratings) {
    return new ConstantRecommender(
        ratings.scale(), ratings.numUsers(), ratings.numItems(), ratings.meanValue());
  }

  @Override
  public String name() {
    return "constant";
  }

  @Override
  public RatingScale scale() {
    return scale;
  }

  @Override
  public int numUsers() {
    return users;
  }

  @Override
  public int numItems() {
    return items;
  }

  @Override
  public double predict(int user, int item) {
    return value;
  }

  @Override
  public boolean isFallback(int user, int item) {
    return false;
  }

  @Override
  public TopItems recommend(int user, int k, boolean excludeSeen) {
    int n = Math.min(k, items);
    int[] top = new int[n];
    double[] scores = new double[n];
    for (int i = 0; i < n; i++) {
      top[i] = i;
      scores[i] = value;
    }
    return new TopItems(top, scores);
  }
}
