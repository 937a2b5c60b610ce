package org.rbmrec.model.rbm;

import java.util.Map;
import java.util.Objects;
import org.rbmrec.data.Ratings;
import org.rbmrec.data.SparseRows;
import org.rbmrec.model.Recommender;
import org.rbmrec.train.EpochReport;

/**
 * Data-parallel contrastive divergence: the driver's side of an RBM trained with its rows spread
 * over workers (for example Spark partitions), and the workers' side,
 * {@link #chains} and {@link #statistics}, pure functions that may run anywhere.
 *
 * <p>One epoch, driven by the caller:
 * <pre>
 *   int[] order = cd.beginEpoch();                       // the epoch's shuffled rows
 *   for each batch = order[from … to):
 *     int[] starts = cd.beginBatch(batch);               // refreshes the rows the chains read
 *     ship cd.parameters(), the batch and starts to the workers;
 *     exact:  each worker returns chains(…) of its rows of the batch; add them up with
 *             ChainOutputs.plus in any order; cd.applyChains(sum);
 *     summed: each worker returns statistics(…) of its rows of the batch; add them up with
 *             CdStatistics.plus in any order; cd.applyBatch(sum, batch.length);
 *   EpochReport report = cd.endEpoch(listener);            // reports, then checkpoints
 * </pre>
 * The row order, the per-row random streams (seed, epoch, row), the chains and the update are
 * those of {@link RbmTrainer}. In the exact way the workers return each row's chain results
 * (p⁰, p̃ and the reconstruction, each row's slot filled by exactly one worker) and the driver
 * forms the statistics as the single-machine trainer does, so the parameters are bit-identical
 * to a single-machine run with the same configuration, however the rows are partitioned. In the
 * summed way the workers return per-unit statistics (K × F per touched unit: less work on the
 * driver, more data); their terms are added in another order, so the parameters agree up to
 * rounding, and drift apart over many epochs as rounding flips sampled hidden units.
 *
 * <p>Persistent CD is refused: each row's chain would have to live in its partition and travel
 * with it.
 *
 * <p>Not thread-safe: one driver thread calls the instance methods.
 */
public final class DistributedCd implements AutoCloseable {
  private final RbmConfig config;
  private final Ratings training;
  private final SparseRows rows;
  private final IndicatorRows indicator;
  private final RbmParameters params;
  private final double[] levelValues;
  private final int[] active;
  private final int[] order;
  private final int[] monitor;
  private final SparseRows validRows;
  private final ChunkRunner runner;
  private final TrainingState state;
  private final RbmInference inference;
  private final ParameterAverage average;
  private final RowRandom shuffle = new RowRandom();
  private final CheckpointKeeper checkpoints;
  private final DivergenceGuard guard;
  private int completed;
  private boolean inEpoch;
  /** Rows of the batch begun and not yet applied, or -1. */
  private int pendingRows = -1;
  private long epochStart;
  private double reconSse;
  private long reconCount;

  private DistributedCd(RbmConfig config, Ratings training, Ratings implicit,
      Ratings validation, TrainingControl control) {
    RbmTrainer trainer = new RbmTrainer(config);
    this.config = config;
    this.training = training;
    this.rows = trainer.rowsOf(training);
    this.indicator = config.conditional()
        ? IndicatorRows.union(rows, implicit == null ? null : trainer.rowsOf(implicit)) : null;
    this.params = trainer.initialParameters(rows, training.scale().levels());
    this.levelValues = training.scale().values();
    this.active = RbmTrainer.activeRows(rows);
    this.order = active.clone();
    this.monitor = trainer.monitorRows(active);
    this.validRows = validation == null ? null : trainer.rowsOf(validation);
    this.runner = new ChunkRunner(config.threads());
    this.state = new TrainingState(config, params, rows, indicator, levelValues, runner);
    this.inference = new RbmInference(params, rows, indicator, levelValues);
    this.average = config.averageEpochs() > 1 ? new ParameterAverage(params) : null;
    this.checkpoints = new CheckpointKeeper(config, control.checkpoints(),
        CheckpointKeeper.fingerprint(training, config.conditional() ? implicit : null,
            validation, control.runFacts()));
    this.guard = new DivergenceGuard(config);
  }

  /**
   * Starts training: builds the rows in the configured orientation, the indicator rows of the
   * conditional RBM and the initial parameters, as {@link RbmTrainer#train} does.
   *
   * @param implicit conditional RBM only: pairs known to be rated, values unknown; or null
   * @param validation ratings for {@code valid_rmse} and {@code free_energy_gap}, or null
   * @throws IllegalArgumentException for persistent CD, empty training data or ratings that do
   *     not share the training set's indices
   */
  public static DistributedCd start(
      RbmConfig config, Ratings training, Ratings implicit, Ratings validation) {
    return start(config, training, implicit, validation, TrainingControl.none());
  }

