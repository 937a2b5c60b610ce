package org.rbmrec.model.rbm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.rbmrec.data.Ratings;
import org.rbmrec.data.SparseRows;
import org.rbmrec.model.Recommender;
import org.rbmrec.progress.Progress;
import org.rbmrec.train.EpochListener;
import org.rbmrec.train.EpochReport;
import org.rbmrec.train.TrainingDivergedException;
import org.rbmrec.train.TrainingStoppedException;

/**
 * Trains a {@link RbmModel} by contrastive divergence (Hinton 2002; paper §2.2): CD-k with the
 * configured schedule of k, or persistent CD, over mini-batches of rows shuffled every epoch.
 *
 * <p>Initialisation: W ~ N(0, σ²) (or A, B so that W = A·B has about that spread), c = 0, D = 0,
 * and each visible bias at the log base rate of its level among that visible unit's training
 * ratings, smoothed: {@code b_ik = log((n_ik + α) / (n_i + Kα))} (Hinton, "A Practical Guide to
 * Training RBMs", §8).
 *
 * <p>Update rule (one mini-batch of B rows; paper eq. 6 with the CD approximation):
 *
 * <pre>
 *   ΔW_ikj = ε ( mean_b[ v_bik p(h_j | V_b) ] − mean_b[ ṽ_bik p(h_j | Ṽ_b) ] − λ W_ikj ) + momentum
 *   Δb_ik  = ε ( mean_b[ v_bik ] − mean_b[ ṽ_bik ] )
 *   Δc_j   = ε ( mean_b[ p(h_j | V_b) ] − mean_b[ p(h_j | Ṽ_b) ] )
 *   ΔD_ij  = ε ( mean_b[ r_bi (p(h_j | V_b) − p(h_j | Ṽ_b)) ] )          (conditional RBM)
 * </pre>
 *
 * The statistics are the mean over the batch's rows of each row's own outer product
 * mean_b(v_b h_bᵀ), summed only over the entries each row rated (unrated entries are absent from
 * its RBM: never data, never reconstructed); they are never the outer product of batch means.
 * The positive phase uses the hidden probabilities p(h | V), not samples. Ṽ is the end of a
 * k-step Gibbs chain started at the data (CD-k) or at the row's persistent chain (PCD); its
 * hidden units are sampled at every step, its visible units either sampled (one categorical
 * draw per rated entry) or kept as softmax probabilities ({@link NegativePhase}); the final
 * hidden statistics use probabilities.
 *
 * <p>Reproducibility: every random stream is derived from (seed, epoch, row); each row's chain
 * results go to that row's own slots and each unit's statistics are summed in a fixed order
 * ({@link TrainingState}), so a seeded run gives bit-identical parameters whatever
 * {@code threads} (or {@code chunkRows}) is.
 *
 * <p>Per-epoch metrics sent to the {@link EpochListener}: {@code k}, {@code learning_rate},
 * {@code momentum}, {@code recon_error} (RMSE, in rating units, between each rated entry of the
 * epoch's batches and its expected value under the first reconstruction of CD; NaN under PCD),
 * {@code train_rmse} (prediction RMSE on the ratings of a fixed subset of training rows),
 * {@code valid_rmse} (when a validation set is given) and {@code free_energy_gap} (mean free
 * energy per rated entry of the training subset minus that of the validation rows; a gap that
 * grows in magnitude signals overfitting).
 *
 * <p>Interruptions ({@link TrainingControl}): a checkpoint of the whole training state at the
 * end of every epoch, exact resume from it (also from the middle of an epoch), stop requests
 * honoured at mini-batch boundaries, and a divergence guard (NaN or ±∞ in the parameters or
 * metrics) that never lets a diverged state overwrite the last good checkpoint.
 */
public final class RbmTrainer {
  private final RbmConfig config;

