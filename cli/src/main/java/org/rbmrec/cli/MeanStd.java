package org.rbmrec.cli;

import java.util.Locale;

/**
 * The mean and sample standard deviation of a few measurements (one per fold).
 *
 * @param mean the arithmetic mean; NaN if any value is NaN
 * @param std the sample standard deviation with n − 1 in the denominator; NaN when n &lt; 2
 * @param n the number of values, ≥ 1
 */
record MeanStd(double mean, double std, int n) {
  MeanStd {
    if (n < 1) {
      throw new IllegalArgumentException("n must be ≥ 1, got " + n);
    }
  }

  /**
   * The mean and sample standard deviation of {@code values}.
   *
   * @throws IllegalArgumentException if {@code values} is empty
   */
  static MeanStd of(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("need at least one value for a mean, got none");
    }
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    double mean = sum / values.length;
    if (values.length < 2) {
      return new MeanStd(mean, Double.NaN, 1);
    }
    double squares = 0;
    for (double v : values) {
      double d = v - mean;
      squares += d * d;
    }
    return new MeanStd(mean, Math.sqrt(squares / (values.length - 1)), values.length);
  }

  /**
   * {@code "mean ± std"} with {@code decimals} digits after the point; the standard deviation
   * of a single value shows as "–", a NaN mean as "NaN".
   */
  String format(int decimals) {
    String pattern = "%." + decimals + "f";
    String m = Double.isNaN(mean) ? "NaN" : String.format(Locale.ROOT, pattern, mean);
    String s = Double.isNaN(std) ? "–" : String.format(Locale.ROOT, pattern, std);
    return m + " ± " + s;
  }
}
