package org.rbmrec.model.rbm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.rbmrec.data.RatingScale;
import org.rbmrec.data.SparseRows;

/**
 * The trainer's update, which sums the statistics grouped by visible unit, equals the reference
 * accumulation row by row ({@link CdWorker}) for every parameter: W, b, c and the conditional
 * RBM's D, with soft (probability) reconstructions.
 */
class GroupedUpdateTest {
  private static final RatingScale SCALE = new RatingScale(1, 3, 1);
  private static final int V = 6;
  private static final int K = 3;
  private static final int F = 5;
  private static final SparseRows ROWS = SparseRows.fromTriplets(4, V,
      new int[] {0, 0, 1, 1, 1, 2, 2, 2, 3}, new int[] {0, 1, 0, 2, 3, 0, 4, 5, 1},
      new byte[] {2, 1, 0, 2, 1, 1, 0, 2, 0});
  // Pairs rated with unknown value: unit 3 for row 0, unit 5 for row 3.
  private static final SparseRows IMPLICIT = SparseRows.fromTriplets(4, V,
      new int[] {0, 3}, new int[] {3, 5}, new byte[] {0, 0});
  private static final IndicatorRows INDICATOR = IndicatorRows.union(ROWS, IMPLICIT);
  private static final float RATE = 0.5f;

  private static RbmParameters parameters() {
    return BruteForce.randomParameters(V, K, F, 0, true, 0.4, 21);
  }

  private static RbmParameters updated(int threads) {
    RbmParameters p = parameters();
    RbmConfig config = RbmConfig.builder().orientation(Orientation.USER).hidden(F).batchSize(4)
        .chunkRows(1).momentumStart(0).momentumEnd(0).weightDecay(0).conditional(true)
        .negativePhase(NegativePhase.PROBABILITIES).seed(6).threads(threads).build();
    try (ChunkRunner runner = new ChunkRunner(threads)) {
      TrainingState state = new TrainingState(config, p, ROWS, INDICATOR, SCALE.values(), runner);
      state.update(new int[] {2, 0, 3, 1}, 0, 4, 1, 2, RATE, 0);
      state.flush();
    }
    return p;
  }

  /** The reference: each row's statistics from its own worker, summed over the rows. */
  private static CdWorker[] rowStatistics() {
    RbmParameters p = parameters();
    CdWorker[] workers = new CdWorker[4];
    for (int row = 0; row < 4; row++) {
      workers[row] = new CdWorker(p, SCALE.values(), 3);
      workers[row].random.reseed(6, 1, row);
      workers[row].accumulateRow(ROWS, INDICATOR, row, 2, NegativePhase.PROBABILITIES, null);
    }
    return workers;
  }

  private static void assertStep(float[] before, float[] after, double[] sum) {
    for (int x = 0; x < before.length; x++) {
      assertThat((double) (after[x] - before[x])).isCloseTo(RATE * sum[x] / 4, within(1e-5));
    }
  }

  @Test
  void weightsMoveByRateTimesMeanOfEachRowsStatistics() {
    double[] sum = new double[V * K * F];
    for (CdWorker w : rowStatistics()) {
      for (int s = 0; s < w.numTouched; s++) {
        for (int x = 0; x < K * F; x++) {
          sum[w.touched[s] * K * F + x] += w.gw[s * K * F + x];
        }
      }
    }
    assertStep(parameters().weightsCopy(), updated(1).weightsCopy(), sum);
  }

  @Test
  void visibleBiasesMoveByRateTimesMeanOfEachRowsStatistics() {
    double[] sum = new double[V * K];
    for (CdWorker w : rowStatistics()) {
      for (int s = 0; s < w.numTouched; s++) {
        for (int l = 0; l < K; l++) {
          sum[w.touched[s] * K + l] += w.gb[s * K + l];
        }
      }
    }
    assertStep(parameters().visibleBiasesCopy(), updated(1).visibleBiasesCopy(), sum);
  }

  @Test
  void hiddenBiasesMoveByRateTimesMeanOfEachRowsStatistics() {
    double[] sum = new double[F];
    for (CdWorker w : rowStatistics()) {
      for (int j = 0; j < F; j++) {
        sum[j] += w.gc[j];
      }
    }
    assertStep(parameters().hiddenBiasesCopy(), updated(1).hiddenBiasesCopy(), sum);
  }

  @Test
  void implicitWeightsMoveByRateTimesMeanOverRowsIndicatingEachUnit() {
    double[] sum = new double[V * F];
    for (CdWorker w : rowStatistics()) {
      for (int s = 0; s < w.numTouched; s++) {
        for (int j = 0; j < F; j++) {
          sum[w.touched[s] * F + j] += w.gd[s * F + j];
        }
      }
    }
    assertStep(parameters().implicitWeightsCopy(), updated(1).implicitWeightsCopy(), sum);
  }

  @Test
  void updateIsBitIdenticalWithOneAndThreeThreads() {
    RbmParameters one = updated(1);
    RbmParameters three = updated(3);
    assertThat(three.weightsCopy()).containsExactly(one.weightsCopy());
    assertThat(three.implicitWeightsCopy()).containsExactly(one.implicitWeightsCopy());
  }
}
