package org.rbmrec.data.synth;

import java.util.Objects;
import org.rbmrec.data.RatingScale;

/**
 * The shape and planted model of a synthetic rating set.
 *
 * <p>User activity: the user of activity rank r (0 = most active) gets
 * {@code minRatingsPerUser + s·((users / (r + ½))^userActivityExponent − 1)} ratings, capped at
 * {@code items}, with s chosen so that the total is exactly {@code ratings} (a Pareto tail with
 * index {@code 1 / userActivityExponent}). Item popularity: the item of popularity rank r has
 * sampling weight {@code (r + 1 + itemPopularityOffset·items)^-itemPopularityExponent}
 * (Zipf–Mandelbrot: the offset flattens the head so that the most popular items are not rated by
 * every user); each user draws their items from these weights without replacement. Every item
 * gets at least one rating: before sampling, each item is given to one user (cycling over a
 * seeded order of users), and that user's remaining items are drawn as above.
 *
 * <p>Ratings: {@code μ + b_u + b_i + p_u·q_i + noise·ε}, quantised to the nearest level of
 * {@code scale} and clipped to it, with {@code p_u, q_i} of length {@code rank}; see
 * {@link SyntheticRatings} for the variances.
 *
 * @param users number of users, ≥ 1
 * @param items number of items, ≥ 1
 * @param ratings number of ratings, in [max(items, users × minRatingsPerUser), users × items]
 * @param minRatingsPerUser every user's least number of ratings, in [1, items] (MovieLens: 20)
 * @param scale the rating scale (default half stars 0.5..5, K = 10)
 * @param rank length of the planted user and item factor vectors, in [1, 1000]
 * @param noise standard deviation of the rating noise, in rating units of a 4.5-wide scale (as
 *     half stars), in [0, 10]
 * @param itemPopularityExponent Zipf exponent of item popularity, in [0, 5]; 0 is uniform
 * @param itemPopularityOffset head-flattening offset of item popularity, as a fraction of the
 *     number of items, in [0, 1]
 * @param userActivityExponent exponent of user activity, in [0, 2]; 0 gives every user the same
 *     number of ratings (±1)
 * @param seed seed of everything random
 */
