package org.rbmrec.model.rbm;

import java.util.Arrays;
import java.util.Map;
import org.rbmrec.data.SparseRows;

/**
 * The mutable state of one training run: parameters, momentum velocities, the persistent chains,
 * and the buffers of one mini-batch.
 *
 * <p>One mini-batch update, with B the number of rows in the batch, ε the learning rate, μ the
 * momentum and λ the weight decay:
 *
 * <pre>
 *   G     = (1/B) Σ_b [ v_b p⁰_bᵀ − ṽ_b p̃_bᵀ ]     (mean over rows of per-row outer products)
 *   Δθ    ← μ Δθ + ε (G − λ θ)                     (λ only for W, or A and B)
 *   θ     ← θ + Δθ
 * </pre>
 *
 * <p>How a batch is computed (every phase parallel over fixed pieces of work, combined in a
 * fixed order, so results do not depend on the number of threads):
 * <ol>
 *   <li>The batch's entries are numbered and grouped by visible unit ({@link BatchEntries}).
 *   <li>Refresh: the rows of W (or W' and W = W' + S with shared weights), b and D of the
 *       touched units are brought up to date with the steps they missed.
 *   <li>Chains: the batch rows' Gibbs chains, with each step's visible half grouped by unit
 *       ({@link BatchChains}: a touched unit's weight block is read once per step for all its
 *       entries), bit for bit what each row's {@link RowChain} gives. They leave p⁰_b, p̃_b
 *       (B × F) and, per entry, the reconstruction's K probabilities or sampled level. Batches
 *       too large for the grouped chains' buffers run row by row.
 *   <li>Statistics and step, per touched unit i: its gradient block
 *       G_i = Σ_{entries e of i} [ onehot(v_e) ⊗ p⁰_{b(e)} − ṽ_e ⊗ p̃_{b(e)} ] (K × F), summed in
 *       increasing entry order in a per-thread scratch, and the step of W_i, b_i (and D_i from
 *       the rows whose r contains i) applied at once, while the block is in cache. No dense
 *       gradient of W exists (except for the factored model, which needs G_W for the chain
 *       rule).
 *   <li>c (and S) take their step from sums over the batch's rows (units) in order.
 * </ol>
 *
 * The rows of W, b and D of visible units that no row of a batch touched get no gradient; their
 * momentum and decay are applied lazily and exactly by {@link LazyRows} when they are next
 * touched or on {@link #flush()}, so a mini-batch costs time in proportion to the entries it
 * touches, not to the whole of W.
 *
 * In the factored model the gradient reaches A and B through W = A·B:
 * {@code G_A = G_W Bᵀ}, {@code G_B = Aᵀ G_W}, and W is recomputed after every update.
 */
final class TrainingState {
  private static final int STEP_RANGE = 1 << 18;
  /** Touched units per parallel task of the refresh and statistics phases. */
  private static final int UNITS_PER_TASK = 16;
  final RbmConfig config;
  final RbmParameters p;
  final SparseRows rows;
  final IndicatorRows indicator;
  final byte[] chains;
  private final ChunkRunner runner;
  private final int k;
  private final int f;
  private final boolean soft;

  private final float[] vw;
  private final float[] vb;
  private final float[] vc;
  private final float[] vd;
  private final float[] va;
  private final float[] vbf;
  /** Factored model only: G_W of the touched units (V × K × F), and G_A, G_B. */
  private final float[] gw;
  private final float[] ga;
  private final float[] gbf;
  private final float[] gc;
  private final LazyRows lazyW;
  private final LazyRows lazyB;
  private final LazyRows lazyD;
  /** With shared weights: the own weights W' (V × K × F) and S, its velocity and gradient. */
  private final float[] own;
  private final float[] shared;
  private final float[] vs;
  private final float[] gs;

