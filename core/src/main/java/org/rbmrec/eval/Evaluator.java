package org.rbmrec.eval;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import org.rbmrec.data.IdIndex;
import org.rbmrec.data.Ratings;
import org.rbmrec.data.RatingScale;
import org.rbmrec.data.SparseRows;
import org.rbmrec.model.Predictions;
import org.rbmrec.model.Recommender;
import org.rbmrec.model.TopItems;
import org.rbmrec.progress.Progress;

/**
 * Measures a trained {@link Recommender} on a test set: rating error over every test rating, and
 * top-k ranking quality per user.
 *
 * <p><b>Error.</b> Every test pair is predicted with {@link Recommender#predict(int[], int[])};
 * RMSE and MAE are taken over all of them, and the number served by the model's fallback is
 * counted.
 *
 * <p><b>Ranking.</b> For each user with at least one relevant test rating (value ≥ the
 * relevance threshold), the model ranks the items the user did not rate in training
 * ({@code recommend(user, k, excludeSeen = true)}); the list is scored against the user's
 * relevant test items with {@link RankingMetrics}, and the scores are averaged over those users
 * (at most {@link EvaluationConfig#maxRankedUsers()} of them, evenly spaced by user index).
 * Coverage is the fraction of the catalogue ({@code numItems}) that appears in any of their
 * lists. Users are processed on {@link EvaluationConfig#threads()} threads; per-user results are
 * summed in user order afterwards, so the result does not depend on the thread count.
 *
 * <p>The training and test sets must share their id indices (as splits made with
 * {@link Ratings#subset(int[])} do) and must not share any (user, item) pair.
 */
public final class Evaluator {
  private static final int USERS_PER_CHUNK = 64;

  private final EvaluationConfig config;

  /** An evaluator with {@code config}. */
  public Evaluator(EvaluationConfig config) {
    if (config == null) {
      throw new IllegalArgumentException("config must not be null");
    }
    this.config = config;
  }

  /** The configuration. */
  public EvaluationConfig config() {
    return config;
  }

  /**
   * Evaluates {@code model}, trained on {@code train}, on {@code test}.
   *
   * @throws IllegalArgumentException if the test set is empty, the sets do not share id indices
   *     and scale, they overlap, the model's dimensions differ from the data's, or the relevance
   *     threshold lies above the scale's maximum
   */
  public EvaluationResult evaluate(Recommender model, Ratings train, Ratings test) {
    return evaluate(model, train, test, Progress.NONE);
  }

  /**
   * Evaluates {@code model}, trained on {@code train}, on {@code test}, reporting the ranking
   * work to {@code progress} in users.
   *
   * @throws IllegalArgumentException as {@link #evaluate(Recommender, Ratings, Ratings)}
   */
  public EvaluationResult evaluate(
      Recommender model, Ratings train, Ratings test, Progress progress) {
    if (progress == null) {
      throw new IllegalArgumentException("progress must not be null (use Progress.NONE)");
    }
    checkCompatible(model, train, test);
    int minRelevantLevel = minRelevantLevel(test.scale(), config.relevanceThreshold());

    int[] users = test.usersCopy();
    int[] items = test.itemsCopy();
    Predictions predictions = model.predict(users, items);
    if (predictions.size() != test.size()) {
      throw new IllegalStateException(
          "model " + model.name() + " returned " + predictions.size() + " predictions for "
              + test.size() + " pairs");
    }
    double[] values = predictions.values();
    ErrorAccumulator errors = new ErrorAccumulator();
    for (int j = 0; j < values.length; j++) {
      if (Double.isNaN(values[j])) {
        throw new IllegalStateException(
            "model " + model.name() + " predicted NaN for user index " + users[j]
                + ", item index " + items[j]);
      }
      errors.add(values[j], test.value(j));
    }

    int[] ranked = usersToRank(test.byUser(), minRelevantLevel);
    progress.start("ranking items for " + model.name(), ranked.length, "user");
    UserRanking ranking;
    try {
      ranking = rankUsers(model, test.byUser(), ranked, minRelevantLevel, progress);
    } finally {
      progress.finish();
    }
    return new EvaluationResult(
        model.name(), errors.rmse(), errors.mae(), test.size(), predictions.fallbackCount(),
        config.k(), config.relevanceThreshold(), ranking.mean(ranking.precision),
        ranking.mean(ranking.recall), ranking.mean(ranking.ndcg), ranking.mean(ranking.map),
        ranking.mean(ranking.hitRate), ranking.coverage(), ranking.count());
  }

