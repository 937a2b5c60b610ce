package org.rbmrec.model.baseline;

import java.util.SplittableRandom;
import org.rbmrec.data.IdIndex;
import org.rbmrec.data.RatingScale;
import org.rbmrec.data.Ratings;

/**
 * Test helper: a fully rated users × items matrix with a planted rank-2 interaction,
 * r_ui = 3 + a_u · b_i with a_u, b_i ∈ {−1, +1}², so every rating is 1, 3 or 5 and the user and
 * item means carry almost no signal. Split at random into {train, test} sharing indices.
 */
final class PlantedRatings {
  private PlantedRatings() {}

  static Ratings[] split(int numUsers, int numItems, double testFraction, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[][] a = new int[numUsers][2];
    int[][] b = new int[numItems][2];
    for (int[] v : a) {
      v[0] = random.nextBoolean() ? 1 : -1;
      v[1] = random.nextBoolean() ? 1 : -1;
    }
    for (int[] v : b) {
      v[0] = random.nextBoolean() ? 1 : -1;
      v[1] = random.nextBoolean() ? 1 : -1;
    }
    int n = numUsers * numItems;
    int[] users = new int[n];
    int[] items = new int[n];
    byte[] levels = new byte[n];
    boolean[] test = new boolean[n];
    for (int u = 0, j = 0; u < numUsers; u++) {
      for (int i = 0; i < numItems; i++, j++) {
        users[j] = u;
        items[j] = i;
        levels[j] = (byte) (2 + a[u][0] * b[i][0] + a[u][1] * b[i][1]);
        test[j] = random.nextDouble() < testFraction;
      }
    }
    IdIndex[] ids = TinyRatings.indices(numUsers, numItems);
    Ratings all =
        Ratings.of(users, items, levels, null, ids[0], ids[1], RatingScale.STARS_1_TO_5);
    boolean[] train = new boolean[n];
    for (int j = 0; j < n; j++) {
      train[j] = !test[j];
    }
    return new Ratings[] {all.select(train), all.select(test)};
  }

  /** Test RMSE of {@code model} over {@code test}. */
  static double rmse(org.rbmrec.model.Recommender model, Ratings test) {
    double sum = 0;
    for (int j = 0; j < test.size(); j++) {
      double e = model.predict(test.user(j), test.item(j)) - test.value(j);
      sum += e * e;
    }
    return Math.sqrt(sum / test.size());
  }
}
