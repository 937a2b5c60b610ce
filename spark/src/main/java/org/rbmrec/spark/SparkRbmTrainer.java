package org.rbmrec.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.rbmrec.data.Ratings;
import org.rbmrec.model.Recommender;
import org.rbmrec.model.rbm.CdStatistics;
import org.rbmrec.model.rbm.ChainOutputs;
import org.rbmrec.model.rbm.DistributedCd;
import org.rbmrec.model.rbm.RbmConfig;
import org.rbmrec.model.rbm.RbmModel;
import org.rbmrec.model.rbm.TrainingControl;
import org.rbmrec.progress.Progress;
import org.rbmrec.train.EpochListener;
import org.rbmrec.train.EpochReport;

/**
 * Trains an RBM by data-parallel contrastive divergence on Spark.
 *
 * <p>The training rows (users, or items for the I-RBM) are dealt round-robin into one block per
 * partition, shipped from the driver once and kept on the executors (a locally checkpointed
 * RDD, so the tasks carry no data). For every global mini-batch of the epoch's shuffled order
 * the driver brings the rows the batch reads up to date ({@link DistributedCd#beginBatch}) and
 * broadcasts the parameters and the batch; each partition runs the CD chains of its rows of the
 * batch ({@link DistributedCd}); the results are gathered with {@code treeAggregate}; the driver
 * applies the update (momentum, weight decay, shared weights, averaging: the single-machine
 * {@link org.rbmrec.model.rbm.RbmTrainer}'s). Two {@link Mode}s differ in what the partitions
 * return:
 * <ul>
 *   <li>{@link Mode#EXACT} (the default): each row's chain results (p⁰, p̃ and the
 *       reconstruction: (2F + K·n) floats for a row of n ratings), each slot filled by one
 *       partition, so their sum is exact; the driver forms the statistics as the single machine
 *       does. The parameters are bit-identical to the single-machine trainer's for the same
 *       configuration, whatever the number of partitions.
 *   <li>{@link Mode#SUMMED}: each partition's per-unit statistics (K·F floats per unit its rows
 *       touch), summed by {@code treeAggregate}. Each update equals the single-machine one up to
 *       the order floats are summed in; over many epochs the two runs drift apart (a last-bit
 *       difference can flip a sampled hidden unit), so the models are statistically alike, not
 *       equal.
 * </ul>
 *
 * <p>Costs per mini-batch: one Spark job and a broadcast of V·K·F (+ V·K + F [+ V·F]) floats.
 * Larger batches pay the job overhead fewer times. Persistent CD is refused.
 *
 * <p>Limits: the driver holds the ratings (it builds the blocks and measures the per-epoch
 * metrics) and the parameters; an executor lost mid-epoch loses its block (the RDD is locally
 * checkpointed) and fails the run.
 */
public final class SparkRbmTrainer {
  private static final int TREE_DEPTH = 2;
  private final JavaSparkContext spark;
  private final int partitions;
  private final Mode mode;

  /** Where the rows live and how the statistics are combined (see the class comment). */
  public enum Mode {
    /** Chunk-aligned rows, per-chunk statistics summed in chunk order: bit-identical. */
    EXACT,
    /** Rows fixed round-robin, statistics summed per partition: equal up to rounding. */
    SUMMED
  }

  /** {@link Mode#EXACT} over {@code partitions} partitions. */
  public SparkRbmTrainer(JavaSparkContext spark, int partitions) {
    this(spark, partitions, Mode.EXACT);
  }