  // The current batch.
  private final BatchEntries batch;
  private final RowChain[] rowChains;
  private final BatchChains batchChains;
  private final ThreadLocal<float[]> unitScratch;
  private float[] positive = new float[0];
  private float[] negative = new float[0];
  private float[] q = new float[0];
  private byte[] sampled = new byte[0];
  private double[] rowRecon = new double[0];
  private int[] rowReconCount = new int[0];
  /** With shared weights: per statistics task, the sum of its units' scaled G_W (K × F). */
  private float[] sharedPartials = new float[0];
  /** Factored model: the batch's rated units, reused from batch to batch. */
  private int[] factorUnits = new int[0];
  private int batchSteps;
  private int batchEpoch;
  private float batchScale;
  private float batchRate;
  private float batchMomentum;

  /** Squared reconstruction error and count of the last update (CD only; 0 for PCD). */
  double lastReconSquaredError;
  long lastReconCount;

  TrainingState(
      RbmConfig config, RbmParameters p, SparseRows rows, IndicatorRows indicator,
      double[] levelValues, ChunkRunner runner) {
    this.config = config;
    this.p = p;
    this.rows = rows;
    this.indicator = p.d == null ? null : indicator;
    this.runner = runner;
    this.k = p.levels;
    this.f = p.hidden;
    this.soft = config.negativePhase() == NegativePhase.PROBABILITIES;
    int slots = (config.batchSize() + config.chunkRows() - 1) / config.chunkRows();
    this.rowChains = new RowChain[slots];
    for (int s = 0; s < slots; s++) {
      rowChains[s] = new RowChain(p, levelValues);
    }
    this.batchChains = new BatchChains(p, levelValues, runner);
    int scratchLength = k * f + k + f;
    this.unitScratch = ThreadLocal.withInitial(() -> new float[scratchLength]);
    this.batch = new BatchEntries(p.numVisible);
    this.chains = config.persistent() ? rows.levels().clone() : null;
    boolean factored = p.a != null;
    this.vw = factored ? null : new float[p.w.length];
    this.vb = new float[p.b.length];
    this.vc = new float[f];
    this.vd = p.d == null ? null : new float[p.d.length];
    this.va = factored ? new float[p.a.length] : null;
    this.vbf = factored ? new float[p.bf.length] : null;
    this.gw = factored ? new float[p.w.length] : null;
    this.ga = factored ? new float[p.a.length] : null;
    this.gbf = factored ? new float[p.bf.length] : null;
    this.gc = new float[f];
    boolean sharing = !factored && config.shared();
    this.own = sharing ? p.w.clone() : null;
    this.shared = sharing ? new float[k * f] : null;
    this.vs = sharing ? new float[k * f] : null;
    this.gs = sharing ? new float[k * f] : null;
    this.lazyW = factored
        ? null : new LazyRows(sharing ? own : p.w, vw, k * f, (float) config.weightDecay());
    this.lazyB = new LazyRows(p.b, vb, k, 0f);
    this.lazyD = p.d == null ? null : new LazyRows(p.d, vd, f, 0f);
  }

  /**
   * One mini-batch update over the rows {@code order[from … to)}, with {@code steps} Gibbs steps,
   * in epoch {@code epoch} (which, with the row, seeds each row's random stream).
   */
  void update(int[] order, int from, int to, int epoch, int steps, double learningRate,
      double momentum) {
    beginBatch(order, from, to, learningRate, momentum);
    int chunkRows = config.chunkRows();
    int chunks = (to - from + chunkRows - 1) / chunkRows;
    batchSteps = steps;
    batchEpoch = epoch;
    if (batchChains.fits(batch.numEntries)) {
      batchChains.run(batch, rows, indicator, steps, config.negativePhase(), chains,
          config.seed(), epoch, chunkRows, positive, negative, q, sampled, rowRecon,
          rowReconCount);
    } else {
      runner.run(chunks, this::runChains);
    }
    endBatch();
  }

