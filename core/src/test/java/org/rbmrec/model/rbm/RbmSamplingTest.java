package org.rbmrec.model.rbm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RbmSamplingTest {
  @Test
  void categoricalDrawsFollowTheSoftmax() {
    float[] p = {0.3f, -1.2f, 2.0f, 0.0f, 1.1f};
    RbmMath.softmax(p, 0, p.length);
    RowRandom random = new RowRandom();
    random.reseed(11, 0, 0);
    int n = 200_000;
    long[] counts = new long[p.length];
    for (int x = 0; x < n; x++) {
      counts[RbmMath.sampleLevel(p, 0, p.length, random.nextDouble())]++;
    }
    double chiSquare = 0;
    for (int l = 0; l < p.length; l++) {
      double expected = n * p[l];
      chiSquare += (counts[l] - expected) * (counts[l] - expected) / expected;
    }
    // 4 degrees of freedom: P(χ² > 23.5) ≈ 1e-4.
    assertThat(chiSquare).isLessThan(23.5);
  }

  @Test
  void softmaxSumsToOneAndSurvivesHugeLogits() {
    float[] z = {1000f, 999f, -1000f};
    RbmMath.softmax(z, 0, 3);
    assertThat((double) (z[0] + z[1] + z[2])).isCloseTo(1.0, within(1e-6));
    assertThat((double) z[0]).isCloseTo(1 / (1 + Math.exp(-1)), within(1e-6));
    assertThat(z[2]).isZero();
  }

  @Test
  void meanOfHiddenSamplesMatchesHiddenProbabilities() {
    float[] input = {-2f, -0.5f, 0f, 0.7f, 3f};
    float[] probabilities = new float[input.length];
    RbmMath.hiddenProbabilities(input, probabilities, input.length);
    float[] sample = new float[input.length];
    double[] sums = new double[input.length];
    RowRandom random = new RowRandom();
    int n = 100_000;
    for (int x = 0; x < n; x++) {
      random.reseed(5, x, 3);
      RbmMath.sampleHidden(probabilities, sample, input.length, random);
      for (int j = 0; j < input.length; j++) {
        sums[j] += sample[j];
      }
    }
    for (int j = 0; j < input.length; j++) {
      assertThat(sums[j] / n).isCloseTo(probabilities[j], within(0.01));
    }
  }

  @Test
  void rowStreamsDependOnlyOnSeedEpochAndRow() {
    RowRandom a = new RowRandom();
    RowRandom b = new RowRandom();
    a.reseed(1, 2, 3);
    a.nextLong();
    a.reseed(1, 2, 3);
    b.reseed(1, 2, 3);
    assertThat(a.nextLong()).isEqualTo(b.nextLong());
    b.reseed(1, 2, 4);
    a.reseed(1, 2, 3);
    assertThat(a.nextLong()).isNotEqualTo(b.nextLong());
  }
}
