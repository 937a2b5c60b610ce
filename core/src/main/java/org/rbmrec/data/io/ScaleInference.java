package org.rbmrec.data.io;

import java.util.Arrays;
import org.rbmrec.data.DataException;
import org.rbmrec.data.RatingScale;

/**
 * Infers a rating scale from the distinct rating values of a file: {@code min} and {@code max}
 * are the smallest and largest value, and {@code step} is the largest step that divides every
 * difference {@code value - min}, found as a greatest common divisor after scaling the values to
 * whole numbers by the smallest power of ten (up to 10⁶) that makes them whole. So {1, 2, 3, 4, 5}
 * gives {@code 1..5 step 1} (5 levels) and {0.5, 1, …, 5} gives {@code 0.5..5 step 0.5}
 * (10 levels); values that never occur inside the range still get a level. A single value gives
 * a one-level scale with step 1.
 */
final class ScaleInference {
  private static final int MAX_DECIMALS = 6;

  private ScaleInference() {}

  /**
   * The scale of {@code distinct} (at least one finite value, in any order).
   *
   * @param source the file, for messages
   * @throws DataException if the values need more than 6 decimals or make more than
   *     {@link RatingScale#MAX_LEVELS} levels
   */
  static RatingScale infer(double[] distinct, String source) {
    if (distinct.length == 0) {
      throw new IllegalArgumentException("need at least one rating value to infer a scale");
    }
    double[] values = distinct.clone();
    Arrays.sort(values);
    double min = values[0];
    double max = values[values.length - 1];
    if (values.length == 1) {
      return new RatingScale(min, max, 1);
    }
    double factor = 1;
    for (int decimals = 0; decimals <= MAX_DECIMALS; decimals++, factor *= 10) {
      long base = Math.round(min * factor);
      long gcd = 0;
      boolean whole = true;
      for (double v : values) {
        double scaled = v * factor;
        long rounded = Math.round(scaled);
        if (Math.abs(scaled - rounded) > 1e-6) {
          whole = false;
          break;
        }
        gcd = gcd(gcd, rounded - base);
      }
      if (whole) {
        double step = gcd / factor;
        long levels = Math.round((max - min) / step) + 1;
        if (levels > RatingScale.MAX_LEVELS) {
          throw new DataException(source + ": cannot infer a rating scale: the values "
              + fmt(min) + ".." + fmt(max) + " in steps of " + fmt(step) + " make " + levels
              + " levels, more than " + RatingScale.MAX_LEVELS + "; give the scale explicitly");
        }
        return new RatingScale(min, max, step);
      }
    }
    throw new DataException(source + ": cannot infer a rating scale from values with more than "
        + MAX_DECIMALS + " decimals; give the scale explicitly");
  }

  private static long gcd(long a, long b) {
    a = Math.abs(a);
    b = Math.abs(b);
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }

  private static String fmt(double x) {
    return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
  }
}