  /**
   * Starts the update of the batch {@code order[from … to)}: groups its entries by unit and
   * brings the parameter rows its chains read up to date. Then either {@link #update}'s chains
   * run here, or (distributed training) {@link #applyChains} installs chains run elsewhere, or
   * {@link #applyStatistics} applies statistics summed elsewhere.
   */
  void beginBatch(int[] order, int from, int to, double learningRate, double momentum) {
    int chunkRows = config.chunkRows();
    if ((to - from + chunkRows - 1) / chunkRows > rowChains.length) {
      throw new IllegalArgumentException(
          "batch of " + (to - from) + " rows exceeds batchSize " + config.batchSize());
    }
    batchScale = 1.0f / (to - from);
    batchRate = (float) learningRate;
    batchMomentum = (float) momentum;
    batch.build(rows, indicator, order, from, to);
    ensureBatchBuffers();
    if (lazyW != null) {
      lazyW.begin(batchRate, batchMomentum);
    }
    lazyB.begin(batchRate, batchMomentum);
    if (lazyD != null) {
      lazyD.begin(batchRate, batchMomentum);
    }
    runner.run(unitTasks(), this::refreshUnits);
  }

  /**
   * The first entry of each batch row, B + 1 values (row b's entries, in CSR order, are batch
   * entries [start[b], start[b+1])): where a row's reconstruction goes in {@link ChainOutputs}.
   */
  int[] batchEntryStarts() {
    return Arrays.copyOf(batch.entryStart, batch.numRows + 1);
  }

  /**
   * Ends the batch begun by {@link #beginBatch} with the chains' outputs computed elsewhere
   * (each row's exactly as {@link RowChain} computes it here): the update is then bit for bit
   * that of {@link #update}.
   *
   * @throws IllegalArgumentException if {@code chains} does not have the batch's shape
   */
  void applyChains(ChainOutputs chains) {
    chains.checkShape(batch.numRows, batch.numEntries, k, f, soft);
    System.arraycopy(chains.positive(), 0, positive, 0, batch.numRows * f);
    System.arraycopy(chains.negative(), 0, negative, 0, batch.numRows * f);
    if (soft) {
      System.arraycopy(chains.q(), 0, q, 0, batch.numEntries * k);
    } else {
      System.arraycopy(chains.sampled(), 0, sampled, 0, batch.numEntries);
    }
    System.arraycopy(chains.reconSquaredError(), 0, rowRecon, 0, batch.numRows);
    System.arraycopy(chains.reconCount(), 0, rowReconCount, 0, batch.numRows);
    endBatch();
  }

  /**
   * Ends the batch begun by {@link #beginBatch} with CD statistics summed elsewhere over its
   * rows (distributed training, per-unit sums). The sums add the same terms as {@link #update}
   * in another order, so the result agrees with it up to rounding.
   */
  void applyStatistics(CdStatistics s) {
    int[] units = s.units();
    int kf = k * f;
    boolean perEntry = config.batchAverage() == BatchAverage.ROWS_WITH_ENTRY;
    float[] partial = shared != null ? sharedPartials : null;
    if (partial != null) {
      Arrays.fill(partial, 0, kf, 0f);
    }
    for (int t = 0; t < units.length; t++) {
      int i = units[t];
      int rated = s.rowsRated()[t];
      if (rated > 0) {
        stepUnit(i, s.w(), t * kf, s.b(), t * k, perEntry ? 1f / rated : batchScale, partial, 0);
      }
      int indicated = s.rowsIndicated()[t];
      if (lazyD != null && s.d() != null && indicated > 0) {
        lazyD.step(i, s.d(), t * f, perEntry ? 1f / indicated : batchScale);
      }
    }
    RbmMath.axpy(1f, s.c(), 0, gc, 0, f);
    lastReconSquaredError = s.reconSquaredError();
    lastReconCount = s.reconCount();
    finishBatch(partial == null ? 0 : 1);
  }

  /** The statistics and steps of a batch whose chains have run (here or elsewhere). */
  private void endBatch() {
    lastReconSquaredError = 0;
    lastReconCount = 0;
    for (int b = 0; b < batch.numRows; b++) {
      RbmMath.axpy(1f, positive, b * f, gc, 0, f);
      RbmMath.axpy(-1f, negative, b * f, gc, 0, f);
      lastReconSquaredError += rowRecon[b];
      lastReconCount += rowReconCount[b];
    }
    int tasks = unitTasks();
    runner.run(tasks, this::updateUnits);
    finishBatch(tasks);
  }

