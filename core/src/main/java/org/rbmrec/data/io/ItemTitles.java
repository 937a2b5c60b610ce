package org.rbmrec.data.io;

import java.util.Arrays;
import java.util.Optional;

/**
 * An immutable map from raw item id (as in the data files) to title. Keys are primitive
 * {@code long}s held sorted; a lookup is a binary search, with no boxing.
 */
public final class ItemTitles {
  private static final ItemTitles EMPTY = new ItemTitles(new long[0], new String[0]);

  private final long[] ids;
  private final String[] titles;

  private ItemTitles(long[] ids, String[] titles) {
    this.ids = ids;
    this.titles = titles;
  }

  /** No titles. */
  public static ItemTitles empty() {
    return EMPTY;
  }

  /**
   * Titles from parallel arrays; when an id occurs twice the later title wins.
   *
   * @param ids (n) raw item ids
   * @param titles (n) titles, not null
   */
  public static ItemTitles of(long[] ids, String[] titles) {
    if (ids.length != titles.length) {
      throw new IllegalArgumentException(
          "ids and titles must have equal length, got " + ids.length + " and " + titles.length);
    }
    Builder builder = new Builder();
    for (int i = 0; i < ids.length; i++) {
      builder.put(ids[i], titles[i]);
    }
    return builder.build();
  }

  /** The number of titled items. */
  public int size() {
    return ids.length;
  }

  /** Whether there are no titles. */
  public boolean isEmpty() {
    return ids.length == 0;
  }

  /** The title of raw item id {@code rawId}, if known. */
  public Optional<String> title(long rawId) {
    return Optional.ofNullable(titleOrNull(rawId));
  }

  /** The title of raw item id {@code rawId}, or null if it is unknown. */
  public String titleOrNull(long rawId) {
    int at = Arrays.binarySearch(ids, rawId);
    return at >= 0 ? titles[at] : null;
  }

  /** The titled raw ids, ascending (a copy). */
  public long[] ids() {
    return ids.clone();
  }

  /** The title of the {@code position}-th id in ascending id order. */
  public String titleAt(int position) {
    return titles[position];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ItemTitles other
        && Arrays.equals(ids, other.ids) && Arrays.equals(titles, other.titles);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(ids) + Arrays.hashCode(titles);
  }

  @Override
  public String toString() {
    return "ItemTitles[" + ids.length + " titles]";
  }

  /** Collects titles in any order; not thread-safe. */
  public static final class Builder {
    private long[] ids = new long[256];
    private String[] titles = new String[256];
    private int size;

    /** Adds (or, if {@code rawId} is added again, later replaces) a title. */
    public Builder put(long rawId, String title) {
      if (title == null) {
        throw new IllegalArgumentException("title of item " + rawId + " must not be null");
      }
      if (size == ids.length) {
        ids = Arrays.copyOf(ids, size * 2);
        titles = Arrays.copyOf(titles, size * 2);
      }
      ids[size] = rawId;
      titles[size] = title;
      size++;
      return this;
    }

    /** The titles added so far, sorted by id, the last title of a repeated id winning. */
    public ItemTitles build() {
      if (size == 0) {
        return EMPTY;
      }
      boolean ascending = true;
      for (int i = 1; i < size && ascending; i++) {
        ascending = ids[i - 1] < ids[i];
      }
      if (ascending) { // the usual case: title files list ids in order
        return new ItemTitles(Arrays.copyOf(ids, size), Arrays.copyOf(titles, size));
      }
      Integer[] order = new Integer[size];
      for (int i = 0; i < size; i++) {
        order[i] = i;
      }
      // Stable sort by id, so that among equal ids the last added comes last.
      Arrays.sort(order, (a, b) -> Long.compare(ids[a], ids[b]));
      long[] outIds = new long[size];
      String[] outTitles = new String[size];
      int n = 0;
      for (int j = 0; j < size; j++) {
        int i = order[j];
        if (n > 0 && outIds[n - 1] == ids[i]) {
          outTitles[n - 1] = titles[i];
        } else {
          outIds[n] = ids[i];
          outTitles[n] = titles[i];
          n++;
        }
      }
      return new ItemTitles(Arrays.copyOf(outIds, n), Arrays.copyOf(outTitles, n));
    }
  }
}
