package org.rbmrec.data.synth;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.rbmrec.data.IdIndex;
import org.rbmrec.data.RatingScale;
import org.rbmrec.data.Ratings;
import org.rbmrec.progress.Progress;

/**
 * A synthetic rating set shaped like MovieLens, with the planted model that produced it.
 *
 * <p>Generation, for a {@link SyntheticConfig}:
 * <ol>
 *   <li>user activity counts from a power law over activity ranks (exact total, each in
 *       [minRatingsPerUser, items]); ranks are assigned to users by a seeded shuffle;
 *   <li>item popularity weights from a Zipf law over popularity ranks, also shuffled over items;
 *   <li>every item is given to one user, so every item has a rating;
 *   <li>each user u draws their other distinct items from the popularity weights without
 *       replacement,
 *       a first-rating time uniform in [1995-01-09, 2015-03-31] and an active span ~ Exp(mean
 *       200 days), each rating's time uniform in the span; and each rating
 *       {@code planted(u, i) + noise·c·N(0, 1)} rounded to the nearest level and clipped to the
 *       scale (c = scale width / 4.5);
 * </ol>
 * all from a stream derived from (seed, u), so the result depends on the seed only, never on the
 * number of threads. Users are spread over all available processors. Ratings come out grouped
 * by user (in user index order), each user's items ascending. Raw ids are {@code 1 … users} and
 * {@code 1 … items}.
 */
public final class SyntheticRatings {
  /** 1995-01-09, ml-20m's first rating, in seconds since the epoch. */
  static final long FIRST_TIME = 789_652_009L;
  /** 2015-03-31, ml-20m's last rating, in seconds since the epoch. */
  static final long LAST_TIME = 1_427_784_002L;
  private static final double MEAN_SPAN_SECONDS = 200 * 86_400.0;
  private static final int USERS_PER_CHUNK = 512;

  private final SyntheticConfig config;
  private final Ratings ratings;
  private final PlantedModel planted;

  private SyntheticRatings(SyntheticConfig config, Ratings ratings, PlantedModel planted) {
    this.config = config;
    this.ratings = ratings;
    this.planted = planted;
  }

  /** Generates the set on every available processor; see the class comment. */
  public static SyntheticRatings generate(SyntheticConfig config, Progress progress) {
    return generate(config, progress, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Generates the set on {@code threads} threads; the result is the same for any thread count.
   *
   * @param threads ≥ 1
   */
  public static SyntheticRatings generate(SyntheticConfig config, Progress progress, int threads) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(progress, "progress");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
    }
    int[] counts = ActivityPlan.counts(config);
    int[] offsets = new int[config.users() + 1];
    for (int u = 0; u < config.users(); u++) {
      offsets[u + 1] = offsets[u] + counts[u];
    }
    int[] popularityRank = Streams.permutation(
        config.items(), Streams.of(config.seed(), Streams.ITEM_RANKS, 0));
    ItemSampler sampler = new ItemSampler(
        popularityRank, config.itemPopularityExponent(), config.itemPopularityOffset());
    Coverage coverage = Coverage.plan(config, counts);
    PlantedModel planted = new PlantedModel(config);

    int n = config.ratings();
    Output out = new Output(new int[n], new int[n], new byte[n], new long[n]);
    progress.start("generating synthetic ratings", config.users(), "user");
    try {
      runChunks(config, threads, progress, (from, to, scratch) -> {
        for (int u = from; u < to; u++) {
          generateUser(config, u, offsets[u], counts[u], coverage, sampler, scratch, planted, out);
        }
      }, sampler);
    } finally {
      progress.finish();
    }
    Ratings ratings = Ratings.of(out.users, out.items, out.levels, out.times,
        IdIndex.of("user", oneBased(config.users())), IdIndex.of("item", oneBased(config.items())),
        config.scale());
    return new SyntheticRatings(config, ratings, planted);
  }

  /** The generated ratings. */
  public Ratings ratings() {
    return ratings;
  }

  /** The config they were generated from. */
  public SyntheticConfig config() {
    return config;
  }

