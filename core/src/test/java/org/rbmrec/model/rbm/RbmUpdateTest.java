package org.rbmrec.model.rbm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.rbmrec.data.RatingScale;
import org.rbmrec.data.SparseRows;

/**
 * One mini-batch update moves W by ε times the mean over the batch's rows of each row's own CD
 * statistics (computed here row by row, independently of the trainer).
 */
class RbmUpdateTest {
  private static final RatingScale SCALE = new RatingScale(1, 3, 1);
  private static final int V = 6;
  private static final int K = 3;
  private static final int F = 4;
  // Three rows; unit 0 is in every row, unit 5 only in row 2.
  private static final SparseRows ROWS = SparseRows.fromTriplets(3, V,
      new int[] {0, 0, 1, 1, 1, 2, 2, 2}, new int[] {0, 1, 0, 2, 3, 0, 4, 5},
      new byte[] {2, 1, 0, 2, 1, 1, 0, 2});

  private static float[] updatedWeights(BatchAverage average, float rate) {
    return updatedWeights(average, rate, 0);
  }

  private static float[] updatedWeights(BatchAverage average, float rate, double shared) {
    RbmParameters p = BruteForce.randomParameters(V, K, F, 0, false, 0.4, 8);
    RbmConfig config = RbmConfig.builder().orientation(Orientation.USER).hidden(F).batchSize(3)
        .chunkRows(2).momentumStart(0).momentumEnd(0).weightDecay(0).batchAverage(average)
        .negativePhase(NegativePhase.SAMPLED).seed(4).threads(1)
        .sharedLearningRate(shared).build();
    try (ChunkRunner runner = new ChunkRunner(1)) {
      TrainingState state = new TrainingState(config, p, ROWS, null, SCALE.values(), runner);
      state.update(new int[] {0, 1, 2}, 0, 3, 1, 2, rate, 0);
      state.flush();
    }
    return p.w;
  }

  /** Σ_b of each row's own statistics for W (V·K·F), with the trainer's random streams. */
  private static double[] sumOfRowStatistics() {
    RbmParameters p = BruteForce.randomParameters(V, K, F, 0, false, 0.4, 8);
    double[] sum = new double[p.w.length];
    for (int row = 0; row < 3; row++) {
      CdWorker worker = new CdWorker(p, SCALE.values(), 3);
      worker.random.reseed(4, 1, row);
      worker.accumulateRow(ROWS, null, row, 2, NegativePhase.SAMPLED, null);
      for (int s = 0; s < worker.numTouched; s++) {
        int i = worker.touched[s];
        for (int x = 0; x < K * F; x++) {
          sum[i * K * F + x] += worker.gw[s * K * F + x];
        }
      }
    }
    return sum;
  }

  @Test
  void updateIsRateTimesMeanOverRowsOfPerRowOuterProducts() {
    float[] before = BruteForce.randomParameters(V, K, F, 0, false, 0.4, 8).w;
    float[] after = updatedWeights(BatchAverage.ROWS, 0.5f);
    double[] sum = sumOfRowStatistics();
    for (int x = 0; x < before.length; x++) {
      assertThat((double) (after[x] - before[x])).isCloseTo(0.5 * sum[x] / 3, within(1e-5));
    }
  }

  @Test
  void perEntryAverageDividesEachUnitByTheRowsContainingIt() {
    float[] before = BruteForce.randomParameters(V, K, F, 0, false, 0.4, 8).w;
    float[] after = updatedWeights(BatchAverage.ROWS_WITH_ENTRY, 0.5f);
    double[] sum = sumOfRowStatistics();
    int[] rowsContaining = {3, 1, 1, 1, 1, 1};
    for (int x = 0; x < before.length; x++) {
      int unit = x / (K * F);
      assertThat((double) (after[x] - before[x]))
          .isCloseTo(0.5 * sum[x] / rowsContaining[unit], within(1e-5));
    }
  }

  @Test
  void sharedWeightsAddTheGradientSummedOverUnitsToEveryUnit() {
    float[] before = BruteForce.randomParameters(V, K, F, 0, false, 0.4, 8).w;
    float[] after = updatedWeights(BatchAverage.ROWS, 0.5f, 0.25);
    double[] sum = sumOfRowStatistics();
    double[] summedOverUnits = new double[K * F];
    for (int x = 0; x < sum.length; x++) {
      summedOverUnits[x % (K * F)] += sum[x];
    }
    for (int x = 0; x < before.length; x++) {
      double own = 0.5 * sum[x] / 3;
      double shared = 0.5 * 0.25 * summedOverUnits[x % (K * F)] / 3;
      assertThat((double) (after[x] - before[x])).isCloseTo(own + shared, within(1e-5));
    }
  }
}
