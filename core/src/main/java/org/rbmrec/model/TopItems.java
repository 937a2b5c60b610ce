package org.rbmrec.model;

/**
 * A ranked list of items, best first.
 *
 * @param items (n) item indices, best first
 * @param scores (n) the score of each item, non-increasing
 */
public record TopItems(int[] items, double[] scores) {
  public TopItems {
    if (items.length != scores.length) {
      throw new IllegalArgumentException(
          "items and scores must have equal length, got " + items.length + " and "
              + scores.length);
    }
  }

  /** The number of items. */
  public int size() {
    return items.length;
  }
}
