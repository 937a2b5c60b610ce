package org.rbmrec.model.rbm;

import java.util.Arrays;
import org.rbmrec.data.SparseRows;

/**
 * The entries of one mini-batch, numbered and grouped by visible unit, so that the statistics
 * of each unit touched by the batch can be summed from the batch's per-row results in one place
 * (its K × F weight block read and written once per batch) and in a fixed order.
 *
 * <ul>
 *   <li>Batch row b ∈ [0, B) is row {@code order[from + b]}; its rated entries are the batch
 *       entries e ∈ [{@link #entryStart}[b], entryStart[b+1]), in CSR order; entry e is CSR
 *       position {@link #entryPosition}[e] of batch row {@link #entryRow}[e].
 *   <li>The touched units are {@link #units}[0 … numUnits), in order of first appearance.
 *       Unit slot s's rated entries are {@link #ratedEntries}[ratedStart[s] … ratedStart[s+1])
 *       (increasing e), and the batch rows whose indicator vector r contains it are
 *       {@link #indicatedRows}[indicatedStart[s] … indicatedStart[s+1]) (increasing b).
 * </ul>
 *
 * Building costs O(entries of the batch); arrays are reused across batches and grow when a batch
 * is larger than any before.
 */
final class BatchEntries {
  private final int[] slotOf;
  int numRows;
  int[] batchRows = new int[0];
  int[] entryStart = new int[1];
  int numEntries;
  int[] entryRow = new int[0];
  int[] entryPosition = new int[0];
  int numUnits;
  int[] units = new int[0];
  int[] ratedStart = new int[1];
  int[] ratedEntries = new int[0];
  int[] indicatedStart = new int[1];
  int[] indicatedRows = new int[0];
  private int[] ratedCursor = new int[0];
  private int[] indicatedCursor = new int[0];

  BatchEntries(int numVisible) {
    this.slotOf = new int[numVisible];
    Arrays.fill(slotOf, -1);
  }

  /** Numbers and groups the entries of rows {@code order[from … to)}. */
  void build(SparseRows rows, IndicatorRows indicator, int[] order, int from, int to) {
    numRows = to - from;
    batchRows = ensure(batchRows, numRows);
    entryStart = ensure(entryStart, numRows + 1);
    int entries = 0;
    int indications = 0;
    for (int b = 0; b < numRows; b++) {
      int row = order[from + b];
      batchRows[b] = row;
      entries += rows.rowLength(row);
      if (indicator != null) {
        indications += indicator.rowEnd(row) - indicator.rowStart(row);
      }
    }
    numEntries = entries;
    entryRow = ensure(entryRow, entries);
    entryPosition = ensure(entryPosition, entries);
    ratedEntries = ensure(ratedEntries, entries);
    indicatedRows = ensure(indicatedRows, indications);
    // Pass 1: number the entries, find the units, count per unit.
    numUnits = 0;
    int[] columns = rows.columns();
    int e = 0;
    for (int b = 0; b < numRows; b++) {
      int row = batchRows[b];
      entryStart[b] = e;
      for (int x = rows.rowStart(row); x < rows.rowEnd(row); x++) {
        entryRow[e] = b;
        entryPosition[e] = x;
        int s = slot(columns[x]); // may grow the cursors: take the slot first
        ratedCursor[s]++;
        e++;
      }
      if (indicator != null) {
        int[] ic = indicator.columns();
        for (int x = indicator.rowStart(row); x < indicator.rowEnd(row); x++) {
          int s = slot(ic[x]);
          indicatedCursor[s]++;
        }
      }
    }
    entryStart[numRows] = e;
    // Prefix sums: cursors become each slot's start.
    ratedStart = ensure(ratedStart, numUnits + 1);
    indicatedStart = ensure(indicatedStart, numUnits + 1);
    int r = 0;
    int n = 0;
    for (int s = 0; s < numUnits; s++) {
      ratedStart[s] = r;
      indicatedStart[s] = n;
      r += ratedCursor[s];
      n += indicatedCursor[s];
      ratedCursor[s] = ratedStart[s];
      indicatedCursor[s] = indicatedStart[s];
    }
    ratedStart[numUnits] = r;
    indicatedStart[numUnits] = n;
    // Pass 2: fill the groups in increasing entry (and batch row) order.
    for (e = 0; e < numEntries; e++) {
      ratedEntries[ratedCursor[slotOf[columns[entryPosition[e]]]]++] = e;
    }
    if (indicator != null) {
      int[] ic = indicator.columns();
      for (int b = 0; b < numRows; b++) {
        int row = batchRows[b];
        for (int x = indicator.rowStart(row); x < indicator.rowEnd(row); x++) {
          indicatedRows[indicatedCursor[slotOf[ic[x]]]++] = b;
        }
      }
    }
    for (int s = 0; s < numUnits; s++) {
      slotOf[units[s]] = -1;
    }
  }

  /** The number of rated entries of unit slot {@code s} in the batch. */
  int ratedCount(int s) {
    return ratedStart[s + 1] - ratedStart[s];
  }

  /** The number of batch rows whose indicator vector contains unit slot {@code s}. */
  int indicatedCount(int s) {
    return indicatedStart[s + 1] - indicatedStart[s];
  }

  private int slot(int unit) {
    int s = slotOf[unit];
    if (s >= 0) {
      return s;
    }
    s = numUnits++;
    if (s == units.length) {
      int capacity = Math.min(slotOf.length, Math.max(16, 2 * units.length));
      units = Arrays.copyOf(units, capacity);
      ratedCursor = Arrays.copyOf(ratedCursor, capacity);
      indicatedCursor = Arrays.copyOf(indicatedCursor, capacity);
    }
    units[s] = unit;
    ratedCursor[s] = 0;
    indicatedCursor[s] = 0;
    slotOf[unit] = s;
    return s;
  }

  private static int[] ensure(int[] array, int length) {
    return array.length >= length ? array : new int[Math.max(length, array.length + array.length / 2)];
  }
}
