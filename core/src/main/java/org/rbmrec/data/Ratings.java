package org.rbmrec.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable set of ratings as parallel primitive arrays (coordinate form), with the id index
 * of each side and the rating scale. Entry {@code i} says that user {@code user(i)} gave item
 * {@code item(i)} the rating level {@code level(i)} ∈ [0, K), at {@code timestamp(i)} seconds
 * since the epoch when timestamps are present.
 *
 * <p>Subsets made by {@link #subset(int[])} (splits, folds) share the id indices of their parent,
 * so user and item indices mean the same thing in a training set and its test set. The user-major
 * and item-major {@link SparseRows} views are built once, on first use.
 *
 * <p>A data set holds no (user, item) pair twice; readers enforce that on load.
 */
public final class Ratings {
  private final int[] users;
  private final int[] items;
  private final byte[] levels;
  private final long[] timestamps;
  private final IdIndex userIds;
  private final IdIndex itemIds;
  private final RatingScale scale;
  private volatile SparseRows byUser;
  private volatile SparseRows byItem;

  private Ratings(
      int[] users, int[] items, byte[] levels, long[] timestamps, IdIndex userIds,
      IdIndex itemIds, RatingScale scale) {
    this.users = users;
    this.items = items;
    this.levels = levels;
    this.timestamps = timestamps;
    this.userIds = userIds;
    this.itemIds = itemIds;
    this.scale = scale;
  }

  /**
   * Wraps parallel arrays without copying them; the caller hands them over and must not modify
   * them afterwards. Every index and level is checked.
   *
   * @param users (n) dense user indices, each in [0, userIds.size())
   * @param items (n) dense item indices, each in [0, itemIds.size())
   * @param levels (n) level indices, each in [0, scale.levels())
   * @param timestamps (n) seconds since the epoch, or null when the source has none
   */
  public static Ratings of(
      int[] users, int[] items, byte[] levels, long[] timestamps, IdIndex userIds,
      IdIndex itemIds, RatingScale scale) {
    Objects.requireNonNull(users, "users");
    Objects.requireNonNull(items, "items");
    Objects.requireNonNull(levels, "levels");
    Objects.requireNonNull(userIds, "userIds");
    Objects.requireNonNull(itemIds, "itemIds");
    Objects.requireNonNull(scale, "scale");
    int n = users.length;
    if (items.length != n || levels.length != n || (timestamps != null && timestamps.length != n)) {
      throw new IllegalArgumentException(
          "rating arrays must have equal length, got users=" + n + ", items=" + items.length
              + ", levels=" + levels.length
              + (timestamps == null ? "" : ", timestamps=" + timestamps.length));
    }
    int k = scale.levels();
    for (int i = 0; i < n; i++) {
      if (users[i] < 0 || users[i] >= userIds.size()) {
        throw new IllegalArgumentException(
            "user index must be in [0, " + userIds.size() + "), got " + users[i] + " at " + i);
      }
      if (items[i] < 0 || items[i] >= itemIds.size()) {
        throw new IllegalArgumentException(
            "item index must be in [0, " + itemIds.size() + "), got " + items[i] + " at " + i);
      }
      if (levels[i] < 0 || levels[i] >= k) {
        throw new IllegalArgumentException(
            "level must be in [0, " + k + "), got " + levels[i] + " at " + i);
      }
    }
    return new Ratings(users, items, levels, timestamps, userIds, itemIds, scale);
  }

  /** The number of ratings. */
  public int size() {
    return users.length;
  }

  /** The number of users in the id index (some may have no rating in this subset). */
  public int numUsers() {
    return userIds.size();
  }

  /** The number of items in the id index (some may have no rating in this subset). */
  public int numItems() {
    return itemIds.size();
  }

  /** The dense user index of rating {@code i}. */
  public int user(int i) {
    return users[i];
  }

  /** The dense item index of rating {@code i}. */
  public int item(int i) {
    return items[i];
  }

  /** The level index ∈ [0, K) of rating {@code i}. */
  public int level(int i) {
    return levels[i];
  }

  /** The rating value of rating {@code i}, on {@link #scale()}. */
  public double value(int i) {
    return scale.min() + levels[i] * scale.step();
  }

  /** Whether the source had timestamps. */
  public boolean hasTimestamps() {
    return timestamps != null;
  }

  /** Seconds since the epoch of rating {@code i}; throws if there are no timestamps. */
  public long timestamp(int i) {
    if (timestamps == null) {
      throw new IllegalStateException("these ratings have no timestamps");
    }
    return timestamps[i];
  }

  /** The user id index. */
  public IdIndex userIds() {
    return userIds;
  }

  /** The item id index. */
  public IdIndex itemIds() {
    return itemIds;
  }

  /** The rating scale. */
  public RatingScale scale() {
    return scale;
  }

  /** A copy of the user indices (n). */
  public int[] usersCopy() {
    return users.clone();
  }

  /** A copy of the item indices (n). */
  public int[] itemsCopy() {
    return items.clone();
  }

  /** A copy of the level indices (n). */
  public byte[] levelsCopy() {
    return levels.clone();
  }

  /** A copy of the timestamps (n), or null if there are none. */
  public long[] timestampsCopy() {
    return timestamps == null ? null : timestamps.clone();
  }

  /** The user-major view: rows are users, columns items. Built once. */
  public SparseRows byUser() {
    SparseRows view = byUser;
    if (view == null) {
      synchronized (this) {
        view = byUser;
        if (view == null) {
          view = SparseRows.fromTriplets(numUsers(), numItems(), users, items, levels);
          byUser = view;
        }
      }
    }
    return view;
  }

  /** The item-major view: rows are items, columns users. Built once. */
  public SparseRows byItem() {
    SparseRows view = byItem;
    if (view == null) {
      synchronized (this) {
        view = byItem;
        if (view == null) {
          view = SparseRows.fromTriplets(numItems(), numUsers(), items, users, levels);
          byItem = view;
        }
      }
    }
    return view;
  }

  /**
   * The ratings at positions {@code indices}, in that order, sharing this set's id indices and
   * scale.
   */
  public Ratings subset(int[] indices) {
    int n = indices.length;
    int[] u = new int[n];
    int[] it = new int[n];
    byte[] l = new byte[n];
    long[] t = timestamps == null ? null : new long[n];
    for (int j = 0; j < n; j++) {
      int i = indices[j];
      u[j] = users[i];
      it[j] = items[i];
      l[j] = levels[i];
      if (t != null) {
        t[j] = timestamps[i];
      }
    }
    return new Ratings(u, it, l, t, userIds, itemIds, scale);
  }

  /** The ratings whose entry in {@code keep} (n) is true, in order. */
  public Ratings select(boolean[] keep) {
    if (keep.length != size()) {
      throw new IllegalArgumentException(
          "keep mask must have one entry per rating (" + size() + "), got " + keep.length);
    }
    int count = 0;
    for (boolean b : keep) {
      count += b ? 1 : 0;
    }
    int[] indices = new int[count];
    for (int i = 0, j = 0; i < keep.length; i++) {
      if (keep[i]) {
        indices[j++] = i;
      }
    }
    return subset(indices);
  }

  /** The number of ratings at each level (K). */
  public long[] levelHistogram() {
    long[] histogram = new long[scale.levels()];
    for (byte level : levels) {
      histogram[level]++;
    }
    return histogram;
  }

  /** The mean rating value, or NaN for an empty set. */
  public double meanValue() {
    if (levels.length == 0) {
      return Double.NaN;
    }
    long sum = 0;
    for (byte level : levels) {
      sum += level;
    }
    return scale.min() + scale.step() * sum / levels.length;
  }

  /**
   * A 64-bit fingerprint of the contents (indices, levels, raw ids and scale), for checkpoints
   * and caches: equal data gives equal fingerprints.
   */
  public long fingerprint() {
    long h = 0x243F6A8885A308D3L;
    h = mix(h, Arrays.hashCode(users));
    h = mix(h, Arrays.hashCode(items));
    h = mix(h, Arrays.hashCode(levels));
    h = mix(h, Arrays.hashCode(userIds.rawIds()));
    h = mix(h, Arrays.hashCode(itemIds.rawIds()));
    h = mix(h, Double.hashCode(scale.min()) * 31L + Double.hashCode(scale.step()));
    return mix(h, scale.levels());
  }

  private static long mix(long h, long x) {
    h ^= x + 0x9E3779B97F4A7C15L + (h << 6) + (h >>> 2);
    return h * 0xBF58476D1CE4E5B9L;
  }

  @Override
  public String toString() {
    return "Ratings[" + size() + " ratings, " + numUsers() + " users, " + numItems()
        + " items, scale " + scale.describe() + "]";
  }
}
