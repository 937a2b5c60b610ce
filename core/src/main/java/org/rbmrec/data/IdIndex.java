package org.rbmrec.data;

import java.util.Arrays;

/**
 * An immutable map between the raw ids of one side (users or items), as they appear in the data
 * files, and dense indices {@code 0 … size()-1}, in order of first appearance.
 *
 * <p>Lookups use an open-addressing hash table over primitive arrays: no boxing. Raw ids are
 * integers ({@code long}), as in every MovieLens file and as Spark MLlib's ALS requires.
 */
public final class IdIndex {
  private static final int EMPTY = -1;

  private final String side;
  private final long[] rawIds;
  private final long[] tableKeys;
  private final int[] tableValues;
  private final int mask;

  private IdIndex(String side, long[] rawIds) {
    this.side = side;
    this.rawIds = rawIds;
    int capacity = Integer.highestOneBit(Math.max(4, rawIds.length * 2 - 1)) << 1;
    this.tableKeys = new long[capacity];
    this.tableValues = new int[capacity];
    this.mask = capacity - 1;
    Arrays.fill(tableValues, EMPTY);
    for (int i = 0; i < rawIds.length; i++) {
      int slot = slotFor(rawIds[i]);
      if (tableValues[slot] != EMPTY) {
        throw new IllegalArgumentException("duplicate " + side + " id " + rawIds[i]);
      }
      tableKeys[slot] = rawIds[i];
      tableValues[slot] = i;
    }
  }

  /**
   * An index over {@code rawIds}, whose position becomes the dense index.
   *
   * @param side "user" or "item", used in error messages
   * @param rawIds distinct raw ids; the array is copied
   */
  public static IdIndex of(String side, long... rawIds) {
    return new IdIndex(side, rawIds.clone());
  }

  /** The side this index maps: "user" or "item". */
  public String side() {
    return side;
  }

  /** The number of distinct ids. */
  public int size() {
    return rawIds.length;
  }

  /** The dense index of {@code rawId}, or -1 if the id is unknown. */
  public int indexOrMinusOne(long rawId) {
    int slot = hash(rawId) & mask;
    while (true) {
      int value = tableValues[slot];
      if (value == EMPTY) {
        return -1;
      }
      if (tableKeys[slot] == rawId) {
        return value;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** The dense index of {@code rawId}; throws {@link UnknownIdException} if it is unknown. */
  public int index(long rawId) {
    int index = indexOrMinusOne(rawId);
    if (index < 0) {
      throw new UnknownIdException(side, rawId);
    }
    return index;
  }

  /** Whether {@code rawId} is known. */
  public boolean contains(long rawId) {
    return indexOrMinusOne(rawId) >= 0;
  }

  /** The raw id of dense index {@code index} ∈ [0, size()). */
  public long rawId(int index) {
    if (index < 0 || index >= rawIds.length) {
      throw new IllegalArgumentException(
          side + " index must be in [0, " + rawIds.length + "), got " + index);
    }
    return rawIds[index];
  }

  /** A copy of the raw ids, in dense-index order. */
  public long[] rawIds() {
    return rawIds.clone();
  }

  private int slotFor(long rawId) {
    int slot = hash(rawId) & mask;
    while (tableValues[slot] != EMPTY && tableKeys[slot] != rawId) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private static int hash(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  /** Builds an index by interning raw ids as they are read; not thread-safe. */
  public static final class Builder {
    private final String side;
    private long[] ids = new long[1024];
    private long[] keys = new long[2048];
    private int[] values = new int[2048];
    private int size;

    /** @param side "user" or "item" */
    public Builder(String side) {
      this.side = side;
      Arrays.fill(values, EMPTY);
    }

    /** The dense index of {@code rawId}, assigning the next one if it is new. */
    public int intern(long rawId) {
      int m = keys.length - 1;
      int slot = hash(rawId) & m;
      while (true) {
        int value = values[slot];
        if (value == EMPTY) {
          break;
        }
        if (keys[slot] == rawId) {
          return value;
        }
        slot = (slot + 1) & m;
      }
      if (size == ids.length) {
        ids = Arrays.copyOf(ids, size * 2);
      }
      ids[size] = rawId;
      keys[slot] = rawId;
      values[slot] = size;
      size++;
      if (size * 2 > keys.length) {
        rehash();
      }
      return size - 1;
    }

    /** The number of ids interned so far. */
    public int size() {
      return size;
    }

    /** The immutable index of the ids interned so far. */
    public IdIndex build() {
      return new IdIndex(side, Arrays.copyOf(ids, size));
    }

    private void rehash() {
      long[] newKeys = new long[keys.length * 2];
      int[] newValues = new int[keys.length * 2];
      Arrays.fill(newValues, EMPTY);
      int m = newKeys.length - 1;
      for (int i = 0; i < size; i++) {
        int slot = hash(ids[i]) & m;
        while (newValues[slot] != EMPTY) {
          slot = (slot + 1) & m;
        }
        newKeys[slot] = ids[i];
        newValues[slot] = i;
      }
      keys = newKeys;
      values = newValues;
    }
  }
}
