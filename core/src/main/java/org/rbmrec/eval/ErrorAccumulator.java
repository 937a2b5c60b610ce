package org.rbmrec.eval;

/**
 * A streaming accumulator of rating errors for test sets too large to hold as arrays, or for
 * splitting work across threads: each thread fills its own accumulator and the results are
 * {@link #merge merged}. Not thread-safe.
 *
 * <p>Holds the count, the sum of squared errors and the sum of absolute errors; {@link #rmse()}
 * and {@link #mae()} match {@link ErrorMetrics} on the same values (up to rounding).
 */
public final class ErrorAccumulator {
  private long count;
  private double sumSquared;
  private double sumAbsolute;

  /** Adds one prediction and its true value (rating values; neither may be NaN). */
  public void add(double predicted, double actual) {
    if (Double.isNaN(predicted) || Double.isNaN(actual)) {
      throw new IllegalArgumentException(
          "predicted and actual must not be NaN, got predicted=" + predicted + ", actual="
              + actual);
    }
    double e = predicted - actual;
    count++;
    sumSquared += e * e;
    sumAbsolute += Math.abs(e);
  }

  /** Adds everything {@code other} has accumulated to this one; {@code other} is unchanged. */
  public ErrorAccumulator merge(ErrorAccumulator other) {
    count += other.count;
    sumSquared += other.sumSquared;
    sumAbsolute += other.sumAbsolute;
    return this;
  }

  /** The number of (prediction, actual) pairs added. */
  public long count() {
    return count;
  }

  /** Root mean squared error; throws {@link IllegalStateException} if nothing was added. */
  public double rmse() {
    requireValues();
    return Math.sqrt(sumSquared / count);
  }

  /** Mean absolute error; throws {@link IllegalStateException} if nothing was added. */
  public double mae() {
    requireValues();
    return sumAbsolute / count;
  }

  private void requireValues() {
    if (count == 0) {
      throw new IllegalStateException("no predictions were added: the error is undefined");
    }
  }

  @Override
  public String toString() {
    return count == 0
        ? "ErrorAccumulator[empty]"
        : "ErrorAccumulator[n=" + count + ", rmse=" + rmse() + ", mae=" + mae() + "]";
  }
}
