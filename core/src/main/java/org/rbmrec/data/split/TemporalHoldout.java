package org.rbmrec.data.split;

import java.util.Arrays;
import org.rbmrec.data.DataException;
import org.rbmrec.data.Ratings;

/**
 * Temporal hold-out: the latest ratings go to test, either globally (one cut-off time for all
 * users) or per user. Ratings with equal timestamps are ordered by their position in the parent
 * set, so the result is deterministic and needs no seed.
 */
public final class TemporalHoldout {
  private TemporalHoldout() {}

  /**
   * The latest {@code round(fraction × n)} ratings of the whole set go to test, so no test rating
   * is older than any training rating.
   *
   * @param fraction share of the ratings held out, in (0, 1)
   * @throws DataException if the ratings have no timestamps
   */
  public static Split global(Ratings all, double fraction) {
    SplitSpec.Temporal spec = new SplitSpec.Temporal(fraction);
    int[] order = chronological(all, spec.describe());
    int n = all.size();
    int count = Partitions.roundedCount(fraction, n);
    boolean[] test = new boolean[n];
    for (int j = n - count; j < n; j++) {
      test[order[j]] = true;
    }
    return Partitions.fromTestMask(all, test, spec.describe());
  }

  /**
   * Every user with {@code n_u ≥ minRatings} gives their latest
   * {@code clamp(round(fraction × n_u), 1, n_u − 1)} ratings to test.
   *
   * @param fraction share of each user's ratings held out, in (0, 1)
   * @param minRatings users with fewer ratings stay in training; at least 2
   * @throws DataException if the ratings have no timestamps
   */
  public static Split userFraction(Ratings all, double fraction, int minRatings) {
    SplitSpec.TemporalUserFraction spec = new SplitSpec.TemporalUserFraction(fraction, minRatings);
    return perUser(all, fraction, -1, minRatings, spec.describe());
  }

  /**
   * Every user with {@code n_u ≥ minRatings} gives their latest {@code k} ratings to test.
   *
   * @param k ratings held out per user, at least 1
   * @param minRatings users with fewer ratings stay in training; at least {@code k + 1}
   * @throws DataException if the ratings have no timestamps
   */
  public static Split userCount(Ratings all, int k, int minRatings) {
    SplitSpec.TemporalUserCount spec = new SplitSpec.TemporalUserCount(k, minRatings);
    return perUser(all, Double.NaN, k, minRatings, spec.describe());
  }

  private static Split perUser(
      Ratings all, double fraction, int k, int minRatings, String description) {
    int[] order = chronological(all, description);
    int[] counts = new int[all.numUsers()];
    for (int i = 0; i < all.size(); i++) {
      counts[all.user(i)]++;
    }
    int[] quota = new int[counts.length];
    for (int u = 0; u < counts.length; u++) {
      int n = counts[u];
      quota[u] = n < minRatings ? 0 : (k >= 0 ? k : Partitions.heldOut(fraction, n));
    }
    boolean[] test = new boolean[all.size()];
    for (int j = order.length - 1; j >= 0; j--) {
      int i = order[j];
      int u = all.user(i);
      if (quota[u] > 0) {
        quota[u]--;
        test[i] = true;
      }
    }
    return Partitions.fromTestMask(all, test, description);
  }

  /**
   * The positions of {@code all} sorted by (timestamp, position): oldest first, ties in data
   * order. Runs in O(n log n) with primitive sorts only: timestamps are replaced by their rank
   * among the distinct timestamps, and (rank, position) packed into one {@code long}.
   */
  static int[] chronological(Ratings all, String splitName) {
    if (!all.hasTimestamps()) {
      throw new DataException(
          "the temporal split " + splitName + " needs timestamps, but these ratings have none;"
              + " use a random or per-user split instead");
    }
    long[] times = all.timestampsCopy();
    int n = times.length;
    long[] distinct = times.clone();
    Arrays.sort(distinct);
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || distinct[i] != distinct[m - 1]) {
        distinct[m++] = distinct[i];
      }
    }
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      long rank = Arrays.binarySearch(distinct, 0, m, times[i]);
      keys[i] = (rank << 31) | i;
    }
    Arrays.sort(keys);
    int[] order = new int[n];
    for (int j = 0; j < n; j++) {
      order[j] = (int) (keys[j] & 0x7FFF_FFFFL);
    }
    return order;
  }
}