  public RbmTrainer(RbmConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** The configuration. */
  public RbmConfig config() {
    return config;
  }

  /** Trains on {@code training} without implicit entries, validation, listener or progress. */
  public RbmModel train(Ratings training, Recommender fallback) {
    return train(training, null, null, fallback, EpochListener.NONE, Progress.NONE);
  }

  /**
   * Trains a model without checkpoints.
   *
   * @see #train(Ratings, Ratings, Ratings, Recommender, EpochListener, Progress, TrainingControl)
   */
  public RbmModel train(
      Ratings training, Ratings implicit, Ratings validation, Recommender fallback,
      EpochListener listener, Progress progress) {
    return train(training, implicit, validation, fallback, listener, progress,
        TrainingControl.none());
  }

  /**
   * Trains a model, checkpointing, resuming and stopping as {@code control} says.
   *
   * <p>With a {@link CheckpointStore}, the state is saved at the end of every epoch (after the
   * epoch's report reached the listener), and when a stop is requested; the state of an epoch
   * that diverged is never saved. Resuming from a checkpoint (of the same data and
   * hyperparameters, except epochs and threads) continues exactly: the parameters equal, bit
   * for bit, those of a run that was never interrupted. Reports of the epochs before the
   * checkpoint are not repeated.
   *
   * @param training the training ratings
   * @param implicit for the conditional RBM: pairs known to be rated whose values are unknown
   *     (for example the test pairs), sharing the id indices of {@code training}; levels are
   *     ignored; may be null. Ignored unless {@code config.conditional()}.
   * @param validation ratings to report {@code valid_rmse} and {@code free_energy_gap} on, or
   *     null; never used for training
   * @param fallback scores what the model cannot (see {@link RbmModel})
   * @throws TrainingStoppedException when a stop was requested, after saving the checkpoint
   * @throws TrainingDivergedException when a parameter or metric becomes NaN or infinite
   * @throws org.rbmrec.data.DataException when the checkpoint to resume from does not fit
   */
  public RbmModel train(
      Ratings training, Ratings implicit, Ratings validation, Recommender fallback,
      EpochListener listener, Progress progress, TrainingControl control) {
    Objects.requireNonNull(training, "training");
    Objects.requireNonNull(fallback, "fallback");
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(control, "control");
    if (training.size() == 0) {
      throw new IllegalArgumentException("training ratings must not be empty");
    }
    checkCompatible(training, implicit, "implicit");
    checkCompatible(training, validation, "validation");
    SparseRows rows = rowsOf(training);
    IndicatorRows indicator = config.conditional()
        ? IndicatorRows.union(rows, implicit == null ? null : rowsOf(implicit)) : null;
    RbmParameters params = initialParameters(rows, training.scale().levels());
    double[] values = training.scale().values();
    int[] order = activeRows(rows);
    int[] monitor = monitorRows(order);
    SparseRows validRows = validation == null ? null : rowsOf(validation);
    CheckpointKeeper checkpoints = new CheckpointKeeper(config, control.checkpoints(),
        CheckpointKeeper.fingerprint(training, config.conditional() ? implicit : null,
            validation, control.runFacts()));
    DivergenceGuard guard = new DivergenceGuard(config);
    progress.start("training " + config.orientation().name().toLowerCase() + " RBM",
        config.epochs(), "epoch");
    try (ChunkRunner runner = new ChunkRunner(config.threads())) {
      TrainingState state = new TrainingState(config, params, rows, indicator, values, runner);
      RbmInference inference = new RbmInference(params, rows, indicator, values);
      RowRandom shuffle = new RowRandom();
      ParameterAverage average = config.averageEpochs() > 1 ? new ParameterAverage(params) : null;
      CheckpointKeeper.Position start = control.resumeFrom() == null
          ? new CheckpointKeeper.Position(1, 0, 0, 0)
          : checkpoints.restore(control.resumeFrom(), state, order, average);
      progress.advance(start.firstEpoch() - 1);
      for (int epoch = start.firstEpoch(); epoch <= config.epochs(); epoch++) {
        long began = System.nanoTime();
        int k = config.cdSteps(epoch);
        double rate = config.learningRate(epoch);
        double momentum = config.momentum(epoch);
        boolean continuing = epoch == start.firstEpoch() && start.rowsDone() > 0;
        if (!continuing) {
          if (control.stopRequested()) {
            throw stop(checkpoints, guard, state, params, order, average, epoch, 0, 0, 0);
          }
          shuffle(order, config.seed(), epoch, shuffle);
        }
        double reconSse = continuing ? start.reconSquaredError() : 0;
        long reconCount = continuing ? start.reconCount() : 0;
        int first = continuing ? start.rowsDone() : 0;
        for (int from = first; from < order.length; from += config.batchSize()) {
          if (from > first && control.stopRequested()) {
            throw stop(checkpoints, guard, state, params, order, average, epoch, from, reconSse,
                reconCount);
          }
          int to = Math.min(order.length, from + config.batchSize());
          state.update(order, from, to, epoch, k, rate, momentum);
          reconSse += state.lastReconSquaredError;
          reconCount += state.lastReconCount;
        }
        state.flush();
        guard.checkParameters(params, epoch, checkpoints.lastGood());
        Map<String, Double> metrics = epochMetrics(config, k, rate, momentum, reconSse,
            reconCount, inference, monitor, validRows, runner);
        guard.checkMetrics(metrics, reconCount > 0, epoch, checkpoints.lastGood());
        if (average != null && epoch > config.epochs() - config.averageEpochs()) {
          average.add(params);
        }
        listener.onEpoch(new EpochReport(epoch, (System.nanoTime() - began) / 1e9, metrics));
        checkpoints.save(state, order, average, epoch, 0, 0, 0);
        progress.advance(1);
      }
      if (average != null) {
        average.writeMean(params);
      }
    } finally {
      progress.finish();
    }
    return new RbmModel(config, params, training.scale(), rows, indicator, fallback);
  }

  /**
   * Saves the state before the batch starting at row {@code from} of {@code epoch} (unless it
   * diverged) and returns the exception that ends training. At {@code from} 0 the order is
   * still that of the previous epoch, which the next epoch's shuffle permutes.
   */
  private static TrainingStoppedException stop(CheckpointKeeper checkpoints,
      DivergenceGuard guard, TrainingState state, RbmParameters params, int[] order,
      ParameterAverage average, int epoch, int from, double reconSse, long reconCount) {
    guard.checkParameters(params, epoch, checkpoints.lastGood());
    checkpoints.save(state, order, average, epoch - 1, from, reconSse, reconCount);
    return new TrainingStoppedException(epoch - 1, from, checkpoints.location());
  }

  /**
   * Shuffles {@code order} in place for {@code epoch} (Fisher-Yates, stream (seed, epoch, -1)):
   * the epoch's row order, shared by the single-machine and the distributed trainer.
   */
  static void shuffle(int[] order, long seed, int epoch, RowRandom random) {
    random.reseed(seed, epoch, -1);
    for (int x = order.length - 1; x > 0; x--) {
      int y = random.nextInt(x + 1);
      int t = order[x];
      order[x] = order[y];
      order[y] = t;
    }
  }

  /**
   * The per-epoch metrics (see the class comment) with the current (flushed) parameters;
   * {@code validRows} may be null.
   */
  static Map<String, Double> epochMetrics(
      RbmConfig config, int k, double rate, double momentum, double reconSse, long reconCount,
      RbmInference inference, int[] monitor, SparseRows validRows, ChunkRunner runner) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("k", (double) k);
    metrics.put("learning_rate", rate);
    metrics.put("momentum", momentum);
    metrics.put("recon_error", reconCount == 0 ? Double.NaN : Math.sqrt(reconSse / reconCount));
    Monitor m = new Monitor(inference, config.predictionRule(), runner);
    if (monitor.length > 0) {
      metrics.put("train_rmse", m.trainingRmse(monitor));
    }
    if (validRows != null) {
      metrics.put("valid_rmse", m.heldOutRmse(validRows));
      if (monitor.length > 0) {
        metrics.put("free_energy_gap",
            m.trainingFreeEnergyPerEntry(monitor) - m.heldOutFreeEnergyPerEntry(validRows));
      }
    }
    return metrics;
  }

