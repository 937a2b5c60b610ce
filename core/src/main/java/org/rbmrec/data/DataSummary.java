package org.rbmrec.data;

import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Descriptive statistics of a {@link Ratings} set: sizes, density, the rating histogram, the
 * distribution of ratings per user and per item, the mean rating and the time range. Pure: it
 * reads the ratings once and keeps no reference to them.
 *
 * <p>Definitions:
 * <ul>
 *   <li>{@link #numUsers()} and {@link #numItems()} are the sizes of the id indices; a subset
 *       (split, fold) shares its parent's indices, so some of them may have no rating here.
 *       {@link #activeUsers()} and {@link #activeItems()} count those with at least one.
 *   <li>{@link #density()} is {@code numRatings / (numUsers × numItems)}, NaN when either side is
 *       empty.
 *   <li>The per-user and per-item {@link Quantiles} are taken over the <em>active</em> users and
 *       items (a user without ratings in a subset says nothing about activity), with linear
 *       interpolation between order statistics (numpy's default, "type 7").
 * </ul>
 */
public final class DataSummary {
  private final int numUsers;
  private final int numItems;
  private final int numRatings;
  private final int activeUsers;
  private final int activeItems;
  private final RatingScale scale;
  private final long[] levelCounts;
  private final double meanRating;
  private final Quantiles ratingsPerUser;
  private final Quantiles ratingsPerItem;
  private final long firstTimestamp;
  private final long lastTimestamp;
  private final boolean hasTimestamps;

  private DataSummary(Ratings r) {
    numUsers = r.numUsers();
    numItems = r.numItems();
    numRatings = r.size();
    scale = r.scale();
    levelCounts = r.levelHistogram();
    meanRating = r.meanValue();
    int[] perUser = new int[numUsers];
    int[] perItem = new int[numItems];
    for (int i = 0; i < numRatings; i++) {
      perUser[r.user(i)]++;
      perItem[r.item(i)]++;
    }
    int[] activeUserCounts = positive(perUser);
    int[] activeItemCounts = positive(perItem);
    activeUsers = activeUserCounts.length;
    activeItems = activeItemCounts.length;
    ratingsPerUser = Quantiles.of(activeUserCounts);
    ratingsPerItem = Quantiles.of(activeItemCounts);
    hasTimestamps = r.hasTimestamps() && numRatings > 0;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    if (hasTimestamps) {
      for (int i = 0; i < numRatings; i++) {
        long t = r.timestamp(i);
        first = Math.min(first, t);
        last = Math.max(last, t);
      }
    }
    firstTimestamp = first;
    lastTimestamp = last;
  }

  /** Summarises {@code ratings}. O(n + users + items · log) time. */
  public static DataSummary of(Ratings ratings) {
    return new DataSummary(Objects.requireNonNull(ratings, "ratings"));
  }

  private static int[] positive(int[] counts) {
    int n = 0;
    for (int c : counts) {
      n += c > 0 ? 1 : 0;
    }
    int[] result = new int[n];
    for (int i = 0, j = 0; i < counts.length; i++) {
      if (counts[i] > 0) {
        result[j++] = counts[i];
      }
    }
    return result;
  }

  /** The number of users in the id index. */
  public int numUsers() {
    return numUsers;
  }

  /** The number of items in the id index. */
  public int numItems() {
    return numItems;
  }

  /** The number of ratings. */
  public int numRatings() {
    return numRatings;
  }

  /** The number of users with at least one rating. */
  public int activeUsers() {
    return activeUsers;
  }

  /** The number of items with at least one rating. */
  public int activeItems() {
    return activeItems;
  }

  /** The number of rating levels K of the scale. */
  public int numLevels() {
    return scale.levels();
  }

  /** The rating scale. */
  public RatingScale scale() {
    return scale;
  }

  /** {@code numRatings / (numUsers × numItems)}, or NaN when either side is empty. */
  public double density() {
    if (numUsers == 0 || numItems == 0) {
      return Double.NaN;
    }
    return numRatings / ((double) numUsers * numItems);
  }

  /** The number of ratings at each level (K); index k holds rating value {@code scale().value(k)}. */
  public long[] levelCounts() {
    return levelCounts.clone();
  }

  /** The mean rating value, or NaN when there are no ratings. */
  public double meanRating() {
    return meanRating;
  }

  /** Quantiles of the number of ratings per active user. */
  public Quantiles ratingsPerUser() {
    return ratingsPerUser;
  }

  /** Quantiles of the number of ratings per active item. */
  public Quantiles ratingsPerItem() {
    return ratingsPerItem;
  }

  /** The earliest timestamp (seconds since the epoch), if the ratings have timestamps. */
  public OptionalLong firstTimestamp() {
    return hasTimestamps ? OptionalLong.of(firstTimestamp) : OptionalLong.empty();
  }

  /** The latest timestamp (seconds since the epoch), if the ratings have timestamps. */
  public OptionalLong lastTimestamp() {
    return hasTimestamps ? OptionalLong.of(lastTimestamp) : OptionalLong.empty();
  }

  @Override
  public String toString() {
    return "DataSummary[" + numRatings + " ratings, " + numUsers + " users, " + numItems
        + " items, density " + density() + ", levels " + Arrays.toString(levelCounts) + "]";
  }

  /**
   * Quantiles of a distribution of counts, linearly interpolated between order statistics
   * (position {@code q·(n-1)} in the sorted values). All NaN for an empty distribution.
   */
  public record Quantiles(
      double min, double p25, double median, double p75, double p90, double p99, double max) {

    /** The probabilities reported, in the order of the record components. */
    public static final double[] PROBABILITIES = {0, 0.25, 0.5, 0.75, 0.9, 0.99, 1};

    /** The quantiles of {@code values}; the array is not modified. */
    public static Quantiles of(int[] values) {
      int[] sorted = values.clone();
      Arrays.sort(sorted);
      double[] q = new double[PROBABILITIES.length];
      for (int j = 0; j < q.length; j++) {
        q[j] = quantile(sorted, PROBABILITIES[j]);
      }
      return new Quantiles(q[0], q[1], q[2], q[3], q[4], q[5], q[6]);
    }

    /** The values in the order of {@link #PROBABILITIES}. */
    public double[] toArray() {
      return new double[] {min, p25, median, p75, p90, p99, max};
    }

    private static double quantile(int[] sorted, double p) {
      int n = sorted.length;
      if (n == 0) {
        return Double.NaN;
      }
      double position = p * (n - 1);
      int lower = (int) Math.floor(position);
      int upper = Math.min(lower + 1, n - 1);
      double fraction = position - lower;
      return sorted[lower] + fraction * (sorted[upper] - sorted[lower]);
    }
  }
}
