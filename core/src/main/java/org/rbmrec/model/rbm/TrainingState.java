package org.rbmrec.model.rbm;

import java.util.Arrays;
import org.rbmrec.data.SparseRows;

/**
 * The mutable state of one training run: parameters, momentum velocities, the dense gradient
 * sums (touched rows only are non-zero between updates), one {@link CdWorker} per fixed chunk
 * slot of a mini-batch, and the persistent chains.
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
 * The rows of W (plain model) and D of visible units no row of the batch touched get no
 * gradient; their momentum and decay are applied lazily and exactly by {@link LazyRows} when
 * they are next touched or on {@link #flush()}, so a mini-batch costs time in proportion to the
 * entries it touches, not to the whole of W.
 *
 * In the factored model the gradient reaches A and B through W = A·B:
 * {@code G_A = G_W Bᵀ}, {@code G_B = Aᵀ G_W}, and W is recomputed after every update.
 */
final class TrainingState {
  private static final int STEP_RANGE = 1 << 18;
  final RbmConfig config;
  final RbmParameters p;
  final SparseRows rows;
  final IndicatorRows indicator;
  final byte[] chains;
  private final CdWorker[] workers;
  private final ChunkRunner runner;
  private final int k;
  private final int f;

  private final float[] vw;
  private final float[] vb;
  private final float[] vc;
  private final float[] vd;
  private final float[] va;
  private final float[] vbf;
  private final float[] gw;
  private final float[] gb;
  private final float[] gc;
  private final float[] gd;
  private final float[] ga;
  private final float[] gbf;
  private final LazyRows lazyW;
  /** With shared weights: the own weights W' (V × K × F) and S, its velocity and gradient. */
  private final float[] own;
  private final float[] shared;
  private final float[] vs;
  private final float[] gs;
  private final LazyRows lazyD;
  private final boolean[] marked;
  private final int[] rowsRated;
  private final int[] rowsIndicated;
  private final int[] touched;
  private int numTouched;