  /** The rows of {@code ratings} in the configured orientation. */
  SparseRows rowsOf(Ratings ratings) {
    return config.orientation() == Orientation.USER ? ratings.byUser() : ratings.byItem();
  }

  /** Fresh parameters for {@code rows}: N(0, σ²) weights and log-base-rate visible biases. */
  RbmParameters initialParameters(SparseRows rows, int levels) {
    RbmParameters params = new RbmParameters(
        rows.numColumns(), levels, config.hidden(), config.factors(), config.conditional());
    params.initialise(config.initSigma(), logBaseRates(rows, levels), config.seed());
    return params;
  }

  /** {@code b_ik = log((n_ik + α) / (n_i + Kα))} from the training counts (V × K). */
  float[] logBaseRates(SparseRows rows, int levels) {
    int v = rows.numColumns();
    double[] counts = new double[v * levels];
    double[] totals = new double[v];
    int[] columns = rows.columns();
    byte[] lv = rows.levels();
    for (int p = 0; p < columns.length; p++) {
      counts[columns[p] * levels + lv[p]]++;
      totals[columns[p]]++;
    }
    double alpha = config.biasSmoothing();
    float[] b = new float[v * levels];
    for (int i = 0; i < v; i++) {
      for (int l = 0; l < levels; l++) {
        b[i * levels + l] =
            (float) Math.log((counts[i * levels + l] + alpha) / (totals[i] + levels * alpha));
      }
    }
    return b;
  }

