package org.rbmrec.data.split;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.rbmrec.data.IdIndex;
import org.rbmrec.data.RatingScale;
import org.rbmrec.data.Ratings;

/** Small random rating sets for split tests, and a canonical form to compare sets by content. */
final class TestRatings {
  private TestRatings() {}

  /**
   * A random set over {@code users × items} where each pair is rated with probability
   * {@code density}, in shuffled order, with timestamps drawn from a small range so ties occur.
   */
  static Ratings random(int users, int items, double density, boolean timestamps, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] u = new int[users * items];
    int[] it = new int[users * items];
    int n = 0;
    for (int a = 0; a < users; a++) {
      for (int b = 0; b < items; b++) {
        if (random.nextDouble() < density) {
          u[n] = a;
          it[n] = b;
          n++;
        }
      }
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = u[i];
      u[i] = u[j];
      u[j] = t;
      t = it[i];
      it[i] = it[j];
      it[j] = t;
    }
    byte[] levels = new byte[n];
    long[] times = timestamps ? new long[n] : null;
    for (int i = 0; i < n; i++) {
      levels[i] = (byte) random.nextInt(5);
      if (times != null) {
        times[i] = 1_000_000L + random.nextInt(50);
      }
    }
    return Ratings.of(Arrays.copyOf(u, n), Arrays.copyOf(it, n), levels, times,
        IdIndex.of("user", ids(users)), IdIndex.of("item", ids(items)),
        RatingScale.STARS_1_TO_5);
  }

  private static long[] ids(int n) {
    long[] ids = new long[n];
    for (int i = 0; i < n; i++) {
      ids[i] = 100 + 7L * i;
    }
    return ids;
  }

  /** Sorted keys encoding (user, item, level) of every rating: equal sets give equal arrays. */
  static long[] contents(Ratings... parts) {
    int n = 0;
    for (Ratings r : parts) {
      n += r.size();
    }
    long[] keys = new long[n];
    int j = 0;
    for (Ratings r : parts) {
      for (int i = 0; i < r.size(); i++) {
        keys[j++] = pairKey(r, i) * 128 + r.level(i);
      }
    }
    Arrays.sort(keys);
    return keys;
  }

  /** Sorted (user, item) pair keys of {@code r}. */
  static long[] pairs(Ratings r) {
    long[] keys = new long[r.size()];
    for (int i = 0; i < r.size(); i++) {
      keys[i] = pairKey(r, i);
    }
    Arrays.sort(keys);
    return keys;
  }

  /** Whether two sorted key arrays share no element. */
  static boolean disjoint(long[] a, long[] b) {
    for (long key : a) {
      if (Arrays.binarySearch(b, key) >= 0) {
        return false;
      }
    }
    return true;
  }

  /** The number of ratings of each user in {@code r}. */
  static int[] perUserCounts(Ratings r) {
    int[] counts = new int[r.numUsers()];
    for (int i = 0; i < r.size(); i++) {
      counts[r.user(i)]++;
    }
    return counts;
  }

  private static long pairKey(Ratings r, int i) {
    return (long) r.user(i) * r.numItems() + r.item(i);
  }
}
