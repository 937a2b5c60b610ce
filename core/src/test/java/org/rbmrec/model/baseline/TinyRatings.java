package org.rbmrec.model.baseline;

import org.rbmrec.data.IdIndex;
import org.rbmrec.data.RatingScale;
import org.rbmrec.data.Ratings;

/** Test helper: small hand-written rating sets on the 1..5 scale with ids 0..n-1. */
public final class TinyRatings {
  private TinyRatings() {}

  /** Raw ids 0..n-1 for users and items. */
  public static IdIndex[] indices(int numUsers, int numItems) {
    long[] users = new long[numUsers];
    long[] items = new long[numItems];
    for (int u = 0; u < numUsers; u++) {
      users[u] = u;
    }
    for (int i = 0; i < numItems; i++) {
      items[i] = i;
    }
    return new IdIndex[] {IdIndex.of("user", users), IdIndex.of("item", items)};
  }

  /**
   * Ratings from {user, item, value} triples, sharing {@code ids} (from {@link #indices}).
   */
  public static Ratings of(IdIndex[] ids, double[]... triples) {
    int n = triples.length;
    int[] u = new int[n];
    int[] i = new int[n];
    byte[] l = new byte[n];
    for (int j = 0; j < n; j++) {
      u[j] = (int) triples[j][0];
      i[j] = (int) triples[j][1];
      l[j] = (byte) RatingScale.STARS_1_TO_5.level(triples[j][2]);
    }
    return Ratings.of(u, i, l, null, ids[0], ids[1], RatingScale.STARS_1_TO_5);
  }

  /** Ratings over fresh indices of the given sizes. */
  public static Ratings of(int numUsers, int numItems, double[]... triples) {
    return of(indices(numUsers, numItems), triples);
  }
}