  /** The steps of S (from {@code partials} partial sums), A and B, and c. */
  private void finishBatch(int partials) {
    if (shared != null) {
      Arrays.fill(gs, 0f);
      for (int t = 0; t < partials; t++) {
        RbmMath.axpy(1f, sharedPartials, t * k * f, gs, 0, k * f);
      }
      step(shared, vs, gs, 1f, batchRate * (float) config.sharedLearningRate(), batchMomentum,
          0f);
    }
    if (p.a != null) {
      stepFactors(batchRate, batchMomentum);
    }
    step(p.c, vc, gc, batchScale, batchRate, batchMomentum, 0f);
    Arrays.fill(gc, 0f);
  }

  private int unitTasks() {
    return (batch.numUnits + UNITS_PER_TASK - 1) / UNITS_PER_TASK;
  }

  /**
   * Brings every lazily updated row (W or W', b, D) up to date, and W = W' + S with shared
   * weights; call before reading the parameters, for example at the end of an epoch.
   */
  void flush() {
    if (lazyW != null) {
      lazyW.flush();
    }
    lazyB.flush();
    if (lazyD != null) {
      lazyD.flush();
    }
    if (shared != null) {
      for (int i = 0; i < p.numVisible; i++) {
        materialiseShared(i);
      }
    }
  }

  private void ensureBatchBuffers() {
    int rowsLength = batch.numRows * f;
    if (positive.length < rowsLength) {
      positive = new float[rowsLength];
      negative = new float[rowsLength];
      rowRecon = new double[batch.numRows];
      rowReconCount = new int[batch.numRows];
    }
    if (rowRecon.length < batch.numRows) {
      rowRecon = new double[batch.numRows];
      rowReconCount = new int[batch.numRows];
    }
    int entries = batch.numEntries;
    if (soft && q.length < entries * k) {
      q = new float[Math.max(entries * k, q.length + q.length / 2)];
    }
    if (sampled.length < entries) {
      sampled = new byte[Math.max(entries, sampled.length + sampled.length / 2)];
    }
    int tasks = (batch.numUnits + UNITS_PER_TASK - 1) / UNITS_PER_TASK;
    if (shared != null && sharedPartials.length < tasks * k * f) {
      sharedPartials = new float[Math.max(tasks * k * f, sharedPartials.length * 3 / 2)];
    }
  }

  /** Refresh phase: the parameter rows that the batch's chains read, brought up to date. */
  private void refreshUnits(int task) {
    int end = Math.min(batch.numUnits, (task + 1) * UNITS_PER_TASK);
    for (int s = task * UNITS_PER_TASK; s < end; s++) {
      int i = batch.units[s];
      if (batch.ratedCount(s) > 0) {
        if (lazyW != null) {
          lazyW.refresh(i);
          if (shared != null) {
            materialiseShared(i);
          }
        }
        lazyB.refresh(i);
      }
      if (lazyD != null && batch.indicatedCount(s) > 0) {
        lazyD.refresh(i);
      }
    }
  }

  /** Chain phase: the Gibbs chains of one fixed chunk of the batch's rows. */
  private void runChains(int chunk) {
    RowChain chain = rowChains[chunk];
    int start = chunk * config.chunkRows();
    int end = Math.min(batch.numRows, start + config.chunkRows());
    for (int b = start; b < end; b++) {
      int row = batch.batchRows[b];
      int e = batch.entryStart[b];
      chain.random.reseed(config.seed(), batchEpoch, row);
      chain.run(rows, indicator, row, batchSteps, config.negativePhase(), chains,
          positive, b * f, negative, b * f, q, e * k, sampled, e);
      rowRecon[b] = chain.reconSquaredError;
      rowReconCount[b] = chain.reconCount;
    }
  }

