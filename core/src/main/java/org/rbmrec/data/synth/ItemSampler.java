package org.rbmrec.data.synth;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws a user's distinct items from the Zipf popularity weights without replacement
 * (successive sampling: each next item is drawn with probability proportional to its weight
 * among the items not yet drawn).
 *
 * <p>Two exact methods of that one distribution, chosen by expected cost: for most users,
 * draws from a Walker–Vose alias table, rejecting items already drawn (tracked by stamping an
 * {@code int[items]} with the call number, so nothing is cleared between users); for users whose
 * draws would mostly be rejections (they need a large share of the popularity mass), the
 * Efraimidis–Spirakis method: give each item the key {@code Exp(1) / weight} and keep the
 * {@code n} smallest, in O(items log items).
 */
final class ItemSampler {
  /** Rejection is used while its expected number of draws is at most this many × items. */
  private static final double REJECTION_BUDGET = 4.0;

  private final int items;
  private final double[] weight;
  private final double[] aliasProbability;
  private final int[] alias;
  private final double[] rejectionDraws;

  /**
   * @param popularityRank (items) the popularity rank of each item, a permutation of
   *     {@code 0 … items-1}; rank 0 is the most popular
   * @param exponent the Zipf exponent: weight = (rank + 1 + offset·items)^-exponent
   * @param offset the head-flattening offset, as a fraction of the number of items
   */
  ItemSampler(int[] popularityRank, double exponent, double offset) {
    this.items = popularityRank.length;
    this.weight = new double[items];
    double[] byRank = new double[items];
    double total = 0;
    for (int r = 0; r < items; r++) {
      byRank[r] = Math.pow(r + 1 + offset * items, -exponent);
      total += byRank[r];
    }
    for (int i = 0; i < items; i++) {
      weight[i] = byRank[popularityRank[i]] / total;
    }
    this.aliasProbability = new double[items];
    this.alias = new int[items];
    buildAlias();
    // Expected draws to collect n distinct items by rejection, if the items drawn so far are the
    // most popular ones: Σ_{j<n} 1 / (1 − mass of the top j).
    this.rejectionDraws = new double[items + 1];
    double mass = 0;
    for (int j = 0; j < items; j++) {
      double remaining = Math.max(1 - mass, 1e-300);
      rejectionDraws[j + 1] = Math.min(Double.MAX_VALUE / 2, rejectionDraws[j] + 1 / remaining);
      mass += byRank[j] / total;
    }
  }

  /** The sampling probability of each item (items), summing to 1. */
  double probability(int item) {
    return weight[item];
  }

  /** Per-thread working memory. */
  final class Scratch {
    private final int[] stamp = new int[items];
    private int call;
    private double[] keys;
    private double[] sorted;
  }

  Scratch newScratch() {
    return new Scratch();
  }

  /**
   * Writes {@code n} distinct items, in ascending order, to {@code out[from, from + n)}: the
   * given items {@code forced[forcedFrom, forcedTo)} (distinct, at most n) and the rest drawn
   * from the popularity weights without replacement.
   *
   * @param n in [0, items]
   */
  void sample(
      int n, int[] forced, int forcedFrom, int forcedTo, SplittableRandom random,
      Scratch scratch, int[] out, int from) {
    if (n == 0) {
      return;
    }
    if (rejectionDraws[n] <= REJECTION_BUDGET * items) {
      sampleByRejection(n, forced, forcedFrom, forcedTo, random, scratch, out, from);
    } else {
      sampleByKeys(n, forced, forcedFrom, forcedTo, random, scratch, out, from);
    }
  }

  private void sampleByRejection(
      int n, int[] forced, int forcedFrom, int forcedTo, SplittableRandom random,
      Scratch scratch, int[] out, int from) {
    int mark = ++scratch.call;
    int[] stamp = scratch.stamp;
    int filled = 0;
    for (int f = forcedFrom; f < forcedTo; f++) {
      stamp[forced[f]] = mark;
      out[from + filled++] = forced[f];
    }
    while (filled < n) {
      int k = random.nextInt(items);
      int item = random.nextDouble() < aliasProbability[k] ? k : alias[k];
      if (stamp[item] != mark) {
        stamp[item] = mark;
        out[from + filled++] = item;
      }
    }
    Arrays.sort(out, from, from + n);
  }

  private void sampleByKeys(
      int n, int[] forced, int forcedFrom, int forcedTo, SplittableRandom random,
      Scratch scratch, int[] out, int from) {
    if (scratch.keys == null) {
      scratch.keys = new double[items];
      scratch.sorted = new double[items];
    }
    double[] keys = scratch.keys;
    for (int i = 0; i < items; i++) {
      keys[i] = random.nextExponential() / weight[i];
    }
    for (int f = forcedFrom; f < forcedTo; f++) {
      keys[forced[f]] = -1;
    }
    System.arraycopy(keys, 0, scratch.sorted, 0, items);
    Arrays.sort(scratch.sorted);
    double threshold = scratch.sorted[n - 1];
    int filled = 0;
    int ties = 0;
    for (int i = 0; i < items; i++) {
      if (keys[i] < threshold) {
        filled++;
      }
    }
    int tiesWanted = n - filled;
    filled = 0;
    for (int i = 0; i < items && filled < n; i++) {
      if (keys[i] < threshold || (keys[i] == threshold && ties++ < tiesWanted)) {
        out[from + filled++] = i;
      }
    }
  }

  /** Walker–Vose alias table over {@link #weight}. */
  private void buildAlias() {
    double[] scaled = new double[items];
    int[] small = new int[items];
    int[] large = new int[items];
    int ns = 0;
    int nl = 0;
    for (int i = 0; i < items; i++) {
      scaled[i] = weight[i] * items;
      if (scaled[i] < 1) {
        small[ns++] = i;
      } else {
        large[nl++] = i;
      }
    }
    while (ns > 0 && nl > 0) {
      int s = small[--ns];
      int l = large[--nl];
      aliasProbability[s] = scaled[s];
      alias[s] = l;
      scaled[l] = (scaled[l] + scaled[s]) - 1;
      if (scaled[l] < 1) {
        small[ns++] = l;
      } else {
        large[nl++] = l;
      }
    }
    while (nl > 0) {
      int l = large[--nl];
      aliasProbability[l] = 1;
      alias[l] = l;
    }
    while (ns > 0) {
      int s = small[--ns];
      aliasProbability[s] = 1;
      alias[s] = s;
    }
  }
}
