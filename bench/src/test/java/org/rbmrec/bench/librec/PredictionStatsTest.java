package org.rbmrec.bench.librec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PredictionStatsTest {
  private static double[] sane(int n) {
    SplittableRandom random = new SplittableRandom(3);
    double[] p = new double[n];
    for (int j = 0; j < n; j++) {
      p[j] = 3.5 + random.nextDouble(-1.5, 1.5);
    }
    return p;
  }

  @Test
  void spreadPredictionsOnTheScaleAreOk() {
    PredictionStats stats = PredictionStats.of(sane(1000), 3.5, 1, 5);

    assertThat(stats.problems()).isEmpty();
    assertThat(stats.describe()).startsWith("ok:");
    assertThat(stats.distinct()).isEqualTo(1000);
  }

  @Test
  void constantPredictionIsDegenerate() {
    double[] p = new double[1000];
    java.util.Arrays.fill(p, 3.5);

    PredictionStats stats = PredictionStats.of(p, 3.5, 1, 5);

    assertThat(stats.distinct()).isEqualTo(1);
    assertThat(stats.problems()).containsExactly("only 1 distinct predictions");
  }

  @Test
  void nanPredictionsAreCountedAndDegenerate() {
    double[] p = sane(1000);
    p[0] = Double.NaN;
    p[1] = Double.NaN;

    PredictionStats stats = PredictionStats.of(p, 3.5, 1, 5);

    assertThat(stats.nan()).isEqualTo(2);
    assertThat(stats.describe()).startsWith("DEGENERATE (2 NaN predictions)");
  }

  @Test
  void predictionsOffTheScaleAreDegenerate() {
    double[] p = sane(1000);
    for (int j = 0; j < 100; j++) {
      p[j] = 6.2;
    }

    PredictionStats stats = PredictionStats.of(p, 3.5, 1, 5);

    assertThat(stats.aboveScale()).isEqualTo(100);
    assertThat(stats.max()).isEqualTo(6.2);
    assertThat(stats.problems()).anyMatch(s -> s.contains("10.0% of predictions off"));
  }

  @Test
  void predictionsShiftedFromTheTestMeanAreDegenerate() {
    double[] p = sane(1000);
    for (int j = 0; j < p.length; j++) {
      p[j] = Math.min(5, p[j] + 0.9);
    }

    PredictionStats stats = PredictionStats.of(p, 3.5, 1, 5);

    assertThat(stats.problems()).anyMatch(s -> s.startsWith("mean prediction"));
  }
}
