package org.rbmrec.model;

import org.rbmrec.data.SparseRows;

/**
 * Best-first top-k selection over a catalogue of item indices {@code 0 … numItems-1} with a
 * bounded min-heap: O(numItems · log k) time, O(k) memory, no sort of the catalogue.
 *
 * <p>Items are ordered by descending score; equal scores are ordered by ascending item index, so
 * the result is deterministic. Items whose score is NaN are never selected.
 */
public final class TopK {
  /** Scores one item; a model's unclipped predicted rating, for example. */
  @FunctionalInterface
  public interface ItemScorer {
    /** The score of {@code item}; higher is better. */
    double score(int item);
  }

  /** Maps a score to the value reported in {@link TopItems#scores()}; must be non-decreasing. */
  @FunctionalInterface
  public interface ScoreMapper {
    /** The reported value of {@code score}. */
    double map(double score);
  }

  private TopK() {}

  /**
   * The {@code k} best items of the catalogue for {@code user}, best first.
   *
   * @param numItems catalogue size
   * @param k how many to return, ≥ 0
   * @param scorer the score of each item
   * @param seen the user-major training rows, or null to exclude nothing
   * @param user the row of {@code seen} whose items are excluded (ignored when seen is null)
   * @param report maps each selected item's score to the reported score (clipping to the rating
   *     scale, for example); ranking uses the raw score, so ties created by clipping keep the
   *     model's order
   */
  public static TopItems select(
      int numItems, int k, ItemScorer scorer, SparseRows seen, int user, ScoreMapper report) {
    if (k < 0) {
      throw new IllegalArgumentException("k must be ≥ 0, got " + k);
    }
    int capacity = Math.min(k, numItems);
    int[] heapItems = new int[capacity];
    double[] heapScores = new double[capacity];
    int size = 0;
    int[] excluded = seen == null ? null : seen.columns();
    int p = seen == null ? 0 : seen.rowStart(user);
    int end = seen == null ? 0 : seen.rowEnd(user);
    for (int item = 0; item < numItems && capacity > 0; item++) {
      // The user's row is sorted by item, so one merge-style cursor skips the seen items.
      while (p < end && excluded[p] < item) {
        p++;
      }
      if (p < end && excluded[p] == item) {
        continue;
      }
      double score = scorer.score(item);
      if (Double.isNaN(score)) {
        continue;
      }
      if (size < capacity) {
        heapItems[size] = item;
        heapScores[size] = score;
        siftUp(heapItems, heapScores, size);
        size++;
      } else if (worse(heapScores[0], heapItems[0], score, item)) {
        heapItems[0] = item;
        heapScores[0] = score;
        siftDown(heapItems, heapScores, size, 0);
      }
    }
    // Pop the worst repeatedly and fill the result from the back: best first.
    int[] items = new int[size];
    double[] scores = new double[size];
    for (int n = size; n > 0; n--) {
      items[n - 1] = heapItems[0];
      scores[n - 1] = report.map(heapScores[0]);
      heapItems[0] = heapItems[n - 1];
      heapScores[0] = heapScores[n - 1];
      siftDown(heapItems, heapScores, n - 1, 0);
    }
    return new TopItems(items, scores);
  }

  /** Whether (scoreA, itemA) ranks below (scoreB, itemB). */
  private static boolean worse(double scoreA, int itemA, double scoreB, int itemB) {
    return scoreA < scoreB || (scoreA == scoreB && itemA > itemB);
  }

  private static void siftUp(int[] items, double[] scores, int i) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!worse(scores[i], items[i], scores[parent], items[parent])) {
        return;
      }
      swap(items, scores, i, parent);
      i = parent;
    }
  }

  private static void siftDown(int[] items, double[] scores, int size, int i) {
    while (true) {
      int left = 2 * i + 1;
      if (left >= size) {
        return;
      }
      int worst = left;
      int right = left + 1;
      if (right < size && worse(scores[right], items[right], scores[left], items[left])) {
        worst = right;
      }
      if (!worse(scores[worst], items[worst], scores[i], items[i])) {
        return;
      }
      swap(items, scores, i, worst);
      i = worst;
    }
  }

  private static void swap(int[] items, double[] scores, int a, int b) {
    int item = items[a];
    items[a] = items[b];
    items[b] = item;
    double score = scores[a];
    scores[a] = scores[b];
    scores[b] = score;
  }
}
