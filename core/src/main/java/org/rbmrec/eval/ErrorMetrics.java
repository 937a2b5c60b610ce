package org.rbmrec.eval;

/**
 * Rating-error metrics over aligned arrays of predicted and actual rating values (same units as
 * the rating scale). Both arrays must have the same, non-zero length and hold no NaN.
 */
public final class ErrorMetrics {
  private ErrorMetrics() {}

  /**
   * Root mean squared error, {@code sqrt(Σ (predicted[j] - actual[j])² / n)}.
   *
   * @param predicted (n) predicted values
   * @param actual (n) true values
   */
  public static double rmse(double[] predicted, double[] actual) {
    int n = check(predicted, actual);
    double sum = 0;
    for (int j = 0; j < n; j++) {
      double e = predicted[j] - actual[j];
      sum += e * e;
    }
    return Math.sqrt(sum / n);
  }

  /**
   * Mean absolute error, {@code Σ |predicted[j] - actual[j]| / n}.
   *
   * @param predicted (n) predicted values
   * @param actual (n) true values
   */
  public static double mae(double[] predicted, double[] actual) {
    int n = check(predicted, actual);
    double sum = 0;
    for (int j = 0; j < n; j++) {
      sum += Math.abs(predicted[j] - actual[j]);
    }
    return sum / n;
  }

  private static int check(double[] predicted, double[] actual) {
    if (predicted == null || actual == null) {
      throw new IllegalArgumentException("predicted and actual must not be null");
    }
    if (predicted.length != actual.length) {
      throw new IllegalArgumentException(
          "predicted and actual must have equal length, got " + predicted.length + " and "
              + actual.length);
    }
    if (predicted.length == 0) {
      throw new IllegalArgumentException(
          "cannot measure error on empty input: predicted and actual have no values");
    }
    for (int j = 0; j < predicted.length; j++) {
      if (Double.isNaN(predicted[j]) || Double.isNaN(actual[j])) {
        throw new IllegalArgumentException(
            "predicted and actual must not hold NaN, got predicted=" + predicted[j]
                + ", actual=" + actual[j] + " at " + j);
      }
    }
    return predicted.length;
  }
}
