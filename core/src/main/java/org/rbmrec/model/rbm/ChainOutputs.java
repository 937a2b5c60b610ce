package org.rbmrec.model.rbm;

import java.util.Arrays;
import java.util.Objects;

/**
 * The results of the Gibbs chains of a mini-batch's rows, as workers of distributed training
 * return them: everything the trainer needs from a row's chain to form the batch's statistics
 * and update. Batch row b (of B) is the b-th row of the batch; its rated entries are the batch
 * entries [entryStart[b], entryStart[b+1]) in CSR order (of E in all).
 *
 * <ul>
 *   <li>{@code positive}, {@code negative}: (B × F) p⁰ and p̃ of each row, row-major;
 *   <li>{@code q}: (E × K) the softmax probabilities of each entry's last reconstruction, for
 *       the probabilities negative phase (empty otherwise);
 *   <li>{@code sampled}: (E) each entry's last sampled level, for the sampled negative phase
 *       (empty otherwise);
 *   <li>{@code reconSquaredError}, {@code reconCount}: (B) each row's reconstruction error.
 * </ul>
 *
 * A worker fills the slots of the rows it holds and leaves the others zero, so adding the
 * outputs of all workers ({@link #plus}, in any order) gives every slot its one value exactly:
 * x + 0 = x in floating point. The batch update is then bit for bit the single-machine one.
 */
public final class ChainOutputs {
  private final int rows;
  private final float[] positive;
  private final float[] negative;
  private final float[] q;
  private final byte[] sampled;
  private final double[] reconSquaredError;
  private final int[] reconCount;

  private ChainOutputs(int rows, float[] positive, float[] negative, float[] q, byte[] sampled,
      double[] reconSquaredError, int[] reconCount) {
    this.rows = rows;
    this.positive = positive;
    this.negative = negative;
    this.q = q;
    this.sampled = sampled;
    this.reconSquaredError = reconSquaredError;
    this.reconCount = reconCount;
  }

  /**
   * Outputs from their arrays (not copied), for example as a worker's results arrive.
   *
   * @param rows the number of batch rows whose slots are filled (B when complete)
   * @throws IllegalArgumentException if the lengths disagree with each other
   */
  public static ChainOutputs of(int rows, float[] positive, float[] negative, float[] q,
      byte[] sampled, double[] reconSquaredError, int[] reconCount) {
    Objects.requireNonNull(positive, "positive");
    Objects.requireNonNull(negative, "negative");
    Objects.requireNonNull(q, "q");
    Objects.requireNonNull(sampled, "sampled");
    Objects.requireNonNull(reconSquaredError, "reconSquaredError");
    Objects.requireNonNull(reconCount, "reconCount");
    int batchRows = reconSquaredError.length;
    if (reconCount.length != batchRows || positive.length != negative.length
        || batchRows == 0 || positive.length % batchRows != 0) {
      throw new IllegalArgumentException("chain outputs must hold B × F hidden values and B"
          + " reconstruction errors for the same B ≥ 1, got " + positive.length + ", "
          + negative.length + ", " + batchRows + ", " + reconCount.length);
    }
    if (rows < 0 || rows > batchRows) {
      throw new IllegalArgumentException(
          "rows must be in [0, " + batchRows + "], got " + rows);
    }
    return new ChainOutputs(rows, positive, negative, q, sampled, reconSquaredError, reconCount);
  }

  /** Zero outputs for a batch of {@code batchRows} rows and {@code entries} entries. */
  static ChainOutputs empty(int batchRows, int entries, int levels, int hidden, boolean soft) {
    return new ChainOutputs(0, new float[batchRows * hidden], new float[batchRows * hidden],
        new float[soft ? entries * levels : 0], new byte[soft ? 0 : entries],
        new double[batchRows], new int[batchRows]);
  }

  /**
   * The slot-wise sum of two workers' outputs for the same batch (exact where, as intended,
   * each slot is filled by one of them).
   *
   * @throws IllegalArgumentException if the two are shaped differently
   */
  public ChainOutputs plus(ChainOutputs other) {
    if (positive.length != other.positive.length || q.length != other.q.length
        || sampled.length != other.sampled.length
        || reconCount.length != other.reconCount.length) {
      throw new IllegalArgumentException("chain outputs of different batches cannot be added");
    }
    float[] pos = positive.clone();
    float[] neg = negative.clone();
    float[] qs = q.clone();
    byte[] levels = sampled.clone();
    double[] recon = reconSquaredError.clone();
    int[] counts = reconCount.clone();
    RbmMath.axpyScalar(1f, other.positive, 0, pos, 0, pos.length);
    RbmMath.axpyScalar(1f, other.negative, 0, neg, 0, neg.length);
    RbmMath.axpyScalar(1f, other.q, 0, qs, 0, qs.length);
    for (int x = 0; x < levels.length; x++) {
      levels[x] += other.sampled[x];
    }
    for (int b = 0; b < recon.length; b++) {
      recon[b] += other.reconSquaredError[b];
      counts[b] += other.reconCount[b];
    }
    return new ChainOutputs(rows + other.rows, pos, neg, qs, levels, recon, counts);
  }

  /** Checks the shape against a batch of B rows and E entries. */
  void checkShape(int batchRows, int entries, int levels, int hidden, boolean soft) {
    if (rows != batchRows || positive.length != batchRows * hidden
        || q.length != (soft ? entries * levels : 0)
        || sampled.length != (soft ? 0 : entries) || reconCount.length != batchRows) {
      throw new IllegalArgumentException("chain outputs cover " + rows + " of "
          + reconCount.length + " rows (" + positive.length + " hidden values, " + q.length
          + " probabilities, " + sampled.length + " levels) for a batch of " + batchRows
          + " rows and " + entries + " entries: a worker is missing rows");
    }
  }

  /** The number of batch rows filled. */
  public int rows() {
    return rows;
  }

  /** p⁰ of each batch row (B × F), live array. */
  public float[] positive() {
    return positive;
  }

  /** p̃ of each batch row (B × F), live array. */
  public float[] negative() {
    return negative;
  }

  /** Reconstruction probabilities (E × K), live array; empty for the sampled phase. */
  public float[] q() {
    return q;
  }

  /** Sampled reconstruction levels (E), live array; empty for the probabilities phase. */
  public byte[] sampled() {
    return sampled;
  }

  /** Each row's squared reconstruction error (B), live array. */
  public double[] reconSquaredError() {
    return reconSquaredError;
  }

  /** Each row's number of reconstructed entries (B), live array. */
  public int[] reconCount() {
    return reconCount;
  }

  @Override
  public String toString() {
    return "ChainOutputs[rows=" + rows + " of " + reconCount.length + ", hidden values "
        + positive.length + ", q " + q.length + ", levels " + sampled.length + ", recon "
        + Arrays.stream(reconCount).sum() + "]";
  }
}
