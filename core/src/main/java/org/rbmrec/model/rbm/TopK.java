package org.rbmrec.model.rbm;

import org.rbmrec.model.TopItems;

/**
 * A bounded min-heap of (item, score) over primitive arrays that keeps the k best offers; ties
 * are broken by the smaller item index.
 */
final class TopK {
  private final int[] items;
  private final double[] scores;
  private int size;

  TopK(int capacity) {
    items = new int[capacity];
    scores = new double[capacity];
  }

  /** Offers an item; it is kept if it beats the worst of the k kept so far. */
  void offer(int item, double score) {
    if (items.length == 0) {
      return;
    }
    if (size < items.length) {
      items[size] = item;
      scores[size] = score;
      siftUp(size++);
    } else if (better(item, score, items[0], scores[0])) {
      items[0] = item;
      scores[0] = score;
      siftDown(0);
    }
  }

  /** The kept items, best first. */
  TopItems toTopItems() {
    int n = size;
    int[] outItems = new int[n];
    double[] outScores = new double[n];
    int[] hi = items.clone();
    double[] hs = scores.clone();
    int savedSize = size;
    for (int x = n - 1; x >= 0; x--) {
      outItems[x] = items[0];
      outScores[x] = scores[0];
      size--;
      items[0] = items[size];
      scores[0] = scores[size];
      siftDown(0);
    }
    System.arraycopy(hi, 0, items, 0, hi.length);
    System.arraycopy(hs, 0, scores, 0, hs.length);
    size = savedSize;
    return new TopItems(outItems, outScores);
  }

  private static boolean better(int itemA, double scoreA, int itemB, double scoreB) {
    return scoreA > scoreB || (scoreA == scoreB && itemA < itemB);
  }

  private void siftUp(int x) {
    while (x > 0) {
      int parent = (x - 1) >>> 1;
      if (!better(items[parent], scores[parent], items[x], scores[x])) {
        break;
      }
      swap(x, parent);
      x = parent;
    }
  }

  private void siftDown(int x) {
    while (true) {
      int left = 2 * x + 1;
      if (left >= size) {
        return;
      }
      int worst = left;
      int right = left + 1;
      if (right < size && better(items[left], scores[left], items[right], scores[right])) {
        worst = right;
      }
      if (!better(items[x], scores[x], items[worst], scores[worst])) {
        return;
      }
      swap(x, worst);
      x = worst;
    }
  }

  private void swap(int a, int b) {
    int ti = items[a];
    items[a] = items[b];
    items[b] = ti;
    double ts = scores[a];
    scores[a] = scores[b];
    scores[b] = ts;
  }
}
