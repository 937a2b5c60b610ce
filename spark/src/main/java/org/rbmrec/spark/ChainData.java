package org.rbmrec.spark;

import java.io.Serializable;
import org.rbmrec.model.rbm.ChainOutputs;

/**
 * {@link ChainOutputs} as Spark ships them between executors and driver: the plain arrays.
 * {@code null} stands for "nothing yet", the identity of {@link #plus}.
 */
final class ChainData implements Serializable {
  private static final long serialVersionUID = 1L;
  private final int rows;
  private final float[] positive;
  private final float[] negative;
  private final float[] q;
  private final byte[] sampled;
  private final double[] reconSquaredError;
  private final int[] reconCount;

  ChainData(ChainOutputs c) {
    this.rows = c.rows();
    this.positive = c.positive();
    this.negative = c.negative();
    this.q = c.q();
    this.sampled = c.sampled();
    this.reconSquaredError = c.reconSquaredError();
    this.reconCount = c.reconCount();
  }

  ChainOutputs outputs() {
    return ChainOutputs.of(rows, positive, negative, q, sampled, reconSquaredError, reconCount);
  }

  /** The slot-wise sum; either side may be null (nothing yet). */
  static ChainData plus(ChainData a, ChainData b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return new ChainData(a.outputs().plus(b.outputs()));
  }
}
