package org.rbmrec.model;

/**
 * Predictions for aligned (user, item) pairs.
 *
 * @param values (n) predicted rating values
 * @param fallback (n) whether each prediction came from the model's fallback
 */
public record Predictions(double[] values, boolean[] fallback) {
  public Predictions {
    if (values.length != fallback.length) {
      throw new IllegalArgumentException(
          "values and fallback must have equal length, got " + values.length + " and "
              + fallback.length);
    }
  }

  /** The number of predictions. */
  public int size() {
    return values.length;
  }

  /** How many predictions came from the fallback. */
  public int fallbackCount() {
    int count = 0;
    for (boolean b : fallback) {
      count += b ? 1 : 0;
    }
    return count;
  }
}
