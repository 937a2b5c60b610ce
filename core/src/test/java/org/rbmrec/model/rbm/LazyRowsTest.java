package org.rbmrec.model.rbm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LazyRowsTest {
  @Test
  void lazyMomentumAndDecayEqualTheDenseSweep() {
    int rows = 7;
    int length = 5;
    float decay = 0.01f;
    SplittableRandom random = new SplittableRandom(3);
    float[] theta = new float[rows * length];
    for (int x = 0; x < theta.length; x++) {
      theta[x] = (float) random.nextGaussian();
    }
    float[] velocity = new float[theta.length];
    double[] denseTheta = new double[theta.length];
    double[] denseVelocity = new double[theta.length];
    for (int x = 0; x < theta.length; x++) {
      denseTheta[x] = theta[x];
    }
    LazyRows lazy = new LazyRows(theta, velocity, length, decay);
    float[] gradient = new float[theta.length];
    for (int step = 1; step <= 60; step++) {
      float rate = step <= 30 ? 0.2f : 0.1f;
      float momentum = step <= 20 ? 0.5f : 0.9f;
      java.util.Arrays.fill(gradient, 0f);
      boolean[] touched = new boolean[rows];
      for (int row = 0; row < rows; row++) {
        touched[row] = random.nextDouble() < 0.3;
        if (touched[row]) {
          for (int x = row * length; x < (row + 1) * length; x++) {
            gradient[x] = (float) random.nextGaussian();
          }
        }
      }
      lazy.begin(rate, momentum);
      for (int row = 0; row < rows; row++) {
        if (touched[row]) {
          lazy.step(row, gradient, 0.5f);
        }
      }
      for (int x = 0; x < theta.length; x++) {
        denseVelocity[x] = momentum * denseVelocity[x]
            + rate * (0.5 * gradient[x] - decay * denseTheta[x]);
        denseTheta[x] += denseVelocity[x];
      }
      if (step % 15 == 0) {
        lazy.flush();
        for (int x = 0; x < theta.length; x++) {
          assertThat((double) theta[x]).isCloseTo(denseTheta[x], within(1e-4));
          assertThat((double) velocity[x]).isCloseTo(denseVelocity[x], within(1e-4));
        }
      }
    }
  }

  @Test
  void refreshBringsARowToTheDenseSweepBeforeTheCurrentStep() {
    int length = 4;
    float decay = 0.02f;
    float[] theta = {1f, -2f, 0.5f, 3f, 1f, 1f, 1f, 1f};
    float[] velocity = new float[theta.length];
    double[] denseTheta = {1, -2, 0.5, 3};
    double[] denseVelocity = new double[length];
    LazyRows lazy = new LazyRows(theta, velocity, length, decay);
    float[] gradient = {0.3f, -0.1f, 0.2f, 0.05f, 0f, 0f, 0f, 0f};
    float rate = 0.1f;
    float momentum = 0.9f;
    lazy.begin(rate, momentum);
    lazy.step(0, gradient, 1f);
    for (int x = 0; x < length; x++) {
      denseVelocity[x] = momentum * denseVelocity[x] + rate * (gradient[x] - decay * denseTheta[x]);
      denseTheta[x] += denseVelocity[x];
    }
    for (int step = 0; step < 5; step++) { // row 0 untouched: momentum and decay only
      lazy.begin(rate, momentum);
      for (int x = 0; x < length; x++) {
        denseVelocity[x] = momentum * denseVelocity[x] - rate * decay * denseTheta[x];
        denseTheta[x] += denseVelocity[x];
      }
    }
    lazy.begin(rate, momentum);
    lazy.refresh(0);
    for (int x = 0; x < length; x++) {
      assertThat((double) theta[x]).isCloseTo(denseTheta[x], within(1e-5));
      assertThat((double) velocity[x]).isCloseTo(denseVelocity[x], within(1e-5));
    }
  }
}
