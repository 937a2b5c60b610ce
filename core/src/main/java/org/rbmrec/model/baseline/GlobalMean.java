package org.rbmrec.model.baseline;

import org.rbmrec.data.Ratings;
import org.rbmrec.data.RatingScale;
import org.rbmrec.data.SparseRows;
import org.rbmrec.model.Recommender;
import org.rbmrec.model.TopItems;
import org.rbmrec.model.TopK;

/**
 * The simplest baseline: every pair is predicted as μ, the mean training rating. It has no
 * parameters, so it has no config; it never falls back (every prediction is the model's own).
 * Its top-k lists are the user's first unseen items by index (all scores tie), useful only as a
 * floor for ranking metrics.
 */
public final class GlobalMean implements Recommender {
  private final double mean;
  private final RatingScale scale;
  private final SparseRows seen;

  private GlobalMean(double mean, RatingScale scale, SparseRows seen) {
    this.mean = mean;
    this.scale = scale;
    this.seen = seen;
  }

  /** Fits μ = Σ r / n over {@code train}, which must hold at least one rating. */
  public static GlobalMean fit(Ratings train) {
    Fitting.requireTrainingData(train, "global mean");
    return new GlobalMean(train.meanValue(), train.scale(), train.byUser());
  }

  /**
   * Rebuilds a fitted model (for model files).
   *
   * @param mean μ (rating units)
   * @param scale the rating scale
   * @param seen the training ratings by user (users × items), for {@code excludeSeen}
   */
  public static GlobalMean of(double mean, RatingScale scale, SparseRows seen) {
    if (scale == null || seen == null) {
      throw new IllegalArgumentException("scale and seen must not be null");
    }
    return new GlobalMean(mean, scale, seen);
  }

  /** The training ratings by user (internal; do not modify). */
  public SparseRows seenRows() {
    return seen;
  }

  /** μ, the mean training rating (rating units). */
  public double mean() {
    return mean;
  }

  @Override
  public String name() {
    return "global-mean";
  }

  @Override
  public RatingScale scale() {
    return scale;
  }

  @Override
  public int numUsers() {
    return seen.numRows();
  }

  @Override
  public int numItems() {
    return seen.numColumns();
  }

  @Override
  public double predict(int user, int item) {
    checkIndices(user, item);
    return Fitting.clip(mean, scale);
  }

  @Override
  public boolean isFallback(int user, int item) {
    checkIndices(user, item);
    return false;
  }

  @Override
  public TopItems recommend(int user, int k, boolean excludeSeen) {
    Indices.user(user, numUsers());
    double value = Fitting.clip(mean, scale);
    return TopK.select(
        numItems(), k, item -> value, excludeSeen ? seen : null, user, score -> score);
  }

  private void checkIndices(int user, int item) {
    Indices.check(user, numUsers(), item, numItems());
  }

  @Override
  public String toString() {
    return "GlobalMean[μ=" + mean + "]";
  }
}
