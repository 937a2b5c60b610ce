package org.rbmrec.data;

/**
 * A discrete rating scale: the values {@code min, min + step, …, max}, mapped to level indices
 * {@code 0 … levels()-1}. MovieLens 100K is {@code 1..5 step 1} (K = 5 levels); ml-20m and later
 * are {@code 0.5..5.0 step 0.5} (K = 10 levels).
 *
 * @param min the lowest rating value
 * @param max the highest rating value, {@code ≥ min}
 * @param step the distance between neighbouring values, {@code > 0}; {@code (max-min)/step} must
 *     be a whole number, and the scale has at most 127 levels so that a level fits in a byte
 */
public record RatingScale(double min, double max, double step) {
  /** The largest number of levels a scale may have (a level is stored as a byte). */
  public static final int MAX_LEVELS = 127;

  private static final double TOLERANCE = 1e-6;

  /** Integer stars 1..5: the scale of ml-100k and ml-1m. */
  public static final RatingScale STARS_1_TO_5 = new RatingScale(1, 5, 1);

  /** Half stars 0.5..5.0: the scale of ml-10m, ml-20m, ml-25m, ml-32m and ml-latest. */
  public static final RatingScale HALF_STARS = new RatingScale(0.5, 5, 0.5);

  public RatingScale {
    if (!Double.isFinite(min) || !Double.isFinite(max)) {
      throw new IllegalArgumentException(
          "rating scale min and max must be finite numbers, got min=" + min + ", max=" + max);
    }
    if (!(step > 0) || !Double.isFinite(step)) {
      throw new IllegalArgumentException("rating scale step must be > 0, got " + step);
    }
    if (max < min) {
      throw new IllegalArgumentException(
          "rating scale max must be ≥ min, got min=" + min + ", max=" + max);
    }
    double intervals = (max - min) / step;
    if (Math.abs(intervals - Math.rint(intervals)) > TOLERANCE) {
      throw new IllegalArgumentException(
          "rating scale (max - min) must be a whole number of steps, got min="
              + min + ", max=" + max + ", step=" + step);
    }
    if (Math.rint(intervals) + 1 > MAX_LEVELS) {
      throw new IllegalArgumentException(
          "rating scale must have at most " + MAX_LEVELS + " levels, got "
              + (long) (Math.rint(intervals) + 1));
    }
  }

  /** The number of levels K, for example 5 for stars 1..5. */
  public int levels() {
    return (int) Math.rint((max - min) / step) + 1;
  }

  /** The rating value of level {@code level} ∈ [0, K). */
  public double value(int level) {
    if (level < 0 || level >= levels()) {
      throw new IllegalArgumentException(
          "level must be in [0, " + levels() + "), got " + level);
    }
    return min + level * step;
  }

  /**
   * The level of {@code value}, or -1 if the value is not on this scale (off the range, between
   * steps, or NaN).
   */
  public int levelOrMinusOne(double value) {
    if (!(value >= min - TOLERANCE * step && value <= max + TOLERANCE * step)) {
      return -1;
    }
    double position = (value - min) / step;
    long level = Math.round(position);
    if (Math.abs(position - level) > 1e-4) {
      return -1;
    }
    return (int) level;
  }

  /** The level of {@code value}; throws {@link IllegalArgumentException} if it is off the scale. */
  public int level(double value) {
    int level = levelOrMinusOne(value);
    if (level < 0) {
      throw new IllegalArgumentException(
          "rating " + value + " is not on the scale " + this.describe());
    }
    return level;
  }

  /** The values of every level, in order: {@code values()[k] == value(k)}. */
  public double[] values() {
    double[] values = new double[levels()];
    for (int k = 0; k < values.length; k++) {
      values[k] = min + k * step;
    }
    return values;
  }

  /** A short human description such as {@code "1..5 step 1 (5 levels)"}. */
  public String describe() {
    return fmt(min) + ".." + fmt(max) + " step " + fmt(step) + " (" + levels() + " levels)";
  }

  private static String fmt(double x) {
    return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
  }
}
