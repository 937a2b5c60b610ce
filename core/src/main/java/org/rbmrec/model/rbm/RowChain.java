package org.rbmrec.model.rbm;

import org.rbmrec.data.SparseRows;

/**
 * The contrastive-divergence Gibbs chain of one row: the positive hidden probabilities
 * p⁰ = σ(x(V)) of its data, a k-step chain started at the data (CD) or at the row's persistent
 * chain (PCD), and the chain's end (Ṽ, p̃). It computes; it accumulates nothing: callers turn
 * its outputs into statistics ({@link CdWorker} row by row, {@link TrainingState} grouped by
 * visible unit).
 *
 * <p>Per Gibbs step the hidden units are sampled from the current probabilities; then, for each
 * rated entry in turn, the K visible logits are computed from the entry's weight block
 * (K × F floats, contiguous), turned into softmax probabilities, optionally sampled, and the
 * block's contribution to the next hidden input is added at once, while the block is still in
 * the L1 cache (a soft state's input Σ_l q_l W_il is summed apart, then added as one vector:
 * see {@link #softContribution}). The random draws come in a fixed order from {@link #random}:
 * F uniforms per step for the hidden samples, then one per entry when levels are sampled.
 * {@link BatchChains} runs the same chains for a whole mini-batch with the same arithmetic and
 * draws, grouped by visible unit.
 *
 * <p>Scratch is allocated once (and grown when a longer row comes); nothing is allocated per
 * row.
 */
final class RowChain {
  private final RbmParameters p;
  private final int k;
  private final int f;
  private final double[] levelValues;
  final RowRandom random = new RowRandom();

  private final float[] base;
  private final float[] input;
  private final float[] current;
  private final float[] sample;
  private final float[] logits;
  private final float[] contribution;
  private byte[] chainLevels;

  /** Squared reconstruction error summed over the row's entries (CD only; 0 under PCD). */
  double reconSquaredError;
  /** Number of entries in {@link #reconSquaredError}. */
  int reconCount;

  RowChain(RbmParameters p, double[] levelValues) {
    this.p = p;
    this.k = p.levels;
    this.f = p.hidden;
    this.levelValues = levelValues;
    this.base = new float[f];
    this.input = new float[f];
    this.current = new float[f];
    this.sample = new float[f];
    this.logits = new float[k];
    this.contribution = new float[f];
    this.chainLevels = new byte[16];
  }

  /**
   * An entry's soft visible input to the hidden units, {@code out[oo + j] = Σ_l q[qo + l] ·
   * w[block + l·F + j]} (levels summed in order), which the chain then adds to the row's hidden
   * input as one vector. {@link BatchChains} computes it the same way, so the two agree bit for
   * bit.
   */
  static void softContribution(
      float[] q, int qo, int k, float[] w, int block, int f, float[] out, int oo) {
    RbmMath.weightedRows(q, qo, k, w, block, f, out, oo, f);
  }

  /**
   * The squared reconstruction error of one entry: (Σ_l p_l · value_l − value_level)², with
   * the K probabilities at {@code p[po …]}. {@link BatchChains} sums the same terms.
   */
  static double squaredError(float[] p, int po, int k, double[] levelValues, int level) {
    double expected = 0;
    for (int l = 0; l < k; l++) {
      expected += p[po + l] * levelValues[l];
    }
    double e = expected - levelValues[level];
    return e * e;
  }

  /**
   * Runs the chain of {@code row}. The caller seeds {@link #random} first.
   *
   * @param rows training CSR; the row's entries are positions [rowStart, rowEnd)
   * @param indicator the conditional RBM's r vectors, or null
   * @param steps k ≥ 1, Gibbs steps
   * @param phase whether the chain's visible states are sampled or kept as probabilities
   * @param chains persistent chain levels aligned with the CSR positions (read, then
   *     overwritten with the chain's new state), or null for CD
   * @param positive receives p⁰ (F floats) at {@code positiveOffset}
   * @param negative receives p̃, the hidden probabilities at the chain's end (F floats), at
   *     {@code negativeOffset}
   * @param q receives, per entry (in CSR order), the K softmax probabilities of the last step
   *     at {@code qOffset + (x − rowStart)·K}; written only when {@code phase} is
   *     {@link NegativePhase#PROBABILITIES}; may be null otherwise
   * @param sampled receives, per entry, the chain's last sampled level at
   *     {@code sampledOffset + (x − rowStart)}; written only when levels are sampled (phase
   *     {@link NegativePhase#SAMPLED} or PCD); may be null otherwise
   */
  void run(
      SparseRows rows, IndicatorRows indicator, int row, int steps, NegativePhase phase,
      byte[] chains, float[] positive, int positiveOffset, float[] negative, int negativeOffset,
      float[] q, int qOffset, byte[] sampled, int sampledOffset) {
    reconSquaredError = 0;
    reconCount = 0;
    int from = rows.rowStart(row);
    int to = rows.rowEnd(row);
    int n = to - from;
    if (n == 0) {
      return;
    }
    if (n > chainLevels.length) {
      chainLevels = new byte[Math.max(n, 2 * chainLevels.length)];
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
    RbmMath.hiddenProbabilities(input, current, f);
    System.arraycopy(current, 0, positive, positiveOffset, f);

    boolean persistent = chains != null;
    boolean sampleLevels = phase == NegativePhase.SAMPLED || persistent;
    boolean soft = phase == NegativePhase.PROBABILITIES;
    if (persistent) {
      System.arraycopy(chains, from, chainLevels, 0, n);
      System.arraycopy(base, 0, input, 0, f);
      for (int x = from; x < to; x++) {
        RbmMath.addRow(w, (columns[x] * k + chainLevels[x - from]) * f, 1f, input, f);
      }
      RbmMath.hiddenProbabilities(input, current, f);
    }
    for (int t = 1; t <= steps; t++) {
      RbmMath.sampleHidden(current, sample, f, random);
      boolean last = t == steps;
      System.arraycopy(base, 0, input, 0, f);
      for (int x = from; x < to; x++) {
        int i = columns[x];
        int block = i * k * f;
        RbmMath.visibleLogits(w, p.b, k, f, i, sample, logits, 0);
        RbmMath.softmax(logits, 0, k);
        if (t == 1 && !persistent) {
          reconSquaredError += squaredError(logits, 0, k, levelValues, levels[x]);
          reconCount++;
        }
        int level = 0;
        if (sampleLevels) {
          level = RbmMath.sampleLevel(logits, 0, k, random.nextDouble());
          chainLevels[x - from] = (byte) level;
        }
        if (soft) {
          softContribution(logits, 0, k, w, block, f, contribution, 0);
          RbmMath.axpy(1f, contribution, 0, input, 0, f);
          if (last) {
            System.arraycopy(logits, 0, q, qOffset + (x - from) * k, k);
          }
        } else {
          RbmMath.addRow(w, block + level * f, 1f, input, f);
        }
      }
      RbmMath.hiddenProbabilities(input, current, f);
    }
    System.arraycopy(current, 0, negative, negativeOffset, f);
    if (sampleLevels && sampled != null) {
      System.arraycopy(chainLevels, 0, sampled, sampledOffset, n);
    }
    if (persistent) {
      System.arraycopy(chainLevels, 0, chains, from, n);
    }
  }
}
