package org.rbmrec.eval;

import java.util.Arrays;

/**
 * Top-N ranking metrics at a cut-off {@code k} for one user, with binary relevance.
 *
 * <p>A user's ranked list is described by {@code hits}: {@code hits[j]} says whether the item at
 * rank {@code j} (0-based, best first) is relevant; {@code hits.length ≤ k} (a list may be shorter
 * than {@code k} when few candidates remain). {@code numRelevant ≥ 1} is the number of relevant
 * items the user has in the test set, whether or not they were ranked. Users without any relevant
 * item have no defined recall, NDCG or average precision; callers leave them out (see
 * {@link Evaluator}).
 *
 * <ul>
 *   <li>precision@k = (hits in the list) / k — the denominator is {@code k} even for shorter
 *       lists;
 *   <li>recall@k = (hits in the list) / numRelevant;
 *   <li>NDCG@k = DCG / IDCG with DCG = Σ_j hits[j] / log2(j + 2) and IDCG the DCG of a list
 *       whose first min(k, numRelevant) items are all relevant;
 *   <li>AP@k = (1 / min(k, numRelevant)) Σ_{j : hits[j]} precision@(j + 1): average precision
 *       truncated at k, normalised by min(k, numRelevant) so that a perfect list scores 1;
 *   <li>hit rate@k = 1 if the list holds any relevant item, else 0.
 * </ul>
 */
public final class RankingMetrics {
  private RankingMetrics() {}

  /**
   * Marks which of the first {@code k} ranked items are relevant.
   *
   * @param ranked (n) item indices, best first
   * @param relevant distinct item indices that are relevant, in any order
   * @param k cut-off, ≥ 1
   * @return (min(n, k)) {@code hits[j] = ranked[j] ∈ relevant}
   */
  public static boolean[] hits(int[] ranked, int[] relevant, int k) {
    requireK(k);
    int[] sorted = relevant.clone();
    Arrays.sort(sorted);
    boolean[] hits = new boolean[Math.min(ranked.length, k)];
    for (int j = 0; j < hits.length; j++) {
      hits[j] = Arrays.binarySearch(sorted, ranked[j]) >= 0;
    }
    return hits;
  }

  /** Precision@k: the number of hits divided by {@code k}. */
  public static double precision(boolean[] hits, int k) {
    requireList(hits, k);
    return (double) countHits(hits) / k;
  }

  /** Recall@k: the number of hits divided by {@code numRelevant}. */
  public static double recall(boolean[] hits, int numRelevant, int k) {
    int h = requireListAndRelevant(hits, numRelevant, k);
    return (double) h / numRelevant;
  }

  /** NDCG@k with binary gains and a log2(rank + 1) discount (rank 1-based). */
  public static double ndcg(boolean[] hits, int numRelevant, int k) {
    requireListAndRelevant(hits, numRelevant, k);
    double dcg = 0;
    for (int j = 0; j < hits.length; j++) {
      if (hits[j]) {
        dcg += discount(j);
      }
    }
    double ideal = 0;
    int idealHits = Math.min(k, numRelevant);
    for (int j = 0; j < idealHits; j++) {
      ideal += discount(j);
    }
    return dcg / ideal;
  }

  /**
   * AP@k: the mean of precision@(j+1) over the ranks {@code j} that hit, divided by
   * {@code min(k, numRelevant)} (not by the number of hits), so lists that miss relevant items
   * are penalised and a perfect list scores 1.
   */
  public static double averagePrecision(boolean[] hits, int numRelevant, int k) {
    requireListAndRelevant(hits, numRelevant, k);
    double sum = 0;
    int seen = 0;
    for (int j = 0; j < hits.length; j++) {
      if (hits[j]) {
        seen++;
        sum += (double) seen / (j + 1);
      }
    }
    return sum / Math.min(k, numRelevant);
  }

  /** Hit rate@k: 1 if any ranked item is relevant, else 0. */
  public static double hitRate(boolean[] hits, int k) {
    requireList(hits, k);
    return countHits(hits) > 0 ? 1.0 : 0.0;
  }

  /**
   * Item coverage: the fraction of the catalogue that appears in at least one list.
   *
   * @param recommended item indices from every user's list, concatenated; negative entries are
   *     padding and are skipped
   * @param numItems catalogue size, ≥ 1; every non-negative entry must be below it
   */
  public static double coverage(int[] recommended, int numItems) {
    if (numItems < 1) {
      throw new IllegalArgumentException("numItems must be ≥ 1, got " + numItems);
    }
    boolean[] covered = new boolean[numItems];
    int count = 0;
    for (int item : recommended) {
      if (item < 0) {
        continue;
      }
      if (item >= numItems) {
        throw new IllegalArgumentException(
            "recommended item must be in [0, " + numItems + "), got " + item);
      }
      if (!covered[item]) {
        covered[item] = true;
        count++;
      }
    }
    return (double) count / numItems;
  }

  private static double discount(int rank0) {
    return 1.0 / (Math.log(rank0 + 2) / Math.log(2));
  }

  private static int countHits(boolean[] hits) {
    int count = 0;
    for (boolean hit : hits) {
      count += hit ? 1 : 0;
    }
    return count;
  }

  private static void requireK(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be ≥ 1, got " + k);
    }
  }

  private static void requireList(boolean[] hits, int k) {
    requireK(k);
    if (hits.length > k) {
      throw new IllegalArgumentException(
          "a list cut at k=" + k + " holds at most k items, got " + hits.length);
    }
  }

  private static int requireListAndRelevant(boolean[] hits, int numRelevant, int k) {
    requireList(hits, k);
    if (numRelevant < 1) {
      throw new IllegalArgumentException(
          "numRelevant must be ≥ 1 (the metric is undefined for a user with no relevant item),"
              + " got " + numRelevant);
    }
    int h = countHits(hits);
    if (h > numRelevant) {
      throw new IllegalArgumentException(
          "a list cannot hit more items (" + h + ") than are relevant (" + numRelevant + ")");
    }
    return h;
  }
}