  /**
   * The users whose rankings are measured, in increasing order: those with a relevant test
   * rating, or at most {@code maxRankedUsers} of them evenly spaced by index.
   */
  private int[] usersToRank(SparseRows testRows, int minRelevantLevel) {
    int[] eligible = new int[testRows.numRows()];
    int n = 0;
    for (int u = 0; u < testRows.numRows(); u++) {
      if (relevantCount(testRows, u, minRelevantLevel) > 0) {
        eligible[n++] = u;
      }
    }
    int max = config.maxRankedUsers();
    if (max == 0 || n <= max) {
      return Arrays.copyOf(eligible, n);
    }
    int[] chosen = new int[max];
    for (int x = 0; x < max; x++) {
      chosen[x] = eligible[(int) ((long) x * n / max)];
    }
    return chosen;
  }

  private static int relevantCount(SparseRows testRows, int u, int minRelevantLevel) {
    int numRelevant = 0;
    for (int p = testRows.rowStart(u); p < testRows.rowEnd(u); p++) {
      numRelevant += testRows.level(p) >= minRelevantLevel ? 1 : 0;
    }
    return numRelevant;
  }

  private UserRanking rankUsers(Recommender model, SparseRows testRows, int[] users,
      int minRelevantLevel, Progress progress) {
    int numUsers = testRows.numRows();
    int k = config.k();
    UserRanking r = new UserRanking(numUsers, model.numItems());
    forEachUser(users.length, x -> {
      int u = users[x];
      int numRelevant = relevantCount(testRows, u, minRelevantLevel);
      TopItems top = model.recommend(u, k, true);
      if (top.size() > k) {
        throw new IllegalStateException(
            "model " + model.name() + " returned " + top.size() + " items for k=" + k);
      }
      boolean[] hits = new boolean[top.size()];
      for (int j = 0; j < hits.length; j++) {
        int item = top.items()[j];
        if (item < 0 || item >= r.covered.length) {
          throw new IllegalStateException(
              "model " + model.name() + " recommended item index " + item + " outside [0, "
                  + r.covered.length + ")");
        }
        // Threads only ever write true here; Java writes boolean array elements without word
        // tearing, and join() publishes them, so the union is exact whatever the thread count.
        r.covered[item] = true;
        int p = testRows.find(u, item);
        hits[j] = p >= 0 && testRows.level(p) >= minRelevantLevel;
      }
      r.ranked[u] = true;
      r.precision[u] = RankingMetrics.precision(hits, k);
      r.recall[u] = RankingMetrics.recall(hits, numRelevant, k);
      r.ndcg[u] = RankingMetrics.ndcg(hits, numRelevant, k);
      r.map[u] = RankingMetrics.averagePrecision(hits, numRelevant, k);
      r.hitRate[u] = RankingMetrics.hitRate(hits, k);
    }, progress);
    return r;
  }

  /** Runs {@code task} for every user in chunks on the configured threads. */
  private void forEachUser(int numUsers, IntConsumer task, Progress progress) {
    int chunks = (numUsers + USERS_PER_CHUNK - 1) / USERS_PER_CHUNK;
    int threads = Math.min(config.threads(), Math.max(1, chunks));
    AtomicInteger nextChunk = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable worker = () -> {
      try {
        for (int c = nextChunk.getAndIncrement(); c < chunks && failure.get() == null;
            c = nextChunk.getAndIncrement()) {
          int end = Math.min(numUsers, (c + 1) * USERS_PER_CHUNK);
          for (int u = c * USERS_PER_CHUNK; u < end; u++) {
            task.accept(u);
          }
          progress.advance(end - c * USERS_PER_CHUNK);
        }
      } catch (RuntimeException | Error e) {
        failure.compareAndSet(null, e);
      }
    };
    Thread[] helpers = new Thread[threads - 1];
    for (int t = 0; t < helpers.length; t++) {
      helpers[t] = new Thread(worker, "rbmrec-eval-" + (t + 1));
      helpers[t].setDaemon(true);
      helpers[t].start();
    }
    worker.run();
    for (Thread helper : helpers) {
      try {
        helper.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while evaluating", e);
      }
    }
    Throwable t = failure.get();
    if (t instanceof RuntimeException re) {
      throw re;
    }
    if (t instanceof Error err) {
      throw err;
    }
  }

