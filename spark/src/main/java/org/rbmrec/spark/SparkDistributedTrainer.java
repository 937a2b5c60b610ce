package org.rbmrec.spark;

import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.rbmrec.data.Ratings;
import org.rbmrec.model.Recommender;
import org.rbmrec.model.baseline.BiasBaseline;
import org.rbmrec.model.baseline.BiasConfig;
import org.rbmrec.model.rbm.RbmConfig;
import org.rbmrec.model.rbm.TrainingControl;
import org.rbmrec.progress.Progress;
import org.rbmrec.train.DistributedTrainer;
import org.rbmrec.train.EpochListener;
import org.rbmrec.train.TrainingPlan;

/**
 * The Spark implementation of {@link DistributedTrainer}, found by the command line's
 * {@code train --spark MASTER}: trains the plan's RBM with {@link SparkRbmTrainer} in its exact
 * mode (parameters bit-identical to a single-machine run) over the cluster's default
 * parallelism, with the bias baseline as fallback (as {@link TrainingPlan#fit} does).
 *
 * <p>MASTER is a Spark master URL ({@code local[2]}, {@code spark://host:7077}, {@code yarn},
 * ...), or {@value #SUBMIT} to use the master {@code spark-submit} was given. A session that is
 * already running (for example under spark-submit) is reused and left running; one this class
 * started is stopped after training.
 */
public final class SparkDistributedTrainer implements DistributedTrainer {
  /** The MASTER value that takes the master from spark-submit's configuration. */
  public static final String SUBMIT = "submit";

  /** The master URLs Spark 4 accepts, checked before Spark starts (and logs its own errors). */
  private static final Pattern MASTER_URL = Pattern.compile(
      "local(\\[(\\d+|\\*)(,\\d+)?])?|local-cluster\\[\\d+,\\d+,\\d+]|spark://.+|yarn"
          + "|k8s://.+");

  @Override
  public String name() {
    return "spark";
  }

  @Override
  public void check(TrainingPlan plan, String master) {
    checkMaster(master);
    if (!(plan.config() instanceof RbmConfig config)) {
      throw new IllegalArgumentException("--spark trains the RBM models only (rbm, rbm-item,"
          + " rbm-cond, rbm-factored), got " + plan.kind().id());
    }
    if (config.persistent()) {
      throw new IllegalArgumentException("--spark supports CD-k only, not persistent CD"
          + " (persistent=true): each row's chain would have to live in its partition");
    }
  }

  @Override
  public Recommender fit(TrainingPlan plan, String master, Ratings train, Ratings validation,
      Ratings implicit, EpochListener listener, Progress progress, TrainingControl control) {
    check(plan, master);
    RbmConfig config = (RbmConfig) plan.config();
    boolean existing = SparkSession.getActiveSession().isDefined();
    SparkSession session = session(master);
    try {
      JavaSparkContext context = JavaSparkContext.fromSparkContext(session.sparkContext());
      BiasBaseline fallback = BiasBaseline.fit(train, BiasConfig.defaults(), EpochListener.NONE);
      return new SparkRbmTrainer(context, context.defaultParallelism()).train(config, train,
          implicit, validation, fallback, listener, progress, EpochCallback.NONE, control);
    } finally {
      if (!existing) {
        session.stop();
      }
    }
  }

  private static void checkMaster(String master) {
    if (!SUBMIT.equals(master) && !MASTER_URL.matcher(master).matches()) {
      throw new IllegalArgumentException("'" + master + "' is not a Spark master URL (local,"
          + " local[N], local[*], spark://HOST:PORT, yarn, k8s://HOST:PORT) nor " + SUBMIT);
    }
  }

  /**
   * The active session, or a new one at {@code master} (see the class comment).
   *
   * @throws IllegalArgumentException if {@code master} is not a master URL Spark accepts, or is
   *     {@value #SUBMIT} outside spark-submit
   */
  static SparkSession session(String master) {
    SparkConf conf = new SparkConf().setAppName("rbmrec");
    checkMaster(master);
    if (!SUBMIT.equals(master)) {
      conf.setMaster(master);
    } else if (!conf.contains("spark.master")) {
      throw new IllegalArgumentException("--spark " + SUBMIT + " takes the master from"
          + " spark-submit, but this is not running under spark-submit: give a master URL such"
          + " as local[2]");
    }
    if (master.startsWith("local")) {
      // A local run stays on the loopback interface and needs no web UI.
      conf.set("spark.ui.enabled", "false");
      conf.set("spark.driver.bindAddress", "127.0.0.1");
      conf.set("spark.driver.host", "localhost");
      // SQL's default of 200 shuffle partitions is for clusters; one machine wants few.
      conf.set("spark.sql.shuffle.partitions", "4");
    }
    return SparkSession.builder().config(conf).getOrCreate();
  }
}