  static int[] activeRows(SparseRows rows) {
    int n = 0;
    for (int r = 0; r < rows.numRows(); r++) {
      n += rows.rowLength(r) > 0 ? 1 : 0;
    }
    int[] order = new int[n];
    for (int r = 0, x = 0; r < rows.numRows(); r++) {
      if (rows.rowLength(r) > 0) {
        order[x++] = r;
      }
    }
    return order;
  }

  /** Evenly spaced active rows, at most {@code monitorRows} of them, in increasing order. */
  int[] monitorRows(int[] active) {
    int n = Math.min(config.monitorRows(), active.length);
    int[] rows = new int[n];
    for (int x = 0; x < n; x++) {
      rows[x] = active[(int) ((long) x * active.length / n)];
    }
    return rows;
  }

  static void checkCompatible(Ratings training, Ratings other, String name) {
    if (other == null) {
      return;
    }
    if (other.numUsers() != training.numUsers() || other.numItems() != training.numItems()
        || other.scale().levels() != training.scale().levels()) {
      throw new IllegalArgumentException(
          name + " ratings must share the training set's id indices and scale, got " + other
              + " for training " + training);
    }
  }


  /** Per-epoch measurements with the current parameters, parallel over fixed row chunks. */
  private static final class Monitor {
    private static final int CHUNK = 64;
    private final RbmInference inference;
    private final PredictionRule rule;
    private final ChunkRunner runner;

    Monitor(RbmInference inference, PredictionRule rule, ChunkRunner runner) {
      this.inference = inference;
      this.rule = rule;
      this.runner = runner;
    }