  /**
   * The planted model's noiseless value for (user, item), {@code μ + b_u + b_i + p_u·q_i}
   * clipped to the scale's [min, max]: the best prediction any model can make of a rating.
   *
   * @param user dense user index ∈ [0, users)
   * @param item dense item index ∈ [0, items)
   */
  public double plantedValue(int user, int item) {
    if (user < 0 || user >= config.users()) {
      throw new IllegalArgumentException(
          "user index must be in [0, " + config.users() + "), got " + user);
    }
    if (item < 0 || item >= config.items()) {
      throw new IllegalArgumentException(
          "item index must be in [0, " + config.items() + "), got " + item);
    }
    return planted.clipped(user, item);
  }

  /**
   * Writes {@code ratings} as an ml-20m-style CSV; see {@link CsvRatingsWriter#write}.
   */
  public static void write(Ratings ratings, Path csv) {
    CsvRatingsWriter.write(ratings, csv, Progress.NONE);
  }

  private static void generateUser(
      SyntheticConfig config, int user, int from, int count, Coverage coverage,
      ItemSampler sampler, ItemSampler.Scratch scratch, PlantedModel planted, Output out) {
    SplittableRandom random = Streams.of(config.seed(), Streams.USER_RATINGS, user);
    sampler.sample(count, coverage.items, coverage.start[user], coverage.start[user + 1], random,
        scratch, out.items, from);
    long start = FIRST_TIME + random.nextLong(LAST_TIME - FIRST_TIME);
    long span = Math.min(LAST_TIME - start, (long) (random.nextExponential() * MEAN_SPAN_SECONDS));
    RatingScale scale = config.scale();
    double min = scale.min();
    double step = scale.step();
    int top = scale.levels() - 1;
    double noise = config.noise() * (scale.max() - scale.min()) / PlantedModel.HALF_STAR_WIDTH;
    for (int j = from; j < from + count; j++) {
      int item = out.items[j];
      double value = planted.raw(user, item) + noise * random.nextGaussian();
      long level = Math.round((value - min) / step);
      out.users[j] = user;
      out.levels[j] = (byte) Math.max(0, Math.min(top, level));
      out.times[j] = start + random.nextLong(span + 1);
    }
  }

  private interface ChunkWork {
    void run(int fromUser, int toUser, ItemSampler.Scratch scratch);
  }

  private static void runChunks(
      SyntheticConfig config, int threads, Progress progress, ChunkWork work,
      ItemSampler sampler) {
    int users = config.users();
    int chunks = (users + USERS_PER_CHUNK - 1) / USERS_PER_CHUNK;
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable worker = () -> {
      ItemSampler.Scratch scratch = sampler.newScratch();
      for (int c = next.getAndIncrement(); c < chunks && failure.get() == null;
          c = next.getAndIncrement()) {
        int from = c * USERS_PER_CHUNK;
        int to = Math.min(users, from + USERS_PER_CHUNK);
        try {
          work.run(from, to, scratch);
        } catch (RuntimeException | Error e) {
          failure.compareAndSet(null, e);
          return;
        }
        progress.advance(to - from);
      }
    };
    int used = Math.min(threads, chunks);
    List<Thread> pool = new ArrayList<>(used);
    for (int t = 1; t < used; t++) {
      Thread thread = new Thread(worker, "rbmrec-synth-" + t);
      thread.setDaemon(true);
      thread.start();
      pool.add(thread);
    }
    worker.run();
    for (Thread thread : pool) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure.compareAndSet(null, e);
      }
    }
    Throwable t = failure.get();
    if (t instanceof RuntimeException) {
      throw (RuntimeException) t;
    }
    if (t instanceof Error) {
      throw (Error) t;
    }
    if (t != null) {
      throw new IllegalStateException("synthetic data generation was interrupted", t);
    }
  }

  private static long[] oneBased(int n) {
    long[] ids = new long[n];
    for (int i = 0; i < n; i++) {
      ids[i] = i + 1;
    }
    return ids;
  }

  /** The output arrays, each (ratings), written by disjoint user slices. */
  private static final class Output {
    final int[] users;
    final int[] items;
    final byte[] levels;
    final long[] times;

    Output(int[] users, int[] items, byte[] levels, long[] times) {
      this.users = users;
      this.items = items;
      this.levels = levels;
      this.times = times;
    }
  }
}
