package org.rbmrec.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

class ErrorMetricsProperties {
  @Property
  void rmseIsAtLeastMaeWhichIsNonNegative(
      @ForAll @Size(min = 1, max = 50) List<@DoubleRange(min = 1, max = 5) Double> predicted,
      @ForAll @Size(min = 50, max = 50) List<@DoubleRange(min = 1, max = 5) Double> actual) {
    double[] p = toArray(predicted);
    double[] a = toArray(actual.subList(0, p.length));
    double rmse = ErrorMetrics.rmse(p, a);
    double mae = ErrorMetrics.mae(p, a);
    assertThat(mae).isGreaterThanOrEqualTo(0);
    assertThat(rmse).isGreaterThanOrEqualTo(mae - 1e-12);
  }

  @Property
  void errorsDoNotDependOnTheOrderOfPairs(
      @ForAll @Size(min = 1, max = 50) List<@DoubleRange(min = 1, max = 5) Double> predicted,
      @ForAll @Size(min = 50, max = 50) List<@DoubleRange(min = 1, max = 5) Double> actual,
      @ForAll long seed) {
    double[] p = toArray(predicted);
    double[] a = toArray(actual.subList(0, p.length));
    int[] perm = permutation(p.length, seed);
    double[] p2 = new double[p.length];
    double[] a2 = new double[p.length];
    for (int j = 0; j < p.length; j++) {
      p2[j] = p[perm[j]];
      a2[j] = a[perm[j]];
    }
    assertThat(ErrorMetrics.rmse(p2, a2)).isCloseTo(ErrorMetrics.rmse(p, a), within(1e-12));
    assertThat(ErrorMetrics.mae(p2, a2)).isCloseTo(ErrorMetrics.mae(p, a), within(1e-12));
  }

  @Property
  void accumulatorMatchesArrayMetricsWhenSplitAndMerged(
      @ForAll @Size(min = 2, max = 50) List<@DoubleRange(min = 1, max = 5) Double> predicted,
      @ForAll long seed) {
    double[] p = toArray(predicted);
    double[] a = shuffledCopy(p, seed);
    int cut = p.length / 2;
    ErrorAccumulator left = new ErrorAccumulator();
    ErrorAccumulator right = new ErrorAccumulator();
    for (int j = 0; j < p.length; j++) {
      (j < cut ? left : right).add(p[j], a[j]);
    }
    left.merge(right);
    assertThat(left.count()).isEqualTo(p.length);
    assertThat(left.rmse()).isCloseTo(ErrorMetrics.rmse(p, a), within(1e-12));
    assertThat(left.mae()).isCloseTo(ErrorMetrics.mae(p, a), within(1e-12));
  }

  private static double[] toArray(List<Double> values) {
    double[] a = new double[values.size()];
    for (int j = 0; j < a.length; j++) {
      a[j] = values.get(j);
    }
    return a;
  }

  private static double[] shuffledCopy(double[] values, long seed) {
    int[] perm = permutation(values.length, seed);
    double[] a = new double[values.length];
    for (int j = 0; j < a.length; j++) {
      a[j] = values[perm[j]];
    }
    return a;
  }

  private static int[] permutation(int n, long seed) {
    Random random = new Random(seed);
    int[] perm = new int[n];
    for (int j = 0; j < n; j++) {
      perm[j] = j;
    }
    for (int j = n - 1; j > 0; j--) {
      int k = random.nextInt(j + 1);
      int t = perm[j];
      perm[j] = perm[k];
      perm[k] = t;
    }
    return perm;
  }
}