    /** RMSE of predicting the training ratings of {@code rows} from themselves. */
    double trainingRmse(int[] rows) {
      SparseRows train = inference.rows;
      double[][] parts = perChunk(rows.length, (from, to, acc, x, h, out, scratch) -> {
        for (int r = from; r < to; r++) {
          int row = rows[r];
          prepare(row, x, h);
          for (int p = train.rowStart(row); p < train.rowEnd(row); p++) {
            inference.levelProbabilities(rule, row, train.column(p), x, h, 0, scratch, out);
            double e = inference.expectedValue(out) - inference.levelValues[train.level(p)];
            acc[0] += e * e;
            acc[1]++;
          }
        }
      });
      return ratio(parts, true);
    }

    /** RMSE of held-out ratings predicted from each row's training ratings (no fallbacks). */
    double heldOutRmse(SparseRows held) {
      double[][] parts = perChunk(held.numRows(), (from, to, acc, x, h, out, scratch) -> {
        for (int row = from; row < to; row++) {
          if (held.rowLength(row) == 0 || inference.rows.rowLength(row) == 0) {
            continue;
          }
          prepare(row, x, h);
          for (int p = held.rowStart(row); p < held.rowEnd(row); p++) {
            int entry = held.column(p);
            if (!inference.canPredict(row, entry)) {
              continue;
            }
            inference.levelProbabilities(rule, row, entry, x, h, 0, scratch, out);
            double e = inference.expectedValue(out) - inference.levelValues[held.level(p)];
            acc[0] += e * e;
            acc[1]++;
          }
        }
      });
      return ratio(parts, true);
    }

    double trainingFreeEnergyPerEntry(int[] rows) {
      SparseRows train = inference.rows;
      double[][] parts = perChunk(rows.length, (from, to, acc, x, h, out, scratch) -> {
        for (int r = from; r < to; r++) {
          int row = rows[r];
          acc[0] += inference.freeEnergy(row, x) / train.rowLength(row);
          acc[1]++;
        }
      });
      return ratio(parts, false);
    }

    double heldOutFreeEnergyPerEntry(SparseRows held) {
      RbmParameters p = inference.p;
      double[][] parts = perChunk(held.numRows(), (from, to, acc, x, h, out, scratch) -> {
        for (int row = from; row < to; row++) {
          int n = held.rowLength(row);
          if (n == 0) {
            continue;
          }
          System.arraycopy(p.c, 0, x, 0, p.hidden);
          if (inference.indicator != null) {
            IndicatorRows ind = inference.indicator;
            RbmMath.addImplicitInput(
                p.d, p.hidden, ind.columns(), ind.rowStart(row), ind.rowEnd(row), x);
          }
          RbmMath.addVisibleInput(p.w, p.levels, p.hidden, held.columns(), held.levels(),
              held.rowStart(row), held.rowEnd(row), x);
          acc[0] += RbmMath.freeEnergy(p.b, p.levels, held.columns(), held.levels(),
              held.rowStart(row), held.rowEnd(row), x, p.hidden) / n;
          acc[1]++;
        }
      });
      return ratio(parts, false);
    }

    private void prepare(int row, float[] x, float[] h) {
      inference.rowInput(row, x);
      RbmMath.hiddenProbabilities(x, h, inference.p.hidden);
    }

    private double[][] perChunk(int n, ChunkBody body) {
      int chunks = (n + CHUNK - 1) / CHUNK;
      double[][] parts = new double[chunks][2];
      int f = inference.p.hidden;
      int k = inference.p.levels;
      runner.run(chunks, c -> body.run(c * CHUNK, Math.min(n, (c + 1) * CHUNK), parts[c],
          new float[f], new float[f], new float[k], new float[f]));
      return parts;
    }

    private static double ratio(double[][] parts, boolean root) {
      double sum = 0;
      double count = 0;
      for (double[] part : parts) {
        sum += part[0];
        count += part[1];
      }
      if (count == 0) {
        return Double.NaN;
      }
      return root ? Math.sqrt(sum / count) : sum / count;
    }

    @FunctionalInterface
    private interface ChunkBody {
      void run(int from, int to, double[] acc, float[] x, float[] h, float[] out, float[] scratch);
    }
  }
}
