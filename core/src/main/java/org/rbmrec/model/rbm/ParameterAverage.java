package org.rbmrec.model.rbm;

/**
 * The running mean of the trainable parameters over the last epochs of training (Polyak
 * averaging at epoch granularity): W (or A and B in the factored model, W then recomputed as
 * A·B), b, c and D, each summed in double precision over the snapshots {@link #add}ed.
 */
final class ParameterAverage {
  private final double[][] sums;
  private int count;

  ParameterAverage(RbmParameters p) {
    float[][] arrays = trainable(p);
    sums = new double[arrays.length][];
    for (int x = 0; x < arrays.length; x++) {
      sums[x] = new double[arrays[x].length];
    }
  }

  /** Adds a snapshot of {@code p} (whose lazily updated rows must be up to date). */
  void add(RbmParameters p) {
    float[][] arrays = trainable(p);
    for (int x = 0; x < arrays.length; x++) {
      float[] from = arrays[x];
      double[] to = sums[x];
      for (int y = 0; y < from.length; y++) {
        to[y] += from[y];
      }
    }
    count++;
  }

  /** The number of snapshots added. */
  int count() {
    return count;
  }

  /** Overwrites {@code p} with the mean of the snapshots; needs at least one. */
  void writeMean(RbmParameters p) {
    if (count == 0) {
      throw new IllegalStateException("no parameter snapshot to average");
    }
    float[][] arrays = trainable(p);
    for (int x = 0; x < arrays.length; x++) {
      float[] to = arrays[x];
      double[] from = sums[x];
      for (int y = 0; y < to.length; y++) {
        to[y] = (float) (from[y] / count);
      }
    }
    if (p.a != null) {
      p.materialiseFactors();
    }
  }

  // Checkpoint support (TrainingCheckpoint).

  /** The sums (live arrays): W (or A), B (factored, else empty), b, c, D (else empty). */
  double[][] sums() {
    return sums;
  }

  /** Restores {@code count} snapshots' sums, in the order of {@link #sums()}. */
  void restore(double[][] from, int count) {
    for (int x = 0; x < sums.length; x++) {
      if (from[x].length != sums[x].length) {
        throw new IllegalArgumentException("average sums " + x + ": " + from[x].length
            + " values given, " + sums[x].length + " expected");
      }
      System.arraycopy(from[x], 0, sums[x], 0, sums[x].length);
    }
    this.count = count;
  }

  private static float[][] trainable(RbmParameters p) {
    float[] weights = p.a == null ? p.w : p.a;
    float[] second = p.a == null ? new float[0] : p.bf;
    float[] d = p.d == null ? new float[0] : p.d;
    return new float[][] {weights, second, p.b, p.c, d};
  }
}
