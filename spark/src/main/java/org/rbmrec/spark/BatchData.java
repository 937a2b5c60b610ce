package org.rbmrec.spark;

import java.io.Serializable;
import org.rbmrec.model.rbm.ParameterSnapshot;

/**
 * What every partition needs for one mini-batch, broadcast by the driver: the current parameters
 * (the arrays of a {@link ParameterSnapshot}), the batch's global row numbers in epoch order, and
 * the epoch.
 */
final class BatchData implements Serializable {
  private static final long serialVersionUID = 1L;
  private final int numVisible;
  private final int levels;
  private final int hidden;
  private final float[] w;
  private final float[] b;
  private final float[] c;
  private final float[] d;
  private final int[] batch;
  private final int[] entryStarts;
  private final int epoch;

  BatchData(ParameterSnapshot p, int[] batch, int[] entryStarts, int epoch) {
    this.numVisible = p.numVisible();
    this.levels = p.levels();
    this.hidden = p.hidden();
    this.w = p.w();
    this.b = p.b();
    this.c = p.c();
    this.d = p.d();
    this.batch = batch;
    this.entryStarts = entryStarts;
    this.epoch = epoch;
  }

  ParameterSnapshot parameters() {
    return ParameterSnapshot.of(numVisible, levels, hidden, w, b, c, d);
  }

  int[] batch() {
    return batch;
  }

  /** The batch's entry offsets (B + 1), from {@code DistributedCd.beginBatch}. */
  int[] entryStarts() {
    return entryStarts;
  }

  int epoch() {
    return epoch;
  }
}
