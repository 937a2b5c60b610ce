package org.rbmrec.spark;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.rbmrec.cli.CliServices;
import org.rbmrec.cli.CommonOptions;
import org.rbmrec.cli.JsonOutput;
import org.rbmrec.cli.Main;
import org.rbmrec.cli.TablePrinter;
import org.rbmrec.cli.VersionProvider;
import org.rbmrec.data.Ratings;
import org.rbmrec.data.source.Dataset;
import org.rbmrec.data.split.Split;
import org.rbmrec.data.split.SplitSpec;
import org.rbmrec.eval.EvaluationConfig;
import org.rbmrec.eval.EvaluationResult;
import org.rbmrec.eval.Evaluator;
import org.rbmrec.model.Recommender;
import org.rbmrec.model.baseline.BiasBaseline;
import org.rbmrec.model.baseline.BiasConfig;
import org.rbmrec.model.rbm.RbmConfig;
import org.rbmrec.model.rbm.RbmModel;
import org.rbmrec.train.EpochListener;
import org.rbmrec.train.ModelKind;
import org.rbmrec.train.TrainingPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rbmrec spark-als [DATA]}: Spark MLlib's ALS side by side with rbmrec's models on one
 * split (default ml-100k u1): each trained on the same training part and scored on every test
 * rating, RMSE, MAE and training time in one table (or one JSON object with {@code --json}).
 * rbmrec's models train on this machine; with {@code --spark-rbm} (the default) the RBM is also
 * trained on Spark by {@link SparkRbmTrainer} with the same configuration, and the largest
 * difference between its weights and the single-machine RBM's is reported.
 *
 * <p>Run it through {@code bin/rbmrec spark-als …}, or {@code spark-submit --class
 * org.rbmrec.spark.SparkAlsCommand} with rbmrec's command-line jar on {@code --jars}.
 */
@Command(
    name = "rbmrec spark-als",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Spark MLlib ALS and rbmrec's models on the same split: RMSE and time.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:internal error (rerun with --debug for the stack trace)",
      "2:user error: bad options, bad or missing data",
      "130:interrupted"
    })
public final class SparkAlsCommand implements Callable<Integer> {
  @Mixin
  private CommonOptions common;

  @Parameters(paramLabel = "DATA", defaultValue = "ml-100k", arity = "0..1",
      description = "A MovieLens name or a path (default: ${DEFAULT-VALUE}).")
  private String data;

  @Option(names = "--split", paramLabel = "SPEC", defaultValue = "u1",
      description = "How to split (as for train; default: ${DEFAULT-VALUE}).")
  private String split;

  @Option(names = "--master", paramLabel = "MASTER", defaultValue = "local[2]",
      description = "Spark master, or submit under spark-submit (default: ${DEFAULT-VALUE}).")
  private String master;

  @Option(names = "--models", paramLabel = "M1,M2", defaultValue = "mf,rbm",
      description = "rbmrec models to train on this machine (default: ${DEFAULT-VALUE}).")
  private String models;

  @Option(names = "--epochs", paramLabel = "N",
      description = "Override the epochs of rbmrec's models.")
  private Integer epochs;

