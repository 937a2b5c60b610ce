package org.rbmrec.model.rbm;

import java.util.Arrays;
import org.rbmrec.data.SparseRows;

/**
 * Contrastive-divergence statistics of a set of rows, accumulated row by row into this worker's
 * own buffers over only the visible units the rows touched: the straightforward reference
 * accumulation, which the tests (and distributed statistics) use. The trainer itself computes
 * the same sums grouped by visible unit ({@link TrainingState}). Scratch is allocated once, and
 * grows (rarely) only when the rows touch more visible units than ever before.
 *
 * <p>For a row with rated entries V (levels v) the statistics added are, with p⁰ = σ(x(V)) the
 * hidden probabilities of the data (probabilities, not samples, are used in the positive phase)
 * and (Ṽ, p̃) the end of a k-step Gibbs chain:
 *
 * <pre>
 *   ΔW_ikj += v_ik p⁰_j − ṽ_ik p̃_j      Δb_ik += v_ik − ṽ_ik      Δc_j += p⁰_j − p̃_j
 *   ΔD_ij  += r_i (p⁰_j − p̃_j)
 * </pre>
 *
 * Each row contributes its own outer product; the trainer divides the sums by the number of rows
 * in the batch, giving mean_b(v_b h_bᵀ), never mean(v) ⊗ mean(h).
 */
final class CdWorker {
  private final RbmParameters p;
  private final int k;
  private final int f;
  final RowRandom random;

  // Sparse accumulation: slotOf[i] is visible unit i's slot, or -1.
  private final int[] slotOf;
  int[] touched;
  int numTouched;
  float[] gw;
  float[] gb;
  float[] gd;
  int[] rowsRated;
  int[] rowsIndicated;
  final float[] gc;
  double reconSquaredError;
  long reconCount;

  // Scratch.
  private final RowChain chain;
  private final float[] positive;
  private final float[] negative;
  private float[] q;
  private byte[] sampled;

  CdWorker(RbmParameters p, double[] levelValues, int maxRowLength) {
    this.p = p;
    this.k = p.levels;
    this.f = p.hidden;
    this.slotOf = new int[p.numVisible];
    Arrays.fill(slotOf, -1);
    int capacity = Math.max(1, Math.min(p.numVisible, 64));
    this.touched = new int[capacity];
    this.gw = new float[capacity * k * f];
    this.gb = new float[capacity * k];
    this.gd = p.d == null ? null : new float[capacity * f];
    this.rowsRated = new int[capacity];
    this.rowsIndicated = new int[capacity];
    this.gc = new float[f];
    this.chain = new RowChain(p, levelValues);
    this.random = chain.random;
    this.positive = new float[f];
    this.negative = new float[f];
    this.q = new float[Math.max(1, maxRowLength) * k];
    this.sampled = new byte[Math.max(1, maxRowLength)];
  }

  /**
   * Adds one row's CD-k statistics.
   *
   * @param rows training CSR
   * @param indicator the conditional RBM's r vectors, or null
   * @param row the row
   * @param steps k, Gibbs steps in the negative phase
   * @param phase sampled or probabilistic visible reconstruction
   * @param chains persistent chain levels aligned with the CSR positions, or null for CD
   */
  void accumulateRow(
      SparseRows rows, IndicatorRows indicator, int row, int steps, NegativePhase phase,
      byte[] chains) {
    int from = rows.rowStart(row);
    int to = rows.rowEnd(row);
    int n = to - from;
    if (n == 0) {
      return;
    }
    if (n > sampled.length) {
      sampled = new byte[n];
      q = new float[n * k];
    }
    chain.run(rows, indicator, row, steps, phase, chains, positive, 0, negative, 0, q, 0,
        sampled, 0);
    reconSquaredError += chain.reconSquaredError;
    reconCount += chain.reconCount;
    int[] columns = rows.columns();
    byte[] levels = rows.levels();
    for (int x = from; x < to; x++) {
      int s = slot(columns[x]);
      RbmMath.axpy(1f, positive, 0, gw, (s * k + levels[x]) * f, f);
      gb[s * k + levels[x]] += 1f;
      rowsRated[s]++;
      if (phase == NegativePhase.SAMPLED) {
        int l = sampled[x - from];
        RbmMath.axpy(-1f, negative, 0, gw, (s * k + l) * f, f);
        gb[s * k + l] -= 1f;
      } else {
        int qo = (x - from) * k;
        for (int l = 0; l < k; l++) {
          RbmMath.axpy(-q[qo + l], negative, 0, gw, (s * k + l) * f, f);
          gb[s * k + l] -= q[qo + l];
        }
      }
    }
    RbmMath.axpy(1f, positive, 0, gc, 0, f);
    RbmMath.axpy(-1f, negative, 0, gc, 0, f);
    if (indicator != null && p.d != null) {
      int[] ic = indicator.columns();
      for (int x = indicator.rowStart(row); x < indicator.rowEnd(row); x++) {
        int s = slot(ic[x]); // may grow gd: take the slot before reading the field
        RbmMath.axpy(1f, positive, 0, gd, s * f, f);
        RbmMath.axpy(-1f, negative, 0, gd, s * f, f);
        rowsIndicated[s]++;
      }
    }
  }

  /** The accumulation slot of visible unit {@code i}, created on first touch. */
  int slot(int i) {
    int s = slotOf[i];
    if (s >= 0) {
      return s;
    }
    if (numTouched == touched.length) {
      grow();
    }
    s = numTouched++;
    touched[s] = i;
    slotOf[i] = s;
    return s;
  }

  private void grow() {
    int capacity = Math.min(p.numVisible, touched.length * 2);
    touched = Arrays.copyOf(touched, capacity);
    gw = Arrays.copyOf(gw, capacity * k * f);
    gb = Arrays.copyOf(gb, capacity * k);
    if (gd != null) {
      gd = Arrays.copyOf(gd, capacity * f);
    }
    rowsRated = Arrays.copyOf(rowsRated, capacity);
    rowsIndicated = Arrays.copyOf(rowsIndicated, capacity);
  }

  /** Clears the statistics of the touched slots, ready for the next chunk. */
  void reset() {
    for (int s = 0; s < numTouched; s++) {
      slotOf[touched[s]] = -1;
    }
    Arrays.fill(gw, 0, numTouched * k * f, 0f);
    Arrays.fill(gb, 0, numTouched * k, 0f);
    if (gd != null) {
      Arrays.fill(gd, 0, numTouched * f, 0f);
    }
    Arrays.fill(rowsRated, 0, numTouched, 0);
    Arrays.fill(rowsIndicated, 0, numTouched, 0);
    Arrays.fill(gc, 0f);
    numTouched = 0;
    reconSquaredError = 0;
    reconCount = 0;
  }
}
