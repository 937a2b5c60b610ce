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
import org.rbmrec.model.rbm.DistributedCd;
import org.rbmrec.model.rbm.RbmConfig;
import org.rbmrec.model.rbm.RbmModel;
import org.rbmrec.progress.Progress;
import org.rbmrec.train.EpochListener;
import org.rbmrec.train.EpochReport;

/**
 * Trains an RBM by data-parallel contrastive divergence on Spark.
 *
 * <p>The active training rows (users, or items for the I-RBM) are dealt round-robin into
 * {@code partitions} blocks, shipped once and kept on the executors (a locally checkpointed RDD,
 * so later tasks carry no data). For every global mini-batch of the epoch's shuffled order the
 * driver broadcasts the current parameters and the batch's row numbers; each partition computes
 * the CD statistics of its rows of the batch ({@link DistributedCd#statistics}); the partial
 * statistics are summed with {@code treeAggregate}; the driver applies the update. The result
 * is the single-machine {@link org.rbmrec.model.rbm.RbmTrainer}'s for the same seed and batch
 * size, up to floating-point summation order, whatever the number of partitions.
 *
 * <p>Costs per mini-batch: one Spark job, a broadcast of V·K·F (+ V·K + F [+ V·F]) floats, and
 * statistics of size proportional to the visible units the batch touched. Large batches pay the
 * job overhead fewer times. Persistent CD is refused.
 *
 * <p>Limits: the driver holds the ratings (it builds the blocks and measures the per-epoch
 * metrics) and the parameters; an executor lost mid-training loses its block (the RDD is
 * locally checkpointed) and fails the run.
 */
public final class SparkRbmTrainer {
  private static final int TREE_DEPTH = 2;
  private final JavaSparkContext spark;
  private final int partitions;

  /**
   * @param partitions how many blocks the rows are dealt into, ≥ 1 (usually the cluster's
   *     default parallelism)
   */
  public SparkRbmTrainer(JavaSparkContext spark, int partitions) {
    this.spark = Objects.requireNonNull(spark, "spark");
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
    Objects.requireNonNull(fallback, "fallback");
    try (DistributedCd cd = DistributedCd.start(config, training, implicit, validation)) {
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
    JavaRDD<RowBlockData> blocks = distribute(cd);
    Broadcast<HashMap<String, String>> settings =
        spark.broadcast(new HashMap<>(config.toProperties()));
    int levels = cd.parameters().levels();
    StatisticsData zero = new StatisticsData(
        CdStatistics.empty(levels, config.hidden(), config.conditional()));
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
          Broadcast<BatchData> step =
              spark.broadcast(new BatchData(cd.parameters(), batch, epoch));
          StatisticsData sum = blocks.treeAggregate(
              zero, partial(settings, step), StatisticsData::plus, TREE_DEPTH);
          step.destroy();
          cd.applyBatch(sum.statistics(), batch.length);
        }
        EpochReport report = cd.endEpoch();
        listener.onEpoch(report);
        afterEpoch.afterEpoch(cd, report);
        progress.advance(1);
      }
    } finally {
      settings.destroy();
      blocks.unpersist(false);
      progress.finish();
    }
  }

  /** Deals the active rows round-robin into blocks and pins them on the executors. */
  private JavaRDD<RowBlockData> distribute(DistributedCd cd) {
    int[] active = cd.activeRows();
    List<RowBlockData> data = new ArrayList<>(partitions);
    for (int p = 0; p < partitions; p++) {
      int[] rows = new int[(active.length - p + partitions - 1) / partitions];
      for (int x = 0; x < rows.length; x++) {
        rows[x] = active[p + x * partitions];
      }
      data.add(new RowBlockData(cd.block(rows)));
    }
    JavaRDD<RowBlockData> rdd = spark.parallelize(data, partitions);
    rdd.rdd().localCheckpoint();
    long shipped = rdd.map(RowBlockData::numRows).reduce(Integer::sum);
    if (shipped != active.length) {
      throw new IllegalStateException(
          "the partitions hold " + shipped + " of " + active.length + " rows");
    }
    return rdd;
  }

  /** A partition's statistics for the broadcast batch, added to the running partial sum. */
  private static Function2<StatisticsData, RowBlockData, StatisticsData> partial(
      Broadcast<HashMap<String, String>> settings, Broadcast<BatchData> step) {
    return (sum, block) -> {
      Map<String, String> properties = settings.value();
      BatchData batch = step.value();
      CdStatistics own = DistributedCd.statistics(RbmConfig.fromProperties(properties),
          batch.parameters(), block.block(), batch.batch(), batch.epoch());
      return sum.plus(new StatisticsData(own));
    };
  }
}
