package org.rbmrec.data.synth;

/**
 * How many ratings each user gets: a power law over activity ranks, summing exactly to the
 * requested total, with every count in [minRatingsPerUser, items]. See {@link SyntheticConfig}.
 */
final class ActivityPlan {
  private ActivityPlan() {}

  /** The number of ratings of each user (users), in user index order. */
  static int[] counts(SyntheticConfig config) {
    int users = config.users();
    int min = config.minRatingsPerUser();
    double b = config.userActivityExponent();
    double[] shape = new double[users];
    boolean flat = true;
    for (int r = 0; r < users; r++) {
      shape[r] = Math.pow(users / (r + 0.5), b) - 1;
      flat &= shape[r] <= 0;
    }
    if (flat) {
      java.util.Arrays.fill(shape, 1.0);
    }
    long extra = (long) config.ratings() - (long) users * min;
    double cap = config.items() - min;
    double s = solveScale(shape, cap, extra);
    int[] byRank = new int[users];
    long total = 0;
    for (int r = 0; r < users; r++) {
      byRank[r] = min + (int) Math.min(cap, Math.floor(s * shape[r]));
      total += byRank[r];
    }
    // Rounding leaves a remainder smaller than the number of users: spread it over the most
    // active users that still have room (or take it back from the least active ones).
    for (int r = 0; total < config.ratings(); r = (r + 1) % users) {
      if (byRank[r] < config.items()) {
        byRank[r]++;
        total++;
      }
    }
    for (int r = users - 1; total > config.ratings(); r = (r + users - 1) % users) {
      if (byRank[r] > min) {
        byRank[r]--;
        total--;
      }
    }
    int[] rankOfUser = Streams.permutation(users, Streams.of(config.seed(), Streams.USER_RANKS, 0));
    int[] counts = new int[users];
    for (int u = 0; u < users; u++) {
      counts[u] = byRank[rankOfUser[u]];
    }
    return counts;
  }

  /** The s ≥ 0 with Σ min(cap, s·shape[r]) = extra, by bisection. */
  private static double solveScale(double[] shape, double cap, long extra) {
    if (extra == 0) {
      return 0;
    }
    double lo = 0;
    double hi = 1;
    while (sum(shape, cap, hi) < extra && hi < 1e300) {
      hi *= 2;
    }
    for (int iteration = 0; iteration < 100; iteration++) {
      double mid = 0.5 * (lo + hi);
      if (sum(shape, cap, mid) < extra) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static double sum(double[] shape, double cap, double s) {
    double total = 0;
    for (double x : shape) {
      total += Math.min(cap, s * x);
    }
    return total;
  }
}
