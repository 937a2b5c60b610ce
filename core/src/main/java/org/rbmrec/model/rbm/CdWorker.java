package org.rbmrec.model.rbm;

import java.util.Arrays;
import org.rbmrec.data.SparseRows;

/**
 * Contrastive-divergence statistics of the rows of one fixed chunk of a mini-batch, accumulated
 * into this worker's own buffers over only the visible units the chunk touched. One worker per
 * chunk slot; its scratch is allocated once, and grows (rarely) only when a chunk touches more
 * visible units than ever before.
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
  private final double[] levelValues;
  final RowRandom random = new RowRandom();

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
  private final float[] base;
  private final float[] input;
  private final float[] positive;
  private final float[] current;
  private final float[] sample;
  private float[] q;
  private byte[] chainLevels;

  CdWorker(RbmParameters p, double[] levelValues, int maxRowLength) {
    this.p = p;
    this.k = p.levels;
    this.f = p.hidden;
    this.levelValues = levelValues;
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
    this.base = new float[f];
    this.input = new float[f];
    this.positive = new float[f];
    this.current = new float[f];
    this.sample = new float[f];
    this.q = new float[Math.max(1, maxRowLength) * k];
    this.chainLevels = new byte[Math.max(1, maxRowLength)];
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
    if (n > chainLevels.length) {
      chainLevels = new byte[n];
      q = new float[n * k];
    }
    int[] columns = rows.columns();
    byte[] levels = rows.levels();
    float[] w = p.w;

    // x = c [+ Σ_{r_i=1} D_i]: the part of the hidden input that does not depend on V.
    System.arraycopy(p.c, 0, base, 0, f);
    if (indicator != null && p.d != null) {
      RbmMath.addImplicitInput(
          p.d, f, indicator.columns(), indicator.rowStart(row), indicator.rowEnd(row), base);
    }

    // Positive phase: p⁰ = σ(x(V_data)).
    System.arraycopy(base, 0, input, 0, f);
    RbmMath.addVisibleInput(w, k, f, columns, levels, from, to, input);
    RbmMath.hiddenProbabilities(input, positive, f);
    for (int x = from; x < to; x++) {
      int s = slot(columns[x]);
      addTo(gw, (s * k + levels[x]) * f, positive, 1f);
      gb[s * k + levels[x]] += 1f;
      rowsRated[s]++;
    }
    addTo(gc, 0, positive, 1f);
    if (indicator != null && p.d != null) {
      int[] ic = indicator.columns();
      for (int x = indicator.rowStart(row); x < indicator.rowEnd(row); x++) {
        int s = slot(ic[x]); // may grow gd: take the slot before reading the field
        addTo(gd, s * f, positive, 1f);
        rowsIndicated[s]++;
      }
    }

    // Negative phase: a k-step Gibbs chain from the data (CD) or the persistent chain (PCD).
    boolean sampled = phase == NegativePhase.SAMPLED || chains != null;
    if (chains == null) {
      System.arraycopy(positive, 0, current, 0, f);
    } else {
      System.arraycopy(chains, from, chainLevels, 0, n);
      System.arraycopy(base, 0, input, 0, f);
      addChainInput(columns, from, to);
      RbmMath.hiddenProbabilities(input, current, f);
    }
    for (int t = 1; t <= steps; t++) {
      RbmMath.sampleHidden(current, sample, f, random);
      for (int x = from; x < to; x++) {
        int qo = (x - from) * k;
        RbmMath.visibleLogits(w, p.b, k, f, columns[x], sample, q, qo);
        RbmMath.softmax(q, qo, k);
        if (t == 1 && chains == null) {
          double expected = 0;
          for (int l = 0; l < k; l++) {
            expected += q[qo + l] * levelValues[l];
          }
          double e = expected - levelValues[levels[x]];
          reconSquaredError += e * e;
          reconCount++;
        }
        if (sampled) {
          chainLevels[x - from] = (byte) RbmMath.sampleLevel(q, qo, k, random.nextDouble());
        }
      }
      System.arraycopy(base, 0, input, 0, f);
      if (phase == NegativePhase.SAMPLED) {
        addChainInput(columns, from, to);
      } else {
        RbmMath.addSoftVisibleInput(w, k, f, columns, from, to, q, input);
      }
      RbmMath.hiddenProbabilities(input, current, f);
    }
    for (int x = from; x < to; x++) {
      int s = slot(columns[x]);
      if (phase == NegativePhase.SAMPLED) {
        int l = chainLevels[x - from];
        addTo(gw, (s * k + l) * f, current, -1f);
        gb[s * k + l] -= 1f;
      } else {
        int qo = (x - from) * k;
        for (int l = 0; l < k; l++) {
          addTo(gw, (s * k + l) * f, current, -q[qo + l]);
          gb[s * k + l] -= q[qo + l];
        }
      }
    }
    addTo(gc, 0, current, -1f);
    if (indicator != null && p.d != null) {
      int[] ic = indicator.columns();
      for (int x = indicator.rowStart(row); x < indicator.rowEnd(row); x++) {
        int s = slot(ic[x]); // may grow gd: take the slot before reading the field
        addTo(gd, s * f, current, -1f);
      }
    }
    if (chains != null) {
      System.arraycopy(chainLevels, 0, chains, from, n);
    }
  }

  private void addChainInput(int[] columns, int from, int to) {
    float[] w = p.w;
    for (int x = from; x < to; x++) {
      int o = (columns[x] * k + chainLevels[x - from]) * f;
      for (int j = 0; j < f; j++) {
        input[j] += w[o + j];
      }
    }
  }

  private void addTo(float[] target, int offset, float[] h, float scale) {
    for (int j = 0; j < f; j++) {
      target[offset + j] += scale * h[j];
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