  private int[] batchOrder;
  private int batchFrom;
  private int batchTo;
  private int batchSteps;
  private int batchEpoch;

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
    int maxRow = 0;
    for (int r = 0; r < rows.numRows(); r++) {
      maxRow = Math.max(maxRow, rows.rowLength(r));
    }
    int slots = (config.batchSize() + config.chunkRows() - 1) / config.chunkRows();
    this.workers = new CdWorker[slots];
    for (int s = 0; s < slots; s++) {
      workers[s] = new CdWorker(p, levelValues, maxRow);
    }
    this.chains = config.persistent() ? rows.levels().clone() : null;
    this.vw = p.a == null ? new float[p.w.length] : null;
    this.vb = new float[p.b.length];
    this.vc = new float[f];
    this.vd = p.d == null ? null : new float[p.d.length];
    this.va = p.a == null ? null : new float[p.a.length];
    this.vbf = p.a == null ? null : new float[p.bf.length];
    this.gw = new float[p.w.length];
    this.gb = new float[p.b.length];
    this.gc = new float[f];
    this.gd = p.d == null ? null : new float[p.d.length];
    this.ga = p.a == null ? null : new float[p.a.length];
    this.gbf = p.a == null ? null : new float[p.bf.length];
    boolean sharing = p.a == null && config.shared();
    this.own = sharing ? p.w.clone() : null;
    this.shared = sharing ? new float[k * f] : null;
    this.vs = sharing ? new float[k * f] : null;
    this.gs = sharing ? new float[k * f] : null;
    this.lazyW = p.a == null
        ? new LazyRows(sharing ? own : p.w, vw, k * f, (float) config.weightDecay()) : null;
    this.lazyD = p.d == null ? null : new LazyRows(p.d, vd, f, 0f);
    this.marked = new boolean[p.numVisible];
    this.rowsRated = new int[p.numVisible];
    this.rowsIndicated = new int[p.numVisible];
    this.touched = new int[p.numVisible];
  }

  /**
   * One mini-batch update over the rows {@code order[from … to)}, with {@code steps} Gibbs steps,
   * in epoch {@code epoch} (which, with the row, seeds each row's random stream).
   */
  void update(int[] order, int from, int to, int epoch, int steps, double learningRate,
      double momentum) {
    batchOrder = order;
    batchFrom = from;
    batchTo = to;
    batchSteps = steps;
    batchEpoch = epoch;
    int chunkRows = config.chunkRows();
    int chunks = (to - from + chunkRows - 1) / chunkRows;
    if (chunks > workers.length) {
      throw new IllegalArgumentException(
          "batch of " + (to - from) + " rows exceeds batchSize " + config.batchSize());
    }
    runner.run(chunks, this::runChunk);
    lastReconSquaredError = 0;
    lastReconCount = 0;
    for (int s = 0; s < chunks; s++) {
      reduce(workers[s]);
      lastReconSquaredError += workers[s].reconSquaredError;
      lastReconCount += workers[s].reconCount;
      workers[s].reset();
    }
    apply(1.0f / (to - from), (float) learningRate, (float) momentum);
  }

  /**
   * One mini-batch update from statistics summed elsewhere (distributed training): adds
   * {@code s} into the dense gradient sums, then applies the update of a batch of
   * {@code batchRows} rows exactly as {@link #update} does.
   */
  void applyStatistics(CdStatistics s, int batchRows, double learningRate, double momentum) {
    int[] units = s.units();
    int kf = k * f;
    for (int t = 0; t < units.length; t++) {
      int i = units[t];
      if (!marked[i]) {
        marked[i] = true;
        touched[numTouched++] = i;
      }
      for (int x = 0; x < kf; x++) {
        gw[i * kf + x] += s.w()[t * kf + x];
      }
      for (int l = 0; l < k; l++) {
        gb[i * k + l] += s.b()[t * k + l];
      }
      rowsRated[i] += s.rowsRated()[t];
      rowsIndicated[i] += s.rowsIndicated()[t];
      if (gd != null && s.d() != null) {
        for (int j = 0; j < f; j++) {
          gd[i * f + j] += s.d()[t * f + j];
        }
      }
    }
    for (int j = 0; j < f; j++) {
      gc[j] += s.c()[j];
    }
    apply(1.0f / batchRows, (float) learningRate, (float) momentum);
  }

  /**
   * Brings every lazily updated row (W of the plain model, D) up to date; call before reading
   * the parameters, for example at the end of an epoch.
   */
  void flush() {
    if (lazyW != null) {
      lazyW.flush();
    }
    if (lazyD != null) {
      lazyD.flush();
    }
  }

  private void runChunk(int chunk) {
    CdWorker worker = workers[chunk];
    int start = batchFrom + chunk * config.chunkRows();
    int end = Math.min(batchTo, start + config.chunkRows());
    for (int x = start; x < end; x++) {
      int row = batchOrder[x];
      worker.random.reseed(config.seed(), batchEpoch, row);
      worker.accumulateRow(rows, indicator, row, batchSteps, config.negativePhase(), chains);
    }
  }

  /** Adds a worker's sparse statistics into the dense sums, in the worker's slot order. */
  private void reduce(CdWorker worker) {
    for (int s = 0; s < worker.numTouched; s++) {
      int i = worker.touched[s];
      if (!marked[i]) {
        marked[i] = true;
        touched[numTouched++] = i;
      }
      int go = i * k * f;
      int so = s * k * f;
      float[] src = worker.gw;
      for (int x = 0; x < k * f; x++) {
        gw[go + x] += src[so + x];
      }
      for (int l = 0; l < k; l++) {
        gb[i * k + l] += worker.gb[s * k + l];
      }
      rowsRated[i] += worker.rowsRated[s];
      rowsIndicated[i] += worker.rowsIndicated[s];
      if (gd != null) {
        for (int j = 0; j < f; j++) {
          gd[i * f + j] += worker.gd[s * f + j];
        }
      }
    }
    for (int j = 0; j < f; j++) {
      gc[j] += worker.gc[j];
    }
  }

  private void apply(float scale, float rate, float momentum) {
    float decay = (float) config.weightDecay();
    if (config.batchAverage() == BatchAverage.ROWS_WITH_ENTRY) {
      rescalePerEntry(scale);
    }
    if (p.a == null) {
      if (shared != null) {
        stepShared(scale, rate, momentum);
      }
      lazyW.begin(rate, momentum);
      for (int t = 0; t < numTouched; t++) {
        lazyW.step(touched[t], gw, scale);
      }
      if (shared != null) {
        materialiseShared();
      }
    } else {
      factorGradients(p, gw, touched, numTouched, ga, gbf);
      step(p.a, va, ga, scale, rate, momentum, decay);
      step(p.bf, vbf, gbf, scale, rate, momentum, decay);
      Arrays.fill(gbf, 0f);
      for (int t = 0; t < numTouched; t++) {
        int o = touched[t] * k * p.factors;
        Arrays.fill(ga, o, o + k * p.factors, 0f);
      }
      p.materialiseFactors();
    }
    step(p.b, vb, gb, scale, rate, momentum, 0f);
    step(p.c, vc, gc, scale, rate, momentum, 0f);
    if (p.d != null) {
      lazyD.begin(rate, momentum);
      for (int t = 0; t < numTouched; t++) {
        lazyD.step(touched[t], gd, scale);
      }
    }
    for (int t = 0; t < numTouched; t++) {
      int i = touched[t];
      marked[i] = false;
      Arrays.fill(gw, i * k * f, (i + 1) * k * f, 0f);
      Arrays.fill(gb, i * k, (i + 1) * k, 0f);
      rowsRated[i] = 0;
      rowsIndicated[i] = 0;
      if (gd != null) {
        Arrays.fill(gd, i * f, (i + 1) * f, 0f);
      }
    }
    Arrays.fill(gc, 0f);
    numTouched = 0;
  }

  /**
   * S ← S + (μ ΔS + ε·sharedLearningRate·scale·Σ_i G_W[i]), the chain rule through
   * W = W' + S summed over the touched visible units (the others have no gradient); no decay.
   */
  private void stepShared(float scale, float rate, float momentum) {
    Arrays.fill(gs, 0f);
    for (int t = 0; t < numTouched; t++) {
      int o = touched[t] * k * f;
      for (int x = 0; x < k * f; x++) {
        gs[x] += gw[o + x];
      }
    }
    step(shared, vs, gs, scale, rate * (float) config.sharedLearningRate(), momentum, 0f);
  }

  /** Brings W' up to date and writes W = W' + S, for every visible unit. */
  private void materialiseShared() {
    lazyW.flush();
    float[] w = p.w;
    int row = k * f;
    for (int i = 0; i < p.numVisible; i++) {
      int o = i * row;
      for (int x = 0; x < row; x++) {
        w[o + x] = own[o + x] + shared[x];
      }
    }
  }

  /**
   * Turns the touched visible rows' sums into means over the rows containing each unit: the
   * later uniform scaling by 1/B is undone by the factor B / n_i.
   */
  private void rescalePerEntry(float scale) {
    for (int t = 0; t < numTouched; t++) {
      int i = touched[t];
      if (rowsRated[i] > 0) {
        float factor = 1f / (scale * rowsRated[i]);
        for (int x = i * k * f; x < (i + 1) * k * f; x++) {
          gw[x] *= factor;
        }
        for (int l = 0; l < k; l++) {
          gb[i * k + l] *= factor;
        }
      }
      if (gd != null && rowsIndicated[i] > 0) {
        float factor = 1f / (scale * rowsIndicated[i]);
        for (int j = 0; j < f; j++) {
          gd[i * f + j] *= factor;
        }
      }
    }
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
    for (int x = from; x < to; x++) {
      float v = momentum * velocity[x] + rate * (scale * gradient[x] - decay * theta[x]);
      velocity[x] = v;
      theta[x] += v;
    }
  }
}
