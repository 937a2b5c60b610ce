package org.rbmrec.model.rbm;

import java.util.Arrays;
import org.rbmrec.data.SparseRows;

/**
 * The Gibbs chains of all rows of a mini-batch, with the visible (negative) half of every step
 * grouped by visible unit: each touched unit's K × F weight block is read once per step and
 * used for all of the batch's entries of that unit, instead of once per entry as a row-by-row
 * chain reads it. The results are bit for bit those of running {@link RowChain} on each row: the
 * same kernels, the same per-row random streams drawn in the same order, and each row's sums
 * taken in the same (entry) order.
 *
 * <p>A step alternates two parallel passes:
 * <ol>
 *   <li>rows (fixed chunks of rows): the hidden probabilities from the row's input, the binary
 *       hidden sample (F uniforms from the row's stream) and, when levels are sampled, one
 *       uniform per entry drawn ahead, in entry order;
 *   <li>units (fixed groups of units): per entry of the unit, the K logits from the row's
 *       hidden sample, the softmax, the reconstruction error (first CD step), the sampled level
 *       and the entry's contribution to its row's next hidden input (Σ_l q_l W_il, or the
 *       sampled level's row of W), F floats per entry.
 * </ol>
 * The rows pass then adds each row's contributions to its base input in entry order. The
 * contributions take entries × F floats, so batches larger than {@link #MAX_CONTRIBUTION_FLOATS}
 * are left to the row-by-row chains (same results).
 *
 * <p>Per-batch buffers grow to the largest batch seen; nothing is allocated per row or entry.
 */
final class BatchChains {
  /** The largest batch (entries × F) whose contributions are held: 4M floats, 16 MB. */
  static final long MAX_CONTRIBUTION_FLOATS = 1L << 22;
  /** Touched units per parallel task of the units pass. */
  private static final int UNITS_PER_TASK = 16;

  private final RbmParameters p;
  private final int k;
  private final int f;
  private final double[] levelValues;
  private final ChunkRunner runner;
  private final ThreadLocal<float[]> rowScratch;

  // Per batch row (B): random stream, base input, hidden probabilities, hidden sample.
  private RowRandom[] randoms = new RowRandom[0];
  private float[] base = new float[0];
  private float[] current = new float[0];
  private float[] hidden = new float[0];
  // Per batch entry (E): contribution (E × F), uniform drawn ahead, chain level, squared error.
  private float[] contribution = new float[0];
  private double[] uniform = new double[0];
  private byte[] level = new byte[0];
  private double[] recon = new double[0];

  // The call in progress.
  private BatchEntries batch;
  private SparseRows rows;
  private IndicatorRows indicator;
  private byte[] chains;
  private int chunkRows;
  private int steps;
  private int step;
  private boolean soft;
  private boolean sampleLevels;
  private float[] positive;
  private float[] negative;
  private float[] q;
  private byte[] sampled;
  private double[] rowRecon;
  private int[] rowReconCount;

  BatchChains(RbmParameters p, double[] levelValues, ChunkRunner runner) {
    this.p = p;
    this.k = p.levels;
    this.f = p.hidden;
    this.levelValues = levelValues;
    this.runner = runner;
    int scratch = Math.max(f, k);
    this.rowScratch = ThreadLocal.withInitial(() -> new float[scratch]);
  }

  /** Whether a batch of {@code entries} rated entries is run here (else row by row). */
  boolean fits(int entries) {
    return (long) entries * f <= MAX_CONTRIBUTION_FLOATS;
  }

  /**
   * Runs the chains of the batch's rows, with outputs as {@link RowChain#run} gives them per
   * row: p⁰ and p̃ at {@code b·F} of {@code positive} and {@code negative}, per entry e the K
   * probabilities at {@code q[e·K]} (soft phase) or the sampled level at {@code sampled[e]}
   * (sampled levels), the rows' squared reconstruction errors and counts, and the persistent
   * chains' new levels. Each row's random stream is (seed, epoch, row), as for
   * {@link RowChain}.
   */
  void run(BatchEntries batch, SparseRows rows, IndicatorRows indicator, int steps,
      NegativePhase phase, byte[] chains, long seed, int epoch, int chunkRows, float[] positive,
      float[] negative, float[] q, byte[] sampled, double[] rowRecon, int[] rowReconCount) {
    this.batch = batch;
    this.rows = rows;
    this.indicator = indicator;
    this.chains = chains;
    this.chunkRows = chunkRows;
    this.steps = steps;
    this.soft = phase == NegativePhase.PROBABILITIES;
    this.sampleLevels = phase == NegativePhase.SAMPLED || chains != null;
    this.positive = positive;
    this.negative = negative;
    this.q = q;
    this.sampled = sampled;
    this.rowRecon = rowRecon;
    this.rowReconCount = rowReconCount;
    ensureBuffers();
    int rowTasks = (batch.numRows + chunkRows - 1) / chunkRows;
    int unitTasks = (batch.numUnits + UNITS_PER_TASK - 1) / UNITS_PER_TASK;
    for (int b = 0; b < batch.numRows; b++) {
      randoms[b].reseed(seed, epoch, batch.batchRows[b]);
    }
    runner.run(rowTasks, this::startRows);
    for (step = 1; step <= steps; step++) {
      runner.run(unitTasks, this::visibleStep);
      runner.run(rowTasks, this::hiddenStep);
    }
    this.batch = null;
    this.rows = null;
    this.indicator = null;
    this.chains = null;
  }