  /** Statistics phase: gradient and step of each touched unit of one fixed task. */
  private void updateUnits(int task) {
    float[] scratch = unitScratch.get();
    int gbOffset = k * f;
    int gdOffset = k * f + k;
    float[] partial = shared != null ? sharedPartials : null;
    int partialOffset = task * k * f;
    if (partial != null) {
      Arrays.fill(partial, partialOffset, partialOffset + k * f, 0f);
    }
    byte[] levels = rows.levels();
    boolean perEntry = config.batchAverage() == BatchAverage.ROWS_WITH_ENTRY;
    int end = Math.min(batch.numUnits, (task + 1) * UNITS_PER_TASK);
    for (int s = task * UNITS_PER_TASK; s < end; s++) {
      int i = batch.units[s];
      int rated = batch.ratedCount(s);
      if (rated > 0) {
        sumUnitGradient(s, scratch, gbOffset, levels);
        stepUnit(i, scratch, 0, scratch, gbOffset, perEntry ? 1f / rated : batchScale, partial,
            partialOffset);
      }
      int indicated = batch.indicatedCount(s);
      if (lazyD != null && indicated > 0) {
        Arrays.fill(scratch, gdOffset, gdOffset + f, 0f);
        for (int r = batch.indicatedStart[s]; r < batch.indicatedStart[s + 1]; r++) {
          int ho = batch.indicatedRows[r] * f;
          RbmMath.axpy(1f, positive, ho, scratch, gdOffset, f);
          RbmMath.axpy(-1f, negative, ho, scratch, gdOffset, f);
        }
        lazyD.step(i, scratch, gdOffset, perEntry ? 1f / indicated : batchScale);
      }
    }
  }

  /**
   * Sums unit slot s's gradient over its entries, in increasing entry order, into
   * {@code scratch}: G_i (K × F) at 0 and its visible biases' (K) at {@code gbOffset}. With soft
   * reconstructions the first entry's negative term covers every row of G_i, so it is assigned
   * and its positive term added to it (a + b = b + a), which spares zeroing the block first.
   */
  private void sumUnitGradient(int s, float[] scratch, int gbOffset, byte[] levels) {
    int first = batch.ratedStart[s];
    Arrays.fill(scratch, soft ? gbOffset : 0, gbOffset + k, 0f);
    for (int r = first; r < batch.ratedStart[s + 1]; r++) {
      int e = batch.ratedEntries[r];
      int ho = batch.entryRow[e] * f;
      int v = levels[batch.entryPosition[e]];
      if (soft && r == first) {
        RbmMath.scatterRowsAssign(q, e * k, k, -1f, negative, ho, scratch, 0, f, f);
        RbmMath.axpy(1f, positive, ho, scratch, v * f, f);
      } else {
        RbmMath.axpy(1f, positive, ho, scratch, v * f, f);
        if (soft) {
          RbmMath.scatterRows(q, e * k, k, -1f, negative, ho, scratch, 0, f, f);
        }
      }
      scratch[gbOffset + v] += 1f;
      if (soft) {
        for (int l = 0; l < k; l++) {
          scratch[gbOffset + l] -= q[e * k + l];
        }
      } else {
        int l = sampled[e];
        RbmMath.axpy(-1f, negative, ho, scratch, l * f, f);
        scratch[gbOffset + l] -= 1f;
      }
    }
  }

  /**
   * The step of unit i's weight block (gradient {@code g[go …]}, K × F) and visible biases
   * ({@code gb[bo …]}, K) with the given scale; with shared weights the scaled block is added to
   * {@code partial[po …]}; in the factored model it is kept in G_W for the chain rule.
   */
  private void stepUnit(int i, float[] g, int go, float[] gb, int bo, float scale,
      float[] partial, int po) {
    if (lazyW != null) {
      lazyW.step(i, g, go, scale);
      if (partial != null) {
        RbmMath.axpy(scale, g, go, partial, po, k * f);
      }
    } else {
      // Factored: keep G_W (scaled to a uniform 1/B) for the chain rule through A·B.
      RbmMath.axpy(scale / batchScale, g, go, gw, i * k * f, k * f);
    }
    lazyB.step(i, gb, bo, scale);
  }

