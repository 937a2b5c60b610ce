package org.rbmrec.model.baseline;

/** Range checks for config records; messages name the parameter, range and value. */
final class Checks {
  private Checks() {}

  static void intRange(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be in [" + min + ", " + max + "], got " + value);
    }
  }

  static void closed(String name, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(
          name + " must be in [" + fmt(min) + ", " + fmt(max) + "], got " + value);
    }
  }

  static void openClosed(String name, double value, double min, double max) {
    if (!(value > min && value <= max)) {
      throw new IllegalArgumentException(
          name + " must be in (" + fmt(min) + ", " + fmt(max) + "], got " + value);
    }
  }

  private static String fmt(double x) {
    return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
  }
}