  private void ensureBuffers() {
    int b = batch.numRows;
    if (randoms.length < b) {
      int n = Math.max(b, randoms.length * 3 / 2);
      RowRandom[] grown = Arrays.copyOf(randoms, n);
      for (int x = randoms.length; x < n; x++) {
        grown[x] = new RowRandom();
      }
      randoms = grown;
      base = new float[n * f];
      current = new float[n * f];
      hidden = new float[n * f];
    }
    int e = batch.numEntries;
    if (uniform.length < e) {
      int n = Math.max(e, uniform.length * 3 / 2);
      contribution = new float[n * f];
      uniform = new double[n];
      level = new byte[n];
      recon = new double[n];
    }
  }

  /** Rows pass before the first step: base input, p⁰, the chain's start, the first draws. */
  private void startRows(int chunk) {
    float[] input = rowScratch.get();
    float[] w = p.w;
    int[] columns = rows.columns();
    byte[] levels = rows.levels();
    int end = Math.min(batch.numRows, (chunk + 1) * chunkRows);
    for (int b = chunk * chunkRows; b < end; b++) {
      int row = batch.batchRows[b];
      int from = rows.rowStart(row);
      int to = rows.rowEnd(row);
      int bo = b * f;
      if (from == to) {
        continue;
      }
      System.arraycopy(p.c, 0, input, 0, f);
      if (indicator != null && p.d != null) {
        RbmMath.addImplicitInput(p.d, f, indicator.columns(), indicator.rowStart(row),
            indicator.rowEnd(row), input);
      }
      System.arraycopy(input, 0, base, bo, f);
      RbmMath.addVisibleInput(w, k, f, columns, levels, from, to, input);
      RbmMath.hiddenProbabilities(input, current, bo, f);
      System.arraycopy(current, bo, positive, bo, f);
      if (chains != null) {
        int e0 = batch.entryStart[b];
        System.arraycopy(base, bo, input, 0, f);
        for (int x = from; x < to; x++) {
          byte l = chains[x];
          level[e0 + x - from] = l;
          RbmMath.addRow(w, (columns[x] * k + l) * f, 1f, input, f);
        }
        RbmMath.hiddenProbabilities(input, current, bo, f);
      }
      drawForStep(b);
    }
  }

  /** The hidden sample of row b for the next visible half-step, and its entries' uniforms. */
  private void drawForStep(int b) {
    RowRandom random = randoms[b];
    RbmMath.sampleHidden(current, hidden, b * f, f, random);
    if (sampleLevels) {
      for (int e = batch.entryStart[b]; e < batch.entryStart[b + 1]; e++) {
        uniform[e] = random.nextDouble();
      }
    }
  }

  /** Units pass: each entry's reconstruction and contribution, unit by unit. */
  private void visibleStep(int task) {
    float[] logits = rowScratch.get();
    float[] w = p.w;
    byte[] levels = rows.levels();
    boolean first = step == 1 && chains == null;
    boolean last = step == steps;
    int end = Math.min(batch.numUnits, (task + 1) * UNITS_PER_TASK);
    for (int s = task * UNITS_PER_TASK; s < end; s++) {
      int i = batch.units[s];
      int block = i * k * f;
      for (int r = batch.ratedStart[s]; r < batch.ratedStart[s + 1]; r++) {
        int e = batch.ratedEntries[r];
        int b = batch.entryRow[e];
        RbmMath.visibleLogits(w, p.b, k, f, i, hidden, b * f, logits, 0);
        RbmMath.softmax(logits, 0, k);
        if (first) {
          recon[e] = RowChain.squaredError(logits, 0, k, levelValues,
              levels[batch.entryPosition[e]]);
        }
        int sampledLevel = 0;
        if (sampleLevels) {
          sampledLevel = RbmMath.sampleLevel(logits, 0, k, uniform[e]);
          level[e] = (byte) sampledLevel;
        }
        if (soft) {
          RowChain.softContribution(logits, 0, k, w, block, f, contribution, e * f);
          if (last) {
            System.arraycopy(logits, 0, q, e * k, k);
          }
        } else {
          System.arraycopy(w, block + sampledLevel * f, contribution, e * f, f);
        }
      }
    }
  }

  /** Rows pass after a visible half-step: the next hidden input, probabilities and draws. */
  private void hiddenStep(int chunk) {
    float[] input = rowScratch.get();
    int end = Math.min(batch.numRows, (chunk + 1) * chunkRows);
    for (int b = chunk * chunkRows; b < end; b++) {
      int e0 = batch.entryStart[b];
      int e1 = batch.entryStart[b + 1];
      int bo = b * f;
      if (e0 == e1) {
        rowRecon[b] = 0;
        rowReconCount[b] = 0;
        continue;
      }
      System.arraycopy(base, bo, input, 0, f);
      for (int e = e0; e < e1; e++) {
        RbmMath.axpy(1f, contribution, e * f, input, 0, f);
      }
      RbmMath.hiddenProbabilities(input, current, bo, f);
      if (step == 1) {
        double sum = 0;
        if (chains == null) {
          for (int e = e0; e < e1; e++) {
            sum += recon[e];
          }
        }
        rowRecon[b] = sum;
        rowReconCount[b] = chains == null ? e1 - e0 : 0;
      }
      if (step < steps) {
        drawForStep(b);
        continue;
      }
      System.arraycopy(current, bo, negative, bo, f);
      if (sampleLevels && sampled != null) {
        System.arraycopy(level, e0, sampled, e0, e1 - e0);
      }
      if (chains != null) {
        System.arraycopy(level, e0, chains, rows.rowStart(batch.batchRows[b]), e1 - e0);
      }
    }
  }
}