  /** W_i = W'_i + S for visible unit i (shared weights). */
  private void materialiseShared(int i) {
    int o = i * k * f;
    float[] w = p.w;
    for (int x = 0; x < k * f; x++) {
      w[o + x] = own[o + x] + shared[x];
    }
  }

  /** The factored model's step of A and B from G_W of the batch's rated units, then W = A·B. */
  private void stepFactors(float rate, float mu) {
    float decay = (float) config.weightDecay();
    if (factorUnits.length < batch.numUnits) {
      factorUnits = new int[Math.max(batch.numUnits, factorUnits.length * 3 / 2)];
    }
    int[] touched = factorUnits;
    int n = 0;
    for (int s = 0; s < batch.numUnits; s++) {
      if (batch.ratedCount(s) > 0) {
        touched[n++] = batch.units[s];
      }
    }
    factorGradients(p, gw, touched, n, ga, gbf);
    step(p.a, va, ga, batchScale, rate, mu, decay);
    step(p.bf, vbf, gbf, batchScale, rate, mu, decay);
    Arrays.fill(gbf, 0f);
    for (int t = 0; t < n; t++) {
      int i = touched[t];
      Arrays.fill(ga, i * k * p.factors, (i + 1) * k * p.factors, 0f);
      Arrays.fill(gw, i * k * f, (i + 1) * k * f, 0f);
    }
    p.materialiseFactors();
  }

  /**
   * The chain rule through W = A·B: {@code G_A = G_W Bᵀ} (written for the touched rows) and
   * {@code G_B += Aᵀ G_W}, summing over the {@code numTouched} visible units in {@code touched},
   * the only ones whose rows of G_W are non-zero.
   */
  static void factorGradients(
      RbmParameters p, float[] gw, int[] touched, int numTouched, float[] ga, float[] gbf) {
    int c = p.factors;
    int k = p.levels;
    int f = p.hidden;
    for (int t = 0; t < numTouched; t++) {
      int i = touched[t];
      for (int l = 0; l < k; l++) {
        int r = i * k + l;
        int wo = r * f;
        int ao = r * c;
        for (int m = 0; m < c; m++) {
          int bo = m * f;
          float s = 0f;
          for (int j = 0; j < f; j++) {
            s += gw[wo + j] * p.bf[bo + j];
          }
          ga[ao + m] = s;
          float am = p.a[ao + m];
          for (int j = 0; j < f; j++) {
            gbf[bo + j] += am * gw[wo + j];
          }
        }
      }
    }
  }

  /**
   * θ ← θ + (μ Δθ + ε (scale·G − λ θ)), element by element, over fixed ranges in parallel (the
   * result does not depend on the thread count).
   */
  private void step(
      float[] theta, float[] velocity, float[] gradient, float scale, float rate, float momentum,
      float decay) {
    int ranges = (theta.length + STEP_RANGE - 1) / STEP_RANGE;
    if (ranges <= 1) {
      step(theta, velocity, gradient, scale, rate, momentum, decay, 0, theta.length);
      return;
    }
    runner.run(ranges, r -> step(theta, velocity, gradient, scale, rate, momentum, decay,
        r * STEP_RANGE, Math.min(theta.length, (r + 1) * STEP_RANGE)));
  }

  private static void step(
      float[] theta, float[] velocity, float[] gradient, float scale, float rate, float momentum,
      float decay, int from, int to) {
    RbmMath.momentumStep(
        theta, velocity, from, gradient, from, to - from, scale, rate, momentum, decay);
  }

  // ---- Checkpoint support (TrainingCheckpoint). Reads and writes the fields above only; ----
  // ---- valid between mini-batches, when the gradient sums and workers hold nothing.     ----

