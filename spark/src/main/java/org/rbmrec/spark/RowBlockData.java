package org.rbmrec.spark;

import java.io.Serializable;
import org.rbmrec.model.rbm.CdRowBlock;

/**
 * One partition's rows as Spark ships them: the arrays of a {@link CdRowBlock}, and which of
 * the {@code parts} partitions it is. The block itself is rebuilt once per executor and kept
 * with the cached partition.
 */
final class RowBlockData implements Serializable {
  private static final long serialVersionUID = 1L;
  private final int numColumns;
  private final int[] rowIds;
  private final int[] rowPointers;
  private final int[] columns;
  private final byte[] levels;
  private final int[] indicatorPointers;
  private final int[] indicatorColumns;
  private final double[] levelValues;
  private final int part;
  private final int parts;
  private transient CdRowBlock block;

  RowBlockData(CdRowBlock block, int part, int parts) {
    this.part = part;
    this.parts = parts;
    this.numColumns = block.numColumns();
    this.rowIds = block.rowIds();
    this.rowPointers = block.rowPointers();
    this.columns = block.columns();
    this.levels = block.levels();
    this.indicatorPointers = block.indicatorPointers();
    this.indicatorColumns = block.indicatorColumns();
    this.levelValues = block.levelValues();
    this.block = block;
  }

  /** The block, rebuilt from the arrays on first use after deserialisation. */
  synchronized CdRowBlock block() {
    if (block == null) {
      block = CdRowBlock.of(numColumns, rowIds, rowPointers, columns, levels, indicatorPointers,
          indicatorColumns, levelValues);
    }
    return block;
  }

  /** This block's partition, in [0, parts). */
  int part() {
    return part;
  }

  /** The number of partitions. */
  int parts() {
    return parts;
  }

  /** The number of rows. */
  int numRows() {
    return rowIds.length;
  }
}
