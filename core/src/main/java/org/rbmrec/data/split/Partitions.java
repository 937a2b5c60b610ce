package org.rbmrec.data.split;

import java.util.SplittableRandom;
import org.rbmrec.data.Ratings;

/** Shared steps of the split strategies: test masks to splits, seeded shuffles, rounding. */
final class Partitions {
  private Partitions() {}

  /** The split whose test part holds the positions flagged in {@code test} (n), in order. */
  static Split fromTestMask(Ratings all, boolean[] test, String description) {
    boolean[] train = new boolean[test.length];
    for (int i = 0; i < test.length; i++) {
      train[i] = !test[i];
    }
    return new Split(all.select(train), all.select(test), description);
  }

  /** A uniformly random permutation of {@code 0 … n-1} (Fisher–Yates). */
  static int[] permutation(int n, SplittableRandom random) {
    int[] order = identity(n);
    for (int i = n - 1; i > 0; i--) {
      swap(order, i, random.nextInt(i + 1));
    }
    return order;
  }

  /** {@code 0 … n-1}. */
  static int[] identity(int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    return order;
  }

  /**
   * Moves a uniformly random sample of {@code count} entries of {@code values[from, to)} to the
   * front of that range (partial Fisher–Yates).
   */
  static void sampleToFront(int[] values, int from, int to, int count, SplittableRandom random) {
    for (int j = 0; j < count; j++) {
      swap(values, from + j, from + j + random.nextInt(to - from - j));
    }
  }

  /** The stream of row {@code row} for a split seeded with {@code seed}. */
  static SplittableRandom rowStream(long seed, int row) {
    return new SplittableRandom(mix(seed ^ mix(row + 0x632BE59BD9B4E019L)));
  }

  /** {@code round(fraction × n)} clamped to [1, n − 1]; 0 when n < 2. */
  static int heldOut(double fraction, int n) {
    if (n < 2) {
      return 0;
    }
    long h = Math.round(fraction * n);
    return (int) Math.max(1, Math.min(n - 1, h));
  }

  /** {@code round(fraction × n)}. */
  static int roundedCount(double fraction, int n) {
    return (int) Math.round(fraction * n);
  }

  static void checkFraction(String what, double fraction) {
    if (!(fraction > 0 && fraction < 1)) {
      throw new IllegalArgumentException(what + " must be in (0, 1), got " + fraction);
    }
  }

  private static void swap(int[] a, int i, int j) {
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
  }

  /** SplitMix64's finaliser. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
