package org.rbmrec.data.split;

import org.rbmrec.data.Ratings;
import org.rbmrec.data.SparseRows;

/**
 * Per-user hold-out: every user with at least {@code minRatings} ratings gives a random share (or
 * exactly {@code k}) of their ratings to test; users with fewer stay wholly in training. Each
 * user's draw comes from a stream derived from (seed, user), so the result does not depend on
 * the order users are visited.
 */
public final class UserHoldout {
  private UserHoldout() {}

  /**
   * Holds out {@code clamp(round(fraction × n_u), 1, n_u − 1)} ratings of every user with
   * {@code n_u ≥ minRatings}, so every such user keeps at least one training rating.
   *
   * @param fraction share of each user's ratings held out, in (0, 1)
   * @param minRatings users with fewer ratings stay in training; at least 2
   */
  public static Split fraction(Ratings all, double fraction, int minRatings, long seed) {
    SplitSpec.UserFraction spec = new SplitSpec.UserFraction(fraction, minRatings);
    return split(all, fraction, -1, minRatings, seed, spec.describe() + " seed=" + seed);
  }

  /**
   * Holds out exactly {@code k} ratings of every user with {@code n_u ≥ minRatings}.
   *
   * @param k ratings held out per user, at least 1
   * @param minRatings users with fewer ratings stay in training; at least {@code k + 1}, so every
   *     held-out user keeps a training rating
   */
  public static Split count(Ratings all, int k, int minRatings, long seed) {
    SplitSpec.UserCount spec = new SplitSpec.UserCount(k, minRatings);
    return split(all, Double.NaN, k, minRatings, seed, spec.describe() + " seed=" + seed);
  }

  private static Split split(
      Ratings all, double fraction, int k, int minRatings, long seed, String description) {
    SparseRows rows = all.byUser();
    int maxRow = 0;
    for (int u = 0; u < rows.numRows(); u++) {
      maxRow = Math.max(maxRow, rows.rowLength(u));
    }
    int[] scratch = new int[maxRow];
    boolean[] test = new boolean[all.size()];
    int[] positions = rows.ratingIndices();
    for (int u = 0; u < rows.numRows(); u++) {
      int n = rows.rowLength(u);
      if (n < minRatings) {
        continue;
      }
      int h = k >= 0 ? k : Partitions.heldOut(fraction, n);
      System.arraycopy(positions, rows.rowStart(u), scratch, 0, n);
      Partitions.sampleToFront(scratch, 0, n, h, Partitions.rowStream(seed, u));
      for (int j = 0; j < h; j++) {
        test[scratch[j]] = true;
      }
    }
    return Partitions.fromTestMask(all, test, description);
  }
}
