package org.rbmrec.bench.librec;

/** Argument checks whose messages name the parameter, its allowed range and the value given. */
final class Check {
  private Check() {}

  static void intIn(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be in [" + min + ", " + max + "], got " + value);
    }
  }

  static void doubleIn(String name, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(
          name + " must be in [" + min + ", " + max + "], got " + value);
    }
  }

  static void positiveAtMost(String name, double value, double max) {
    if (!(value > 0 && value <= max)) {
      throw new IllegalArgumentException(
          name + " must be in (0, " + max + "], got " + value);
    }
  }
}
