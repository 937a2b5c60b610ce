package org.rbmrec.model.rbm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rbmrec.data.Ml100kFixture;
import org.rbmrec.data.Ratings;
import org.rbmrec.data.SparseRows;

/**
 * Regression for the classic bug: a correct RBM fits one batch of real ml-100k users almost
 * exactly, while the update built from the outer product of batch means, mean(v) ⊗ mean(h),
 * plateaus far above.
 */
class RbmOverfitTest {
  private static final int STEPS = 150;
  private static final int STEPS_100 = 100;

  static RbmConfig config() {
    return RbmConfig.builder().orientation(Orientation.USER)
        .hidden(100).learningRate(0.2).weightDecay(0).cdSteps(1)
        .negativePhase(NegativePhase.SAMPLED).momentumStart(0.5).momentumEnd(0.9)
        .chunkRows(4).threads(2).seed(3).build();
  }

  @Test
  void correctUpdateFitsABatchOfTenUsers() {
    OverfitCheck.Result result = OverfitCheck.run(Ml100kFixture.all(), 10, STEPS, config());
    assertThat(result.initialRmse()).isGreaterThan(0.9);
    assertThat(result.finalRmse()).isLessThan(0.1);
  }

  @Test
  void outerProductOfBatchMeansPlateausOnTheSameTenUsers() {
    double[] curve = batchMeanOuterProductCurve(Ml100kFixture.all(), 10, STEPS, config());
    assertThat(curve[STEPS - 1]).isGreaterThan(0.7);
    assertThat(min(curve)).isGreaterThan(0.7);
  }

  @Test
  void correctUpdateFitsABatchOfHundredUsers() {
    OverfitCheck.Result result = OverfitCheck.run(Ml100kFixture.all(), 100, STEPS_100, config());
    assertThat(result.initialRmse()).isGreaterThan(0.9);
    assertThat(result.finalRmse()).isLessThan(0.1);
  }

  @Test
  void outerProductOfBatchMeansPlateausOnTheSameHundredUsers() {
    double[] curve =
        batchMeanOuterProductCurve(Ml100kFixture.all(), 100, STEPS_100, config());
    assertThat(min(curve)).isGreaterThan(0.7);
  }

  /**
   * The counter-example, written out here on purpose: CD-1 whose weight statistics are
   * mean_b(v_b) ⊗ mean_b(h_b) (data) minus mean_b(ṽ_b) ⊗ mean_b(h̃_b) (reconstruction), with the
   * same initialisation, learning rate, momentum and random streams as the correct update.
   */
  static double[] batchMeanOuterProductCurve(
      Ratings ratings, int n, int steps, RbmConfig config) {
    RbmTrainer trainer = new RbmTrainer(config);
    SparseRows rows = trainer.rowsOf(ratings);
    RbmParameters p = trainer.initialParameters(rows, ratings.scale().levels());
    RbmInference inference = new RbmInference(p, rows, null, ratings.scale().values());
    int[] batch = new int[n];
    for (int r = 0; r < n; r++) {
      batch[r] = r;
    }
    int k = p.levels;
    int f = p.hidden;
    int v = p.numVisible;
    float[] meanV = new float[v * k];
    float[] meanVr = new float[v * k];
    float[] meanH = new float[f];
    float[] meanHr = new float[f];
    float[] velocity = new float[p.w.length];
    float[] velocityB = new float[p.b.length];
    float[] velocityC = new float[f];
    float[] x = new float[f];
    float[] h = new float[f];
    float[] sample = new float[f];
    float[] q = new float[k];
    RowRandom random = new RowRandom();
    double[] curve = new double[steps];
    for (int s = 1; s <= steps; s++) {
      java.util.Arrays.fill(meanV, 0f);
      java.util.Arrays.fill(meanVr, 0f);
      java.util.Arrays.fill(meanH, 0f);
      java.util.Arrays.fill(meanHr, 0f);
      for (int row : batch) {
        random.reseed(config.seed(), s, row);
        int from = rows.rowStart(row);
        int to = rows.rowEnd(row);
        byte[] recon = new byte[to - from];
        inference.rowInput(row, x);
        RbmMath.hiddenProbabilities(x, h, f);
        for (int j = 0; j < f; j++) {
          meanH[j] += h[j] / n;
        }
        RbmMath.sampleHidden(h, sample, f, random);
        for (int pos = from; pos < to; pos++) {
          meanV[rows.column(pos) * k + rows.level(pos)] += 1f / n;
          RbmMath.visibleLogits(p.w, p.b, k, f, rows.column(pos), sample, q, 0);
          RbmMath.softmax(q, 0, k);
          recon[pos - from] = (byte) RbmMath.sampleLevel(q, 0, k, random.nextDouble());
          meanVr[rows.column(pos) * k + recon[pos - from]] += 1f / n;
        }
        System.arraycopy(p.c, 0, x, 0, f);
        for (int pos = from; pos < to; pos++) {
          int o = (rows.column(pos) * k + recon[pos - from]) * f;
          for (int j = 0; j < f; j++) {
            x[j] += p.w[o + j];
          }
        }
        RbmMath.hiddenProbabilities(x, h, f);
        for (int j = 0; j < f; j++) {
          meanHr[j] += h[j] / n;
        }
      }
      float rate = (float) config.learningRate();
      float momentum = (float) config.momentum(s);
      for (int r = 0; r < v * k; r++) {
        for (int j = 0; j < f; j++) {
          float g = meanV[r] * meanH[j] - meanVr[r] * meanHr[j];
          velocity[r * f + j] = momentum * velocity[r * f + j] + rate * g;
          p.w[r * f + j] += velocity[r * f + j];
        }
        velocityB[r] = momentum * velocityB[r] + rate * (meanV[r] - meanVr[r]);
        p.b[r] += velocityB[r];
      }
      for (int j = 0; j < f; j++) {
        velocityC[j] = momentum * velocityC[j] + rate * (meanH[j] - meanHr[j]);
        p.c[j] += velocityC[j];
      }
      curve[s - 1] = OverfitCheck.reconstructionRmse(inference, batch);
    }
    return curve;
  }

  private static double min(double[] values) {
    double m = Double.POSITIVE_INFINITY;
    for (double value : values) {
      m = Math.min(m, value);
    }
    return m;
  }
}
