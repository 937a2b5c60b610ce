package org.rbmrec.data.synth;

import java.util.SplittableRandom;

/** Seeded random streams derived from (seed, purpose, row), independent of threads. */
final class Streams {
  /** Purposes, so that the streams of one row for different jobs never coincide. */
  static final long USER_FACTORS = 0x1L;
  static final long ITEM_FACTORS = 0x2L;
  static final long USER_RATINGS = 0x3L;
  static final long ITEM_RANKS = 0x4L;
  static final long USER_RANKS = 0x5L;
  static final long COVERAGE = 0x6L;

  private Streams() {}

  /** The stream of {@code row} for {@code purpose} under {@code seed}. */
  static SplittableRandom of(long seed, long purpose, long row) {
    long z = mix(seed + 0x9E3779B97F4A7C15L * purpose);
    return new SplittableRandom(mix(z ^ mix(row + 0x632BE59BD9B4E019L)));
  }

  /** A uniformly random permutation of {@code 0 … n-1} (Fisher–Yates). */
  static int[] permutation(int n, SplittableRandom random) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  /** SplitMix64's finaliser. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