  /**
   * @param partitions how many blocks the rows are dealt into, ≥ 1 (usually the cluster's
   *     default parallelism)
   */
  public SparkRbmTrainer(JavaSparkContext spark, int partitions, Mode mode) {
    this.spark = Objects.requireNonNull(spark, "spark");
    this.mode = Objects.requireNonNull(mode, "mode");
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be ≥ 1, got " + partitions);
    }
    this.partitions = partitions;
  }

  /**
   * Trains a model, as {@link org.rbmrec.model.rbm.RbmTrainer#train} does.
   *
   * @param implicit conditional RBM only: pairs known to be rated, values unknown; or null
   * @param validation ratings to report {@code valid_rmse} on, or null
   * @param fallback scores what the model cannot
   * @param afterEpoch called after each epoch (checkpoints)
   */
  public RbmModel train(RbmConfig config, Ratings training, Ratings implicit, Ratings validation,
      Recommender fallback, EpochListener listener, Progress progress, EpochCallback afterEpoch) {
    return train(config, training, implicit, validation, fallback, listener, progress,
        afterEpoch, TrainingControl.none());
  }

  /**
   * As {@link #train(RbmConfig, Ratings, Ratings, Ratings, Recommender, EpochListener, Progress,
   * EpochCallback)}, with the driver saving a checkpoint at the end of every epoch and resuming
   * from one, as {@code control} says.
   */
  public RbmModel train(RbmConfig config, Ratings training, Ratings implicit, Ratings validation,
      Recommender fallback, EpochListener listener, Progress progress, EpochCallback afterEpoch,
      TrainingControl control) {
    Objects.requireNonNull(fallback, "fallback");
    try (DistributedCd cd =
        DistributedCd.start(config, training, implicit, validation, control)) {
      run(cd, listener, progress, afterEpoch);
      return cd.finish(fallback);
    }
  }

  /**
   * Runs the remaining epochs of {@code cd} (all of a fresh one, the rest of one restored from a
   * checkpoint).
   */
  public void run(DistributedCd cd, EpochListener listener, Progress progress,
      EpochCallback afterEpoch) {
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(afterEpoch, "afterEpoch");
    RbmConfig config = cd.config();
    Broadcast<HashMap<String, String>> settings =
        spark.broadcast(new HashMap<>(config.toProperties()));
    CdStatistics empty = CdStatistics.empty(
        cd.parameters().levels(), config.hidden(), config.conditional());
    StatisticsData zero = new StatisticsData(empty);
    JavaRDD<RowBlockData> blocks = distribute(cd, roundRobin(cd.activeRows(), partitions));
    progress.start("training " + config.orientation().name().toLowerCase()
        + " RBM on Spark (" + partitions + " partitions)", config.epochs(), "epoch");
    try {
      progress.advance(cd.completedEpochs());
      while (cd.completedEpochs() < config.epochs()) {
        int epoch = cd.completedEpochs() + 1;
        int[] order = cd.beginEpoch();
        for (int from = 0; from < order.length; from += config.batchSize()) {
          int[] batch = Arrays.copyOfRange(order, from,
              Math.min(order.length, from + config.batchSize()));
          int[] starts = cd.beginBatch(batch);
          Broadcast<BatchData> step =
              spark.broadcast(new BatchData(cd.parameters(), batch, starts, epoch));
          if (mode == Mode.EXACT) {
            ChainData sum = blocks.treeAggregate(null, chainsOf(settings, step),
                ChainData::plus, TREE_DEPTH);
            if (sum == null) {
              throw new IllegalStateException("no partition returned chain outputs");
            }
            cd.applyChains(sum.outputs());
          } else {
            cd.applyBatch(blocks.treeAggregate(zero, partialSum(settings, step),
                StatisticsData::plus, TREE_DEPTH).statistics(), batch.length);
          }
          step.destroy();
        }
        EpochReport report = cd.endEpoch(listener);
        afterEpoch.afterEpoch(cd, report);
        progress.advance(1);
      }
    } finally {
      settings.destroy();
      blocks.unpersist(false);
      progress.finish();
    }
  }

  /** Rows dealt round-robin: partition p holds {@code rows[p], rows[p + parts], …}. */
  private static int[][] roundRobin(int[] rows, int parts) {
    int[][] dealt = new int[parts][];
    for (int p = 0; p < parts; p++) {
      dealt[p] = new int[(rows.length - p + parts - 1) / parts];
      for (int x = 0; x < dealt[p].length; x++) {
        dealt[p][x] = rows[p + x * parts];
      }
    }
    return dealt;
  }

  /** Ships the blocks and pins them on the executors. */
  private JavaRDD<RowBlockData> distribute(DistributedCd cd, int[][] rowsByPart) {
    List<RowBlockData> data = new ArrayList<>(rowsByPart.length);
    long rows = 0;
    for (int p = 0; p < rowsByPart.length; p++) {
      data.add(new RowBlockData(cd.block(rowsByPart[p]), p, rowsByPart.length));
      rows += rowsByPart[p].length;
    }
    JavaRDD<RowBlockData> rdd = spark.parallelize(data, rowsByPart.length);
    rdd.rdd().localCheckpoint();
    long shipped = rdd.map(RowBlockData::numRows).reduce(Integer::sum);
    if (shipped != rows) {
      throw new IllegalStateException("the partitions hold " + shipped + " of " + rows + " rows");
    }
    return rdd;
  }

  /** {@link Mode#SUMMED}: a partition's statistics for the batch, added to the partial sum. */
  private static Function2<StatisticsData, RowBlockData, StatisticsData> partialSum(
      Broadcast<HashMap<String, String>> settings, Broadcast<BatchData> step) {
    return (sum, block) -> {
      Map<String, String> properties = settings.value();
      BatchData batch = step.value();
      CdStatistics own = DistributedCd.statistics(RbmConfig.fromProperties(properties),
          batch.parameters(), block.block(), batch.batch(), batch.epoch());
      return sum.plus(new StatisticsData(own));
    };
  }

  /** {@link Mode#EXACT}: the chain outputs of this partition's rows of the batch, added. */
  private static Function2<ChainData, RowBlockData, ChainData> chainsOf(
      Broadcast<HashMap<String, String>> settings, Broadcast<BatchData> step) {
    return (gathered, block) -> {
      RbmConfig config = RbmConfig.fromProperties(settings.value());
      BatchData batch = step.value();
      ChainOutputs own = DistributedCd.chains(config, batch.parameters(), block.block(),
          batch.batch(), batch.entryStarts(), batch.epoch());
      return ChainData.plus(gathered, new ChainData(own));
    };
  }
}