  private void checkCompatible(Recommender model, Ratings train, Ratings test) {
    if (model == null || train == null || test == null) {
      throw new IllegalArgumentException("model, train and test must not be null");
    }
    if (test.size() == 0) {
      throw new IllegalArgumentException("cannot evaluate on an empty test set");
    }
    requireSameIndex(train.userIds(), test.userIds());
    requireSameIndex(train.itemIds(), test.itemIds());
    if (!train.scale().equals(test.scale())) {
      throw new IllegalArgumentException(
          "train and test must share a rating scale, got " + train.scale().describe() + " and "
              + test.scale().describe());
    }
    if (model.numUsers() != train.numUsers() || model.numItems() != train.numItems()) {
      throw new IllegalArgumentException(
          "model " + model.name() + " knows " + model.numUsers() + " users and "
              + model.numItems() + " items but the data has " + train.numUsers() + " and "
              + train.numItems());
    }
    SparseRows trainRows = train.byUser();
    for (int j = 0; j < test.size(); j++) {
      if (trainRows.find(test.user(j), test.item(j)) >= 0) {
        throw new IllegalArgumentException(
            "test rating of item " + test.itemIds().rawId(test.item(j)) + " by user "
                + test.userIds().rawId(test.user(j)) + " is also in the training set");
      }
    }
  }

  private static void requireSameIndex(IdIndex a, IdIndex b) {
    if (a != b && !Arrays.equals(a.rawIds(), b.rawIds())) {
      throw new IllegalArgumentException(
          "train and test must share the " + a.side() + " id index (" + a.size() + " vs "
              + b.size() + " ids); split one Ratings with subset()");
    }
  }

  /** The lowest level whose value is ≥ threshold. */
  private static int minRelevantLevel(RatingScale scale, double threshold) {
    if (threshold > scale.max() + 1e-9 * scale.step()) {
      throw new IllegalArgumentException(
          "relevanceThreshold must be at most the scale maximum " + scale.max() + ", got "
              + threshold);
    }
    int levels = scale.levels();
    for (int level = 0; level < levels; level++) {
      if (scale.value(level) >= threshold - 1e-9 * scale.step()) {
        return level;
      }
    }
    return levels;
  }

  /** Per-user ranking results, written by worker threads at disjoint indices. */
  private static final class UserRanking {
    final boolean[] ranked;
    final double[] precision;
    final double[] recall;
    final double[] ndcg;
    final double[] map;
    final double[] hitRate;
    /** (items) whether the item is in any ranked user's list. */
    final boolean[] covered;

    UserRanking(int numUsers, int numItems) {
      ranked = new boolean[numUsers];
      precision = new double[numUsers];
      recall = new double[numUsers];
      ndcg = new double[numUsers];
      map = new double[numUsers];
      hitRate = new double[numUsers];
      covered = new boolean[numItems];
    }

    int count() {
      int n = 0;
      for (boolean b : ranked) {
        n += b ? 1 : 0;
      }
      return n;
    }

    /** The mean of {@code perUser} over ranked users, summed in user order; NaN if none. */
    double mean(double[] perUser) {
      int n = count();
      if (n == 0) {
        return Double.NaN;
      }
      double sum = 0;
      for (int u = 0; u < perUser.length; u++) {
        if (ranked[u]) {
          sum += perUser[u];
        }
      }
      return sum / n;
    }

    double coverage() {
      if (count() == 0 || covered.length == 0) {
        return Double.NaN;
      }
      int n = 0;
      for (boolean b : covered) {
        n += b ? 1 : 0;
      }
      return (double) n / covered.length;
    }
  }
}