  @Option(names = "--spark-rbm", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Also train the RBM on Spark and compare its weights (default: on).")
  private boolean sparkRbm;

  @Option(names = "--spark-mode", paramLabel = "exact|summed", defaultValue = "exact",
      description = "How the RBM trains on Spark: exact (bit-identical to this machine) or"
          + " summed (rows stay put; equal up to rounding) (default: ${DEFAULT-VALUE}).")
  private String sparkMode;

  @Option(names = "--rank", paramLabel = "R", defaultValue = "10",
      description = "ALS rank (default: ${DEFAULT-VALUE}).")
  private int rank;

  @Option(names = "--reg", paramLabel = "L", defaultValue = "0.1",
      description = "ALS regParam (default: ${DEFAULT-VALUE}).")
  private double reg;

  @Option(names = "--iterations", paramLabel = "N", defaultValue = "10",
      description = "ALS maxIter (default: ${DEFAULT-VALUE}).")
  private int iterations;

  @Option(names = "--debug", description = "On an error, print the stack trace.")
  private boolean debug;

  private final CliServices services;

  SparkAlsCommand(CliServices services) {
    this.services = Objects.requireNonNull(services, "services");
  }

  /** Runs the command with the standard streams and exits with its status. */
  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    System.exit(Main.runTree(new SparkAlsCommand(CliServices.defaults()), args,
        new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  @Override
  public Integer call() {
    SparkAlsPeer.Settings settings =
        new SparkAlsPeer.Settings(rank, reg, iterations, common.seed());
    List<ModelKind> kinds = new ArrayList<>();
    for (String name : models.split(",")) {
      kinds.add(ModelKind.parse(name.trim()));
    }
    SparkRbmTrainer.Mode mode = switch (sparkMode) {
      case "exact" -> SparkRbmTrainer.Mode.EXACT;
      case "summed" -> SparkRbmTrainer.Mode.SUMMED;
      default -> throw new IllegalArgumentException(
          "--spark-mode must be exact or summed, got " + sparkMode);
    };
    if (epochs != null && epochs < 1) {
      throw new IllegalArgumentException("--epochs must be ≥ 1, got " + epochs);
    }
    Dataset dataset = services.datasets().resolve(data, common.dataDir(), common.progress());
    dataset.notices().forEach(common::notice);
    SplitSpec spec = SplitSpec.parse(split);
    Split parts = spec.apply(dataset.ratings(), dataset.location(), common.seed());
    Evaluator evaluator =
        new Evaluator(EvaluationConfig.defaults().withThreads(common.threads()));

    List<Map<String, Object>> results = new ArrayList<>();
    Map<String, Object> json = new LinkedHashMap<>();
    boolean existing = SparkSession.getActiveSession().isDefined();
    SparkSession session = SparkDistributedTrainer.session(master);
    try {
      SparkContext sc = session.sparkContext();
      SparkAlsPeer.Result als = SparkAlsPeer.run(session, parts.train(), parts.test(), settings);
      common.notice(String.format(Locale.ROOT, "Spark ALS: RMSE %.4f in %.2f s", als.rmse(),
          als.fitSeconds()));
      results.add(row("als", "Spark MLlib " + sc.version() + " ALS", "spark " + sc.master(),
          als.rmse(), als.mae(), als.nTest(), als.nFallback(), als.fitSeconds(), iterations,
          Map.of("rank", rank, "regParam", reg, "maxIter", iterations)));
      RbmModel localRbm = null;
      RbmConfig rbmConfig = null;
      for (ModelKind kind : kinds) {
        TrainingPlan plan = plan(kind);
        int[] epochsRun = new int[1];
        long start = System.nanoTime();
        Recommender model =
            plan.fit(parts.train(), null, null, r -> epochsRun[0]++, common.progress());
        double seconds = (System.nanoTime() - start) / 1e9;
        EvaluationResult r = evaluator.evaluate(model, parts.train(), parts.test(),
            common.progress());
        results.add(row(kind.id(), "rbmrec " + kind.id(), "this machine, " + common.threads()
            + " threads", r.rmse(), r.mae(), r.nTest(), r.nFallback(), seconds,
            Math.max(1, epochsRun[0]), plan.hyperparameters()));
        if (kind == ModelKind.RBM && model instanceof RbmModel rbm) {
          localRbm = rbm;
          rbmConfig = (RbmConfig) plan.config();
        }
      }
      if (sparkRbm) {
        if (rbmConfig == null) {
          rbmConfig = (RbmConfig) plan(ModelKind.RBM).config();
        }
        JavaSparkContext context = JavaSparkContext.fromSparkContext(sc);
        int partitions = context.defaultParallelism();
        int[] epochsRun = new int[1];
        long start = System.nanoTime();
        RbmModel distributed = new SparkRbmTrainer(context, partitions, mode).train(rbmConfig,
            parts.train(), null, null,
            BiasBaseline.fit(parts.train(), BiasConfig.defaults(), EpochListener.NONE),
            r -> epochsRun[0]++, common.progress(), EpochCallback.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        EvaluationResult r = evaluator.evaluate(distributed, parts.train(), parts.test(),
            common.progress());
        results.add(row("rbm-spark", "rbmrec rbm on Spark (" + sparkMode + ")", "spark "
            + sc.master() + ", " + partitions + " partitions", r.rmse(), r.mae(), r.nTest(), r.nFallback(), seconds,
            epochsRun[0], rbmConfig.toProperties()));
        if (localRbm != null) {
          json.put("rbm_spark_vs_local_max_abs_weight_diff", maxAbsDiff(
              distributed.parameters().weightsCopy(), localRbm.parameters().weightsCopy()));
        }
      }
    } finally {
      if (!existing) {
        session.stop();
      }
    }

    json.put("data", data);
    json.put("split", spec.describe());
    json.put("n_train", parts.train().size());
    json.put("n_test", parts.test().size());
    json.put("seed", common.seed());
    json.put("results", results);
    if (common.json()) {
      JsonOutput.write(common.out(), json);
    } else {
      TablePrinter table = new TablePrinter(
          "model", "runs on", "RMSE", "MAE", "fallbacks", "fit s", "s/epoch");
      for (Map<String, Object> r : results) {
        table.row(r.get("library"), r.get("runs_on"), fixed(r.get("rmse")), fixed(r.get("mae")),
            r.get("n_fallback"), String.format(Locale.ROOT, "%.2f", (Double) r.get("fit_seconds")),
            String.format(Locale.ROOT, "%.3f", (Double) r.get("epoch_seconds")));
      }
      table.print(common.out(), false);
      Object diff = json.get("rbm_spark_vs_local_max_abs_weight_diff");
      if (diff != null) {
        common.out().println(String.format(Locale.ROOT,
            "RBM on Spark vs this machine: largest weight difference %.2e", (Double) diff));
      }
      common.out().flush();
    }
    return 0;
  }

  private TrainingPlan plan(ModelKind kind) {
    Map<String, String> overrides = new LinkedHashMap<>();
    String key = TrainingPlan.epochsKey(kind);
    if (epochs != null && key != null) {
      overrides.put(key, epochs.toString());
    }
    return TrainingPlan.of(kind, overrides, common.seed(), common.threads());
  }

  private static Map<String, Object> row(String name, String library, String runsOn,
      double rmse, double mae, int nTest, int nFallback, double fitSeconds, int epochs,
      Map<String, ?> settings) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("name", name);
    row.put("library", library);
    row.put("runs_on", runsOn);
    row.put("rmse", rmse);
    row.put("mae", mae);
    row.put("n_test", nTest);
    row.put("n_fallback", nFallback);
    row.put("fit_seconds", fitSeconds);
    row.put("epochs", epochs);
    row.put("epoch_seconds", fitSeconds / epochs);
    row.put("settings", settings);
    return row;
  }

  private static String fixed(Object value) {
    return String.format(Locale.ROOT, "%.4f", (Double) value);
  }

  private static double maxAbsDiff(float[] a, float[] b) {
    double max = 0;
    for (int x = 0; x < a.length; x++) {
      max = Math.max(max, Math.abs(a[x] - b[x]));
    }
    return max;
  }
}