  /**
   * Adds this state's arrays (live, not copied: parameters, velocities, shared weights, lazy
   * rows, chains) with their shapes, and the lazy rows' scalars, to a checkpoint being built.
   */
  void snapshot(Map<String, Object> arrays, Map<String, long[]> shapes,
      Map<String, String> scalars) {
    long v = p.numVisible;
    long c = p.factors;
    put(arrays, shapes, "param.w", p.w, v, k, f);
    put(arrays, shapes, "param.b", p.b, v, k);
    put(arrays, shapes, "param.c", p.c, f);
    put(arrays, shapes, "param.d", p.d, v, f);
    put(arrays, shapes, "param.a", p.a, v, k, c);
    put(arrays, shapes, "param.bf", p.bf, c, f);
    put(arrays, shapes, "velocity.w", vw, v, k, f);
    put(arrays, shapes, "velocity.b", vb, v, k);
    put(arrays, shapes, "velocity.c", vc, f);
    put(arrays, shapes, "velocity.d", vd, v, f);
    put(arrays, shapes, "velocity.a", va, v, k, c);
    put(arrays, shapes, "velocity.bf", vbf, c, f);
    put(arrays, shapes, "shared.own", own, v, k, f);
    put(arrays, shapes, "shared.s", shared, k, f);
    put(arrays, shapes, "velocity.s", vs, k, f);
    snapshotLazy("lazy.w", lazyW, arrays, shapes, scalars);
    snapshotLazy("lazy.b", lazyB, arrays, shapes, scalars);
    snapshotLazy("lazy.d", lazyD, arrays, shapes, scalars);
    if (chains != null) {
      arrays.put("chains", chains);
      shapes.put("chains", new long[] {chains.length});
    }
  }

  /**
   * Overwrites this state with a checkpoint's (taken by {@link #snapshot} from a state of the
   * same configuration and data).
   *
   * @throws org.rbmrec.data.DataException if an array is missing or of another length
   */
  void restore(TrainingCheckpoint checkpoint) {
    restore(checkpoint, "param.w", p.w);
    restore(checkpoint, "param.b", p.b);
    restore(checkpoint, "param.c", p.c);
    restore(checkpoint, "param.d", p.d);
    restore(checkpoint, "param.a", p.a);
    restore(checkpoint, "param.bf", p.bf);
    restore(checkpoint, "velocity.w", vw);
    restore(checkpoint, "velocity.b", vb);
    restore(checkpoint, "velocity.c", vc);
    restore(checkpoint, "velocity.d", vd);
    restore(checkpoint, "velocity.a", va);
    restore(checkpoint, "velocity.bf", vbf);
    restore(checkpoint, "shared.own", own);
    restore(checkpoint, "shared.s", shared);
    restore(checkpoint, "velocity.s", vs);
    restoreLazy(checkpoint, "lazy.w", lazyW);
    restoreLazy(checkpoint, "lazy.b", lazyB);
    restoreLazy(checkpoint, "lazy.d", lazyD);
    if (chains != null) {
      System.arraycopy(checkpoint.array("chains", byte[].class, chains.length), 0, chains, 0,
          chains.length);
    }
  }

  private static void put(Map<String, Object> arrays, Map<String, long[]> shapes, String name,
      float[] array, long... shape) {
    if (array != null) {
      arrays.put(name, array);
      shapes.put(name, shape);
    }
  }

  private static void snapshotLazy(String name, LazyRows lazy, Map<String, Object> arrays,
      Map<String, long[]> shapes, Map<String, String> scalars) {
    if (lazy == null) {
      return;
    }
    arrays.put(name + ".last", lazy.lastSteps());
    shapes.put(name + ".last", new long[] {lazy.lastSteps().length});
    scalars.put(name + ".now", Integer.toString(lazy.now()));
    scalars.put(name + ".rate", Float.toString(lazy.rate()));
    scalars.put(name + ".momentum", Float.toString(lazy.momentum()));
  }

  private static void restore(TrainingCheckpoint checkpoint, String name, float[] to) {
    if (to != null) {
      checkpoint.copyInto(name, to);
    }
  }

  private static void restoreLazy(TrainingCheckpoint checkpoint, String name, LazyRows lazy) {
    if (lazy == null) {
      return;
    }
    lazy.restore(checkpoint.array(name + ".last", int[].class, lazy.lastSteps().length),
        checkpoint.intScalar(name + ".now"),
        checkpoint.floatScalar(name + ".rate"), checkpoint.floatScalar(name + ".momentum"));
  }
}
