package org.rbmrec.data.split;

import java.util.SplittableRandom;
import org.rbmrec.data.Ratings;

/** Random hold-out: a uniformly random {@code round(fraction × n)} of all ratings go to test. */
public final class RandomHoldout {
  private RandomHoldout() {}

  /**
   * Splits {@code all} at random.
   *
   * @param fraction share of the ratings held out, in (0, 1); the test part has exactly
   *     {@code round(fraction × n)} ratings
   * @param seed seed of the draw; the same seed gives the same split
   */
  public static Split split(Ratings all, double fraction, long seed) {
    Partitions.checkFraction("random hold-out fraction", fraction);
    int n = all.size();
    int count = Partitions.roundedCount(fraction, n);
    int[] order = Partitions.identity(n);
    Partitions.sampleToFront(order, 0, n, count, new SplittableRandom(seed));
    boolean[] test = new boolean[n];
    for (int j = 0; j < count; j++) {
      test[order[j]] = true;
    }
    return Partitions.fromTestMask(
        all, test, new SplitSpec.Random(fraction).describe() + " seed=" + seed);
  }
}
