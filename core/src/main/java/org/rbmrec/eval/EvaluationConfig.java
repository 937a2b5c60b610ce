package org.rbmrec.eval;

import org.rbmrec.data.RatingScale;

/**
 * How an {@link Evaluator} measures a model.
 *
 * @param k the ranking cut-off, in [1, 10000]
 * @param relevanceThreshold the rating value from which a test rating counts as relevant (≥);
 *     finite; checked against the data's scale at evaluation time
 * @param threads worker threads for the per-user ranking work, in [1, 1024]; results do not
 *     depend on it
 * @param maxRankedUsers the ranking metrics are averaged over at most this many of the users
 *     with a relevant test rating, evenly spaced by user index (deterministic); 0 ranks them
 *     all. Ranking scores every unrated item of a user, so at ml-20m scale (138,493 users ×
 *     26,744 items) all users would take far longer than training; the error metrics always use
 *     every test pair. In [0, 100,000,000].
 */
public record EvaluationConfig(int k, double relevanceThreshold, int threads, int maxRankedUsers) {
  /** The largest cut-off accepted. */
  public static final int MAX_K = 10_000;
  /** Users ranked by default: every user of ml-100k and ml-1m, a sample of larger sets. */
  public static final int DEFAULT_MAX_RANKED_USERS = 10_000;

  /** A configuration that ranks at most {@value #DEFAULT_MAX_RANKED_USERS} users. */
  public EvaluationConfig(int k, double relevanceThreshold, int threads) {
    this(k, relevanceThreshold, threads, DEFAULT_MAX_RANKED_USERS);
  }

  public EvaluationConfig {
    if (k < 1 || k > MAX_K) {
      throw new IllegalArgumentException("k must be in [1, " + MAX_K + "], got " + k);
    }
    if (!Double.isFinite(relevanceThreshold)) {
      throw new IllegalArgumentException(
          "relevanceThreshold must be a finite rating value, got " + relevanceThreshold);
    }
    if (threads < 1 || threads > 1024) {
      throw new IllegalArgumentException("threads must be in [1, 1024], got " + threads);
    }
    if (maxRankedUsers < 0 || maxRankedUsers > 100_000_000) {
      throw new IllegalArgumentException(
          "maxRankedUsers must be in [0, 100000000] (0 = all), got " + maxRankedUsers);
    }
  }

  /** The default relevance threshold on a 1–5 (or 0.5–5) scale. */
  public static final double DEFAULT_RELEVANCE_THRESHOLD = 4.0;

  /** k = 10, relevant = rating ≥ 4 (for the 1–5 scale), one thread per available processor. */
  public static EvaluationConfig defaults() {
    return new EvaluationConfig(10, DEFAULT_RELEVANCE_THRESHOLD,
        Runtime.getRuntime().availableProcessors());
  }

  /**
   * The default relevance threshold for data on {@code scale}: 4, or the top of the scale when
   * that is lower (a 0–3 or 0/1 scale), so that the default never exceeds the scale.
   */
  public static double defaultRelevanceThreshold(RatingScale scale) {
    return Math.min(DEFAULT_RELEVANCE_THRESHOLD, scale.max());
  }

  /** This configuration with the default relevance threshold for {@code scale}. */
  public EvaluationConfig withDefaultThresholdFor(RatingScale scale) {
    return withRelevanceThreshold(defaultRelevanceThreshold(scale));
  }

  /** This configuration with cut-off {@code k}. */
  public EvaluationConfig withK(int k) {
    return new EvaluationConfig(k, relevanceThreshold, threads, maxRankedUsers);
  }

  /** This configuration with at most {@code users} ranked users (0 = all). */
  public EvaluationConfig withMaxRankedUsers(int users) {
    return new EvaluationConfig(k, relevanceThreshold, threads, users);
  }

  /** This configuration with relevance threshold {@code threshold}. */
  public EvaluationConfig withRelevanceThreshold(double threshold) {
    return new EvaluationConfig(k, threshold, threads, maxRankedUsers);
  }

  /** This configuration with {@code threads} worker threads. */
  public EvaluationConfig withThreads(int threads) {
    return new EvaluationConfig(k, relevanceThreshold, threads, maxRankedUsers);
  }
}