public record SyntheticConfig(
    int users, int items, int ratings, int minRatingsPerUser, RatingScale scale, int rank,
    double noise, double itemPopularityExponent, double itemPopularityOffset,
    double userActivityExponent, long seed) {

  public SyntheticConfig {
    Objects.requireNonNull(scale, "scale");
    if (users < 1) {
      throw new IllegalArgumentException("users must be ≥ 1, got " + users);
    }
    if (items < 1) {
      throw new IllegalArgumentException("items must be ≥ 1, got " + items);
    }
    if (minRatingsPerUser < 1 || minRatingsPerUser > items) {
      throw new IllegalArgumentException(
          "minRatingsPerUser must be in [1, items = " + items + "], got " + minRatingsPerUser);
    }
    long least = (long) users * minRatingsPerUser;
    long most = (long) users * items;
    if (ratings < least || ratings > most) {
      throw new IllegalArgumentException(
          "ratings must be in [users × minRatingsPerUser, users × items] = [" + least + ", "
              + most + "], got " + ratings);
    }
    if (ratings < items) {
      throw new IllegalArgumentException(
          "ratings must be ≥ items = " + items + " so that every item is rated, got " + ratings);
    }
    if (rank < 1 || rank > 1000) {
      throw new IllegalArgumentException("rank must be in [1, 1000], got " + rank);
    }
    if (!(noise >= 0 && noise <= 10)) {
      throw new IllegalArgumentException("noise must be in [0, 10], got " + noise);
    }
    if (!(itemPopularityExponent >= 0 && itemPopularityExponent <= 5)) {
      throw new IllegalArgumentException(
          "itemPopularityExponent must be in [0, 5], got " + itemPopularityExponent);
    }
    if (!(itemPopularityOffset >= 0 && itemPopularityOffset <= 1)) {
      throw new IllegalArgumentException(
          "itemPopularityOffset must be in [0, 1], got " + itemPopularityOffset);
    }
    if ((long) Math.max(users, items) * rank > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "max(users, items) × rank must fit in an array (≤ " + (Integer.MAX_VALUE - 8)
              + "), got " + (long) Math.max(users, items) * rank);
    }
    if (!(userActivityExponent >= 0 && userActivityExponent <= 2)) {
      throw new IllegalArgumentException(
          "userActivityExponent must be in [0, 2], got " + userActivityExponent);
    }
  }

  /**
   * The shape of MovieLens 20M: 138,493 users, 26,744 items, 20,000,263 half-star ratings, at
   * least 20 per user; planted rank 10, noise 0.6, item popularity exponent 2.5 with offset
   * 0.02, user activity exponent 0.3, seed 42. Generated, it has (measured) a most-rated item
   * with about 40,000 ratings, a median item with about 25, a quarter of the items with fewer
   * than 10, the top 10% of items holding about 90% of the ratings, and users with 20 to about
   * 12,000 ratings (median about 85).
   */
  public static SyntheticConfig ml20mShape() {
    return new SyntheticConfig(
        138_493, 26_744, 20_000_263, 20, RatingScale.HALF_STARS, 10, 0.6, 2.5, 0.02, 0.3, 42L);
  }

  /**
   * The shape of MovieLens 1M: 6,040 users, 3,706 items, 1,000,209 whole-star ratings (1–5,
   * K = 5), at least 20 per user; the planted model and popularity curves of
   * {@link #ml20mShape()}, seed 42.
   */
  public static SyntheticConfig ml1mShape() {
    return new SyntheticConfig(
        6_040, 3_706, 1_000_209, 20, RatingScale.STARS_1_TO_5, 10, 0.6, 2.5, 0.02, 0.3, 42L);
  }

  /** The defaults: {@link #ml20mShape()}. */
  public static SyntheticConfig defaults() {
    return ml20mShape();
  }

  /**
   * This shape with users, items and ratings each multiplied by {@code factor} (rounded, at least
   * 1 user and {@code minRatingsPerUser} items). The mean number of ratings per user stays the
   * same, so the density grows as 1 / factor; a factor so small that the ratings no longer fit
   * ({@code ratings > users × items}) is refused. For ml-20m the smallest factor is about 0.006.
   *
   * @param factor in (0, 1]
   */
  public SyntheticConfig scaled(double factor) {
    if (!(factor > 0 && factor <= 1)) {
      throw new IllegalArgumentException("scale factor must be in (0, 1], got " + factor);
    }
    int u = (int) Math.max(1, Math.round(users * factor));
    int i = (int) Math.max(minRatingsPerUser, Math.round(items * factor));
    long r = Math.max(Math.max((long) u * minRatingsPerUser, i), Math.round(ratings * factor));
    if (r > (long) u * i) {
      throw new IllegalArgumentException(
          "scale factor " + factor + " is too small: " + r + " ratings do not fit in " + u
              + " users × " + i + " items");
    }
    return new SyntheticConfig(u, i, (int) r, minRatingsPerUser, scale, rank, noise,
        itemPopularityExponent, itemPopularityOffset, userActivityExponent, seed);
  }

  /** This config with another seed. */
  public SyntheticConfig withSeed(long newSeed) {
    return new SyntheticConfig(users, items, ratings, minRatingsPerUser, scale, rank, noise,
        itemPopularityExponent, itemPopularityOffset, userActivityExponent, newSeed);
  }

  /** This config with another shape. */
  public SyntheticConfig withShape(int newUsers, int newItems, int newRatings, int newMin) {
    return new SyntheticConfig(newUsers, newItems, newRatings, newMin, scale, rank, noise,
        itemPopularityExponent, itemPopularityOffset, userActivityExponent, seed);
  }
}