  /**
   * As {@link #start(RbmConfig, Ratings, Ratings, Ratings)}, with checkpoints: the driver saves
   * one at the end of every epoch to {@code control.checkpoints()} (the single-machine format),
   * and {@code control.resumeFrom()} continues from one taken at the end of an epoch, by either
   * trainer. (Stop requests are not polled: a distributed run is stopped between epochs by
   * ending the job, and resumes from its last epoch.)
   *
   * @throws org.rbmrec.data.DataException if the checkpoint does not fit the run, or was taken
   *     in the middle of an epoch (resume that one on one machine)
   */
  public static DistributedCd start(RbmConfig config, Ratings training, Ratings implicit,
      Ratings validation, TrainingControl control) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(control, "control");
    Objects.requireNonNull(training, "training");
    if (config.persistent()) {
      throw new IllegalArgumentException("distributed training supports CD-k only, not"
          + " persistent CD (persistent=true): each row's chain would have to live in its"
          + " partition");
    }
    if (training.size() == 0) {
      throw new IllegalArgumentException("training ratings must not be empty");
    }
    RbmTrainer.checkCompatible(training, implicit, "implicit");
    RbmTrainer.checkCompatible(training, validation, "validation");
    DistributedCd cd = new DistributedCd(config, training, implicit, validation, control);
    if (control.resumeFrom() != null) {
      cd.resume(control.resumeFrom());
    }
    return cd;
  }

  private void resume(TrainingCheckpoint checkpoint) {
    if (checkpoint.rowsDone() != 0) {
      throw new org.rbmrec.data.DataException("the checkpoint was taken in the middle of epoch "
          + (checkpoint.epochsCompleted() + 1) + "; a distributed run resumes from the end of an"
          + " epoch: resume this one without --spark");
    }
    CheckpointKeeper.Position position = checkpoints.restore(checkpoint, state, order, average);
    completed = position.firstEpoch() - 1;
  }

  /**
   * The CD statistics of the rows of {@code batch} that {@code block} holds, in batch order,
   * each row's random stream reseeded from (seed, {@code epoch}, row), with the CD-k steps of
   * {@code epoch}. Rows of the batch not in the block are skipped; {@link CdStatistics#rows()}
   * counts the rows used.
   *
   * @param batch global row numbers of one mini-batch, in the epoch's order
   */
  public static CdStatistics statistics(RbmConfig config, ParameterSnapshot parameters,
      CdRowBlock block, int[] batch, int epoch) {
    RbmParameters p = workerParameters(config, parameters, block);
    IndicatorRows ind = p.d == null ? null : block.indicator();
    CdWorker worker = new CdWorker(p, block.levelValues(), block.maxRowLength());
    int steps = config.cdSteps(epoch);
    int used = 0;
    for (int row : batch) {
      int local = block.localRow(row);
      if (local < 0) {
        continue;
      }
      worker.random.reseed(config.seed(), epoch, row);
      worker.accumulateRow(block.rows(), ind, local, steps, config.negativePhase(), null);
      used++;
    }
    return CdStatistics.fromWorker(worker, p.levels, p.hidden, p.d != null, used);
  }

  /**
   * The Gibbs chains of the rows of {@code batch} that {@code block} holds, each row's random
   * stream reseeded from (seed, {@code epoch}, row), with the CD-k steps of {@code epoch}: their
   * slots of the batch's {@link ChainOutputs} are filled, the others left zero.
   *
   * @param batch global row numbers of one mini-batch, in the epoch's order
   * @param entryStarts the batch's entry offsets, from {@link #beginBatch}
   * @throws IllegalArgumentException if a row's length disagrees with {@code entryStarts}
   */
  public static ChainOutputs chains(RbmConfig config, ParameterSnapshot parameters,
      CdRowBlock block, int[] batch, int[] entryStarts, int epoch) {
    RbmParameters p = workerParameters(config, parameters, block);
    if (entryStarts.length != batch.length + 1) {
      throw new IllegalArgumentException("entryStarts must hold " + (batch.length + 1)
          + " offsets for a batch of " + batch.length + " rows, got " + entryStarts.length);
    }
    IndicatorRows ind = p.d == null ? null : block.indicator();
    boolean soft = config.negativePhase() == NegativePhase.PROBABILITIES;
    ChainOutputs out = ChainOutputs.empty(batch.length, entryStarts[batch.length], p.levels,
        p.hidden, soft);
    RowChain chain = new RowChain(p, block.levelValues());
    int steps = config.cdSteps(epoch);
    SparseRows local = block.rows();
    int used = 0;
    for (int b = 0; b < batch.length; b++) {
      int row = block.localRow(batch[b]);
      if (row < 0) {
        continue;
      }
      if (local.rowLength(row) != entryStarts[b + 1] - entryStarts[b]) {
        throw new IllegalArgumentException("row " + batch[b] + " has " + local.rowLength(row)
            + " entries in the block but " + (entryStarts[b + 1] - entryStarts[b])
            + " in entryStarts");
      }
      chain.random.reseed(config.seed(), epoch, batch[b]);
      chain.run(local, ind, row, steps, config.negativePhase(), null, out.positive(),
          b * p.hidden, out.negative(), b * p.hidden, out.q(), entryStarts[b] * p.levels,
          out.sampled(), entryStarts[b]);
      out.reconSquaredError()[b] = chain.reconSquaredError;
      out.reconCount()[b] = chain.reconCount;
      used++;
    }
    return ChainOutputs.of(used, out.positive(), out.negative(), out.q(), out.sampled(),
        out.reconSquaredError(), out.reconCount());
  }

  /** Checks the inputs of a worker-side computation and copies the parameters for a worker. */
  private static RbmParameters workerParameters(
      RbmConfig config, ParameterSnapshot parameters, CdRowBlock block) {
    if (config.persistent()) {
      throw new IllegalArgumentException("distributed training supports CD-k only, not"
          + " persistent CD");
    }
    if (parameters.numVisible() != block.numColumns()
        || parameters.levels() != block.levelValues().length) {
      throw new IllegalArgumentException("parameters (V=" + parameters.numVisible() + ", K="
          + parameters.levels() + ") do not match the block (V=" + block.numColumns() + ", K="
          + block.levelValues().length + ")");
    }
    RbmParameters p = parameters.toParameters();
    if (p.d != null && block.indicator() == null) {
      throw new IllegalArgumentException("the conditional RBM needs the block's indicator rows");
    }
    return p;
  }

  /** The configuration. */
  public RbmConfig config() {
    return config;
  }

  /** The rows with at least one training rating, increasing: the rows to spread over workers. */
  public int[] activeRows() {
    return active.clone();
  }

  /** The block of global rows {@code rowIds} (strictly increasing), to ship to a worker. */
  public CdRowBlock block(int[] rowIds) {
    return CdRowBlock.slice(rows, indicator, rowIds, levelValues);
  }

  /** The number of epochs finished. */
  public int completedEpochs() {
    return completed;
  }

  /**
   * Starts epoch {@link #completedEpochs()} + 1: shuffles the row order as the single-machine
   * trainer does and returns a copy of it (the epoch's batches are consecutive runs of
   * {@code batchSize} rows of it).
   */
  public int[] beginEpoch() {
    if (inEpoch) {
      throw new IllegalStateException("epoch " + (completed + 1) + " has not ended");
    }
    if (completed >= config.epochs()) {
      throw new IllegalStateException("all " + config.epochs() + " epochs are done");
    }
    inEpoch = true;
    epochStart = System.nanoTime();
    reconSse = 0;
    reconCount = 0;
    RbmTrainer.shuffle(order, config.seed(), completed + 1, shuffle);
    return order.clone();
  }

  /**
   * A copy of the parameters the workers read for the batch begun by {@link #beginBatch} (its
   * rows brought up to date: exactly what the single-machine trainer's chains read).
   */
  public ParameterSnapshot parameters() {
    return ParameterSnapshot.copyOf(params);
  }

  /**
   * Starts the update of one mini-batch (global rows, a run of the epoch's order): brings the
   * parameter rows its chains read up to date. Call before {@link #parameters()} and the
   * workers' computation, then end the batch with {@link #applyChains} or {@link #applyBatch}.
   *
   * @return the batch's entry offsets (B + 1) for {@link #chains}
   */
  public int[] beginBatch(int[] batch) {
    if (!inEpoch) {
      throw new IllegalStateException("beginBatch outside an epoch: call beginEpoch first");
    }
    if (pendingRows >= 0) {
      throw new IllegalStateException("the previous batch has not been applied");
    }
    int epoch = completed + 1;
    state.beginBatch(batch, 0, batch.length, config.learningRate(epoch),
        config.momentum(epoch));
    pendingRows = batch.length;
    return state.batchEntryStarts();
  }

  /**
   * Ends the batch from the summed chain outputs of all its rows: the update is bit for bit the
   * single-machine one.
   *
   * @throws IllegalArgumentException if the outputs cover another number of rows (a worker
   *     lost rows) or another batch
   */
  public void applyChains(ChainOutputs sum) {
    checkPending();
    state.applyChains(sum);
    reconSse += state.lastReconSquaredError;
    reconCount += state.lastReconCount;
    pendingRows = -1;
  }

  /**
   * Ends the batch from the summed per-unit statistics of its {@code batchRows} rows.
   *
   * @throws IllegalStateException if the statistics cover another number of rows (a worker
   *     lost rows) or no batch is in progress
   */
  public void applyBatch(CdStatistics sum, int batchRows) {
    checkPending();
    if (sum.rows() != batchRows || batchRows != pendingRows) {
      throw new IllegalStateException("the statistics cover " + sum.rows()
          + " rows of a batch of " + pendingRows + ": a worker is missing rows");
    }
    state.applyStatistics(sum);
    reconSse += sum.reconSquaredError();
    reconCount += sum.reconCount();
    pendingRows = -1;
  }

  private void checkPending() {
    if (!inEpoch || pendingRows < 0) {
      throw new IllegalStateException("no batch in progress: call beginEpoch and beginBatch");
    }
  }

  /**
   * Ends the epoch: brings lazily updated rows up to date, checks the parameters and metrics
   * are finite, measures the epoch's metrics, adds the parameters to the running average of the
   * last epochs, reports the epoch to {@code listener} and then saves a checkpoint (all as the
   * single-machine trainer does, in that order: a run stopped between the report and the save
   * resumes from the previous epoch and reports this one again, rather than losing its metrics).
   *
   * @throws org.rbmrec.train.TrainingDivergedException if training diverged (naming the last
   *     good checkpoint, which is kept)
   */
  public EpochReport endEpoch(org.rbmrec.train.EpochListener listener) {
    Objects.requireNonNull(listener, "listener");
    if (!inEpoch) {
      throw new IllegalStateException("endEpoch outside an epoch: call beginEpoch first");
    }
    if (pendingRows >= 0) {
      throw new IllegalStateException("endEpoch with a batch begun and not applied");
    }
    int epoch = completed + 1;
    state.flush();
    guard.checkParameters(params, epoch, checkpoints.lastGood());
    Map<String, Double> metrics = RbmTrainer.epochMetrics(config, config.cdSteps(epoch),
        config.learningRate(epoch), config.momentum(epoch), reconSse, reconCount, inference,
        monitor, validRows, runner);
    guard.checkMetrics(metrics, reconCount > 0, epoch, checkpoints.lastGood());
    if (average != null && epoch > config.epochs() - config.averageEpochs()) {
      average.add(params);
    }
    EpochReport report = new EpochReport(epoch, (System.nanoTime() - epochStart) / 1e9, metrics);
    listener.onEpoch(report);
    checkpoints.save(state, order, average, epoch, 0, 0, 0);
    inEpoch = false;
    completed = epoch;
    return report;
  }

  /** {@link #endEpoch(org.rbmrec.train.EpochListener)} without a listener. */
  public EpochReport endEpoch() {
    return endEpoch(org.rbmrec.train.EpochListener.NONE);
  }

  /**
   * The trained model, after the last epoch (parameters averaged over the last epochs when so
   * configured). Call once.
   */
  public RbmModel finish(Recommender fallback) {
    Objects.requireNonNull(fallback, "fallback");
    if (completed != config.epochs() || inEpoch) {
      throw new IllegalStateException("training has run " + completed + " of "
          + config.epochs() + " epochs");
    }
    if (average != null) {
      average.writeMean(params);
    }
    return new RbmModel(config, params.copy(), training.scale(), rows, indicator, fallback);
  }

  /**
   * For resuming from a checkpoint: marks {@code completedEpochs} epochs as done and replays
   * their shuffles, so the next {@link #beginEpoch()} returns the order an uninterrupted run
   * would use (each epoch shuffles the previous epoch's order in place). The caller restores
   * the parameters, the optimiser state and the running average separately. Only on a fresh
   * instance.
   */
  void restoreProgress(int completedEpochs) {
    if (completed != 0 || inEpoch) {
      throw new IllegalStateException("restoreProgress needs a fresh instance");
    }
    if (completedEpochs < 0 || completedEpochs > config.epochs()) {
      throw new IllegalArgumentException("completedEpochs must be in [0, " + config.epochs()
          + "], got " + completedEpochs);
    }
    for (int epoch = 1; epoch <= completedEpochs; epoch++) {
      RbmTrainer.shuffle(order, config.seed(), epoch, shuffle);
    }
    completed = completedEpochs;
  }

  /** The live parameters, for checkpoints (flushed between epochs). */
  RbmParameters liveParameters() {
    return params;
  }

  /** The optimiser state (velocities, lazy rows), for checkpoints. */
  TrainingState trainingState() {
    return state;
  }

  /** The running parameter average, or null, for checkpoints. */
  ParameterAverage parameterAverage() {
    return average;
  }

  @Override
  public void close() {
    runner.close();
  }

  @Override
  public String toString() {
    return "DistributedCd[" + completed + "/" + config.epochs() + " epochs, "
        + "V=" + params.numVisible + ", K=" + params.levels + ", F=" + params.hidden + "]";
  }
}
