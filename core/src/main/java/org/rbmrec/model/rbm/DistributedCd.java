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
 * {@link #chunkStatistics} and {@link #statistics}, pure functions that may run anywhere.
 *
 * <p>One epoch, driven by the caller:
 * <pre>
 *   int[] order = cd.beginEpoch();                       // the epoch's shuffled rows
 *   for each batch order[from … to):
 *     ship cd.parameters() and the batch's rows to the workers;
 *     exact:  chunk c (rows batch[c·chunkRows …]) must sit in one worker's block; each worker
 *             returns chunkStatistics(…) of its chunks; fold them with CdStatistics.plus in
 *             chunk order, starting from CdStatistics.empty;
 *     summed: each worker returns statistics(…) of its rows of the batch; add them up with
 *             CdStatistics.plus in any order;
 *     cd.applyBatch(sum, to - from);
 *   EpochReport report = cd.endEpoch();
 * </pre>
 * The row order, the per-row random streams (seed, epoch, row), the statistics and the update
 * are those of {@link RbmTrainer}. The exact way reproduces its reduction too, so the
 * parameters are bit-identical to a single-machine run with the same configuration; the summed
 * way adds the same terms in another order, so they agree up to rounding, and drift apart over
 * many epochs as rounding flips sampled hidden units.
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
  private int completed;
  private boolean inEpoch;
  private long epochStart;
  private double reconSse;
  private long reconCount;

  private DistributedCd(RbmConfig config, Ratings training, Ratings implicit,
      Ratings validation) {
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
    Objects.requireNonNull(config, "config");
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
    return new DistributedCd(config, training, implicit, validation);
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
   * The CD statistics of some fixed chunks of a mini-batch, each computed by one worker over
   * the chunk's rows in batch order, exactly as the single-machine trainer computes a chunk:
   * chunk {@code c} is {@code batch[c·chunkRows … min((c+1)·chunkRows, batch.length))}. Every
   * row of the requested chunks must be in {@code block}. Folding the statistics of all of a
   * batch's chunks in chunk order with {@link CdStatistics#plus} and applying the sum gives
   * the single-machine update bit for bit.
   *
   * @param chunks the chunk indices wanted, each in [0, ⌈batch.length / chunkRows⌉)
   * @return one statistics per entry of {@code chunks}, in the same order
   * @throws IllegalArgumentException if a chunk index is out of range or a row of a wanted
   *     chunk is not in the block
   */
  public static CdStatistics[] chunkStatistics(RbmConfig config, ParameterSnapshot parameters,
      CdRowBlock block, int[] batch, int[] chunks, int epoch) {
    RbmParameters p = workerParameters(config, parameters, block);
    IndicatorRows ind = p.d == null ? null : block.indicator();
    CdWorker worker = new CdWorker(p, block.levelValues(), block.maxRowLength());
    int steps = config.cdSteps(epoch);
    int chunkRows = config.chunkRows();
    int numChunks = (batch.length + chunkRows - 1) / chunkRows;
    CdStatistics[] result = new CdStatistics[chunks.length];
    for (int x = 0; x < chunks.length; x++) {
      int c = chunks[x];
      if (c < 0 || c >= numChunks) {
        throw new IllegalArgumentException(
            "chunk must be in [0, " + numChunks + "), got " + c);
      }
      int from = c * chunkRows;
      int to = Math.min(batch.length, from + chunkRows);
      for (int y = from; y < to; y++) {
        int local = block.localRow(batch[y]);
        if (local < 0) {
          throw new IllegalArgumentException(
              "row " + batch[y] + " of chunk " + c + " is not in the block");
        }
        worker.random.reseed(config.seed(), epoch, batch[y]);
        worker.accumulateRow(block.rows(), ind, local, steps, config.negativePhase(), null);
      }
      result[x] = CdStatistics.fromWorker(worker, p.levels, p.hidden, p.d != null, to - from);
      worker.reset();
    }
    return result;
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
   * A copy of the parameters the workers read for the next batch (lazily updated weight rows
   * as they stand, exactly what the single-machine trainer's workers read).
   */
  public ParameterSnapshot parameters() {
    return ParameterSnapshot.copyOf(params);
  }

  /**
   * Applies one mini-batch update from the summed statistics of its {@code batchRows} rows, with
   * the learning rate and momentum of the current epoch.
   *
   * @throws IllegalStateException if the statistics cover another number of rows (a worker
   *     lost rows) or no epoch is in progress
   */
  public void applyBatch(CdStatistics sum, int batchRows) {
    if (!inEpoch) {
      throw new IllegalStateException("applyBatch outside an epoch: call beginEpoch first");
    }
    if (sum.rows() != batchRows) {
      throw new IllegalStateException("the statistics cover " + sum.rows()
          + " rows of a batch of " + batchRows + ": a worker is missing rows");
    }
    int epoch = completed + 1;
    state.applyStatistics(sum, batchRows, config.learningRate(epoch), config.momentum(epoch));
    reconSse += sum.reconSquaredError();
    reconCount += sum.reconCount();
  }

  /**
   * Ends the epoch: brings lazily updated rows up to date, checks the parameters are finite,
   * adds them to the running average of the last epochs and measures the epoch's metrics (the
   * single-machine trainer's).
   *
   * @throws IllegalStateException if training diverged
   */
  public EpochReport endEpoch() {
    if (!inEpoch) {
      throw new IllegalStateException("endEpoch outside an epoch: call beginEpoch first");
    }
    int epoch = completed + 1;
    state.flush();
    RbmTrainer.checkFinite(params, epoch);
    if (average != null && epoch > config.epochs() - config.averageEpochs()) {
      average.add(params);
    }
    Map<String, Double> metrics = RbmTrainer.epochMetrics(config, config.cdSteps(epoch),
        config.learningRate(epoch), config.momentum(epoch), reconSse, reconCount, inference,
        monitor, validRows, runner);
    inEpoch = false;
    completed = epoch;
    return new EpochReport(epoch, (System.nanoTime() - epochStart) / 1e9, metrics);
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
