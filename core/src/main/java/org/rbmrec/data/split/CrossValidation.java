package org.rbmrec.data.split;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.rbmrec.data.Ratings;

/**
 * k-fold cross-validation: one seeded shuffle of all positions is cut into k contiguous blocks of
 * sizes differing by at most one; fold f (numbered 1 … k) tests on block f and trains on the
 * rest. The k test parts partition the data.
 */
public final class CrossValidation {
  /** The largest number of folds accepted. */
  public static final int MAX_FOLDS = 1000;

  private CrossValidation() {}

  /**
   * Fold {@code fold} of {@code k}.
   *
   * @param k number of folds, in [2, {@value #MAX_FOLDS}]
   * @param fold the fold, numbered from 1 to k
   * @param seed seed of the shuffle; every fold of one (k, seed) comes from the same shuffle
   */
  public static Split fold(Ratings all, int k, int fold, long seed) {
    SplitSpec.Fold spec = new SplitSpec.Fold(k, fold);
    int[] order = Partitions.permutation(all.size(), new SplittableRandom(seed));
    return fold(all, order, spec, seed);
  }

  /** All k folds, in order 1 … k, from one shuffle. */
  public static List<Split> folds(Ratings all, int k, long seed) {
    SplitSpec.Fold.checkK(k);
    int[] order = Partitions.permutation(all.size(), new SplittableRandom(seed));
    List<Split> folds = new ArrayList<>(k);
    for (int f = 1; f <= k; f++) {
      folds.add(fold(all, order, new SplitSpec.Fold(k, f), seed));
    }
    return List.copyOf(folds);
  }

  private static Split fold(Ratings all, int[] order, SplitSpec.Fold spec, long seed) {
    int n = all.size();
    int from = (int) ((long) (spec.fold() - 1) * n / spec.k());
    int to = (int) ((long) spec.fold() * n / spec.k());
    boolean[] test = new boolean[n];
    for (int j = from; j < to; j++) {
      test[order[j]] = true;
    }
    return Partitions.fromTestMask(all, test, spec.describe() + " seed=" + seed);
  }
}
