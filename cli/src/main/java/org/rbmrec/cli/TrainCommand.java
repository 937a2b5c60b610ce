package org.rbmrec.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.rbmrec.data.Ratings;
import org.rbmrec.data.fetch.DataDirectory;
import org.rbmrec.data.movielens.MovieLensVariant;
import org.rbmrec.data.source.Dataset;
import org.rbmrec.data.split.SplitSpec;
import org.rbmrec.eval.EvaluationConfig;
import org.rbmrec.eval.EvaluationResult;
import org.rbmrec.eval.Evaluator;
import org.rbmrec.model.Recommender;
import org.rbmrec.data.DataException;
import org.rbmrec.model.io.CheckpointFiles;
import org.rbmrec.model.io.ModelFiles;
import org.rbmrec.model.rbm.TrainingCheckpoint;
import org.rbmrec.model.rbm.TrainingControl;
import org.rbmrec.train.DistributedTrainer;
import org.rbmrec.train.EpochListener;
import org.rbmrec.train.EpochReport;
import org.rbmrec.train.ModelKind;
import org.rbmrec.train.TrainingPlan;
import org.rbmrec.train.TrainingStoppedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rbmrec train DATA}: splits the data, trains a model, evaluates it on the test part and
 * writes a {@link RunDirectory}. With {@code --json} stdout holds one object with the test
 * metrics at the top level ({@link TestMetricsJson}: {@code model, rmse, mae, n_test,
 * n_fallback} and the ranking metrics at k), then {@code fit_seconds}, {@code epochs},
 * {@code data}, {@code split}, {@code seed}, {@code run_dir}.
 *
 * <p>Protocol: the validation part (for learning curves and hyperparameter selection) is carved
 * from the training part; the test ratings never enter the model's input. The conditional RBM
 * is told which test pairs exist, but not their ratings ({@code --implicit test}), as in the
 * paper's use of the Netflix qualifying set.
 *
 * <p>Interruptions: the RBMs write {@code RUN_DIR/checkpoint.safetensors} at the end of every
 * epoch ({@link CheckpointFiles}). On SIGINT or SIGTERM ({@link StopOnSignal}) training stops
 * at the next mini-batch boundary, writes the checkpoint and the command exits (130 for
 * SIGINT) with one line telling the user to rerun with {@code --resume RUN_DIR}. With
 * {@code --resume} the same command continues the run in its folder exactly where it stopped,
 * appending to its metrics; on a finished run, a larger {@code --epochs} trains further. The
 * data, split and every hyperparameter but epochs and threads must be those of the checkpoint.
 * The baselines train in seconds and keep no checkpoint: {@code --resume} on them is refused.
 */
@Command(
    name = "train",
    description = {
      "Train a model on a data set, evaluate it on the test split and write a run folder.",
      "DATA is a MovieLens name (fetched on first use) or a ratings file or folder."
    })
public final class TrainCommand implements Callable<Integer> {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

  @Mixin
  private CommonOptions common;

  @Mixin
  private ReaderFlags readerFlags;

  @Mixin
  private ModelOptions modelOptions;

  @Parameters(paramLabel = "DATA", description = "A MovieLens name such as ml-100k, or a path.")
  private String data;

  @Option(names = "--model", paramLabel = "MODEL", defaultValue = "rbm-item",
      description = "rbm (user-based), rbm-item (item-based), rbm-cond, rbm-factored, bias, mf,"
          + " svdpp or mean (default: ${DEFAULT-VALUE}, the most accurate RBM on ml-100k).")
  private String model;

  @Option(names = "--split", paramLabel = "SPEC",
      description = "How to split: u1..u5, ua, ub (ml-100k's official files), random:0.1,"
          + " user:0.2, user:k=10, temporal:0.1, temporal-user:0.1, cv:5:1 (default: u1 for"
          + " ml-100k, else random:0.1).")
  private String split;

  @Option(names = "--valid", paramLabel = "F", defaultValue = "0.05",
      description = "Fraction of the training part held out for validation curves, in [0, 1)"
          + " (default: ${DEFAULT-VALUE}).")
  private double validFraction;

  @Option(names = "--implicit", paramLabel = "test|none", defaultValue = "test",
      description = "rbm-cond only: tell the model which test pairs exist (not their ratings)"
          + " (default: ${DEFAULT-VALUE}).")
  private String implicit;

  @Mixin
  private RankingOptions ranking;

  @Option(names = "--spark", paramLabel = "MASTER",
      description = "Train the RBM on Apache Spark at this master (local[2], spark://host:7077,"
          + " yarn, or submit under spark-submit); needs the spark module (bin/rbmrec adds it).")
  private String sparkMaster;

  @Option(names = "--out", paramLabel = "RUN_DIR",
      description = "Run folder to write (default: runs/DATA-MODEL-TIME).")
  private Path out;

  @Option(names = "--resume", paramLabel = "RUN_DIR",
      description = "Continue the interrupted (or finished, with more --epochs) RBM run in"
          + " RUN_DIR from its checkpoint; give the same data, model, split and"
          + " hyperparameters (only --epochs and --threads may change).")
  private Path resume;

  private final CliServices services;

  TrainCommand(CliServices services) {
    this.services = Objects.requireNonNull(services, "services");
  }

  @Override
  public Integer call() {
    ModelKind kind = ModelKind.parse(model);
    if (!(validFraction >= 0 && validFraction < 1)) {
      throw new IllegalArgumentException("--valid must be in [0, 1), got " + validFraction);
    }
    if (!implicit.equals("test") && !implicit.equals("none")) {
      throw new IllegalArgumentException("--implicit must be test or none, got " + implicit);
    }
    TrainingPlan plan =
        TrainingPlan.of(kind, modelOptions.overrides(kind), common.seed(), common.threads());
    EvaluationConfig evaluation = EvaluationConfig.defaults().withK(ranking.k)  // checks -k now
        .withThreads(common.threads()).withMaxRankedUsers(ranking.rankUsers);
    TrainingCheckpoint checkpoint = resume == null ? null : checkpointToResume(kind);
    DistributedTrainer cluster = sparkMaster == null ? null : DistributedTrainer.find()
        .orElseThrow(() -> new IllegalArgumentException("--spark needs rbmrec's spark module on"
            + " the class path: run through bin/rbmrec (it adds the module when --spark is"
            + " given) or spark-submit (see the README)"));
    if (cluster != null) {
      cluster.check(plan, sparkMaster);
    }
    Dataset dataset = services.datasets().resolve(data, common.dataDir(), readerFlags.options(),
        common.progress());
    dataset.notices().forEach(common::notice);
    SplitSpec spec = SplitSpec.parse(split != null ? split : defaultSplit(dataset));
    RunParts parts = RunParts.of(dataset, spec, common.seed(), validFraction);
    Ratings train = parts.train();
    Ratings valid = parts.valid();
    RunDirectory run = resume != null ? RunDirectory.existing(resume)
        : RunDirectory.create(out != null ? out : defaultRunDir(kind));
    Map<String, Object> runJson = runJson(kind, plan, dataset, spec, train, valid, parts.test());
    if (checkpoint != null) {
      runJson.put("resumed_after", TrainingStoppedException.describe(
          checkpoint.epochsCompleted(), checkpoint.rowsDone()));
      runJson.put("first_started", run.readJson(RunDirectory.RUN_JSON).path("started").asText());
    }

    run.writeJson(RunDirectory.RUN_JSON, runJson);

    List<EpochReport> reports = new ArrayList<>();
    long start = System.nanoTime();
    Recommender trained;
    Path checkpointFile = run.file(CheckpointFiles.FILE_NAME);
    try (StopOnSignal signal = plan.checkpoints() && cluster == null
        ? StopOnSignal.install(StopOnSignal.DEFAULT_WAIT)
        : null;
        EpochRecorder recorder = new EpochRecorder(run, reports,
            checkpoint == null ? 0 : checkpoint.epochsCompleted())) {
      TrainingControl control = new TrainingControl(plan.checkpoints() ? CheckpointFiles.store(checkpointFile)
          : null, checkpoint, signal == null ? null : signal.request(), runFacts(kind, spec));
      Ratings implicitPairs = kind == ModelKind.RBM_COND && implicit.equals("test")
          ? parts.test() : null;
      if (cluster == null) {
        try {
          trained = plan.fit(train, valid, implicitPairs, recorder, common.progress(), control);
        } catch (TrainingStoppedException e) {
          common.err().println(ErrorHandler.PREFIX + "interrupted after "
              + TrainingStoppedException.describe(e.epochsCompleted(), e.rowsDone())
              + "; checkpoint saved in " + checkpointFile + "; rerun the same command with"
              + " --resume " + run.path() + " to continue");
          common.err().flush();
          return ExitCode.INTERRUPTED;
        }
      } else {
        trained = cluster.fit(plan, sparkMaster, train, valid, implicitPairs, recorder,
            common.progress(), control);
      }
    }
    double fitSeconds = (System.nanoTime() - start) / 1e9;
    ModelFiles.save(trained, train, run.file(RunDirectory.MODEL), provenance(kind, spec));

    EvaluationResult result = new Evaluator(evaluation.withDefaultThresholdFor(train.scale()))
        .evaluate(trained, train, parts.test(), common.progress());
    Map<String, Object> json = resultJson(kind, result, fitSeconds, reports.size(), run,
        spec);
    run.writeJson(RunDirectory.RESULT_JSON, json);
    run.writeJson(RunDirectory.METRICS_JSON, Map.of("epochs", reports));
    if (!reports.isEmpty()) {
      writeCurves(run);
    }
    run.markComplete();
    if (common.json()) {
      JsonOutput.write(common.out(), json);
    } else {
      printSummary(json);
    }
    return ExitCode.OK;
  }

  /**
   * The checkpoint of the run to resume, after checking that the model can resume and that
   * {@code --out}, if given, names the same folder.
   */
  private TrainingCheckpoint checkpointToResume(ModelKind kind) {
    if (!kind.isRbm()) {
      throw new IllegalArgumentException(TrainingPlan.noCheckpointMessage(kind));
    }
    if (out != null && !out.toAbsolutePath().normalize()
        .equals(resume.toAbsolutePath().normalize())) {
      throw new IllegalArgumentException("--out " + out + " differs from --resume " + resume
          + ": a resumed run continues in its own folder; drop --out");
    }
    Path file = RunDirectory.existing(resume).file(CheckpointFiles.FILE_NAME);
    if (!Files.isRegularFile(file)) {
      throw new DataException(resume + " has no " + CheckpointFiles.FILE_NAME + " to resume"
          + " from (it stopped before its first checkpoint, or is not an RBM run); train it"
          + " afresh without --resume");
    }
    return CheckpointFiles.read(file);
  }

  /** What must not change when the run resumes, besides the data and the hyperparameters. */
  private Map<String, String> runFacts(ModelKind kind, SplitSpec spec) {
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("model", kind.id());
    facts.put("split", spec.describe());
    facts.put("valid_fraction", Double.toString(validFraction));
    facts.put("implicit", kind == ModelKind.RBM_COND ? implicit : "none");
    return facts;
  }

  private static String defaultSplit(Dataset dataset) {
    return dataset.variant().filter(v -> v == MovieLensVariant.ML_100K).isPresent()
        ? "u1" : "random:0.1";
  }

  private Path defaultRunDir(ModelKind kind) {
    String base = Path.of(data).getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
    return Path.of("runs", base + "-" + kind.id() + "-" + STAMP.format(LocalDateTime.now()));
  }

  private Map<String, Object> runJson(
      ModelKind kind, TrainingPlan plan, Dataset dataset, SplitSpec spec, Ratings train,
      Ratings valid, Ratings test) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("model", kind.id());
    json.put("data", data);
    json.put("data_source", dataset.description());
    json.put("data_dir", DataDirectory.resolve(common.dataDir()).path().toAbsolutePath()
        .toString());
    json.put("data_fingerprint", Long.toHexString(dataset.ratings().fingerprint()));
    json.put("reader", readerFlags.asMap());
    json.put("split", spec.describe());
    json.put("valid_fraction", validFraction);
    json.put("implicit", kind == ModelKind.RBM_COND ? implicit : "none");
    json.put("seed", common.seed());
    json.put("threads", common.threads());
    if (sparkMaster != null) {
      json.put("spark", sparkMaster);
    }
    json.put("n_train", train.size());
    json.put("n_valid", valid == null ? 0 : valid.size());
    json.put("n_test", test.size());
    json.put("hyperparameters", plan.hyperparameters());
    json.put("rbmrec_version", VersionProvider.projectVersion());
    json.put("java_version", System.getProperty("java.version"));
    json.put("started", Instant.now().toString());
    return json;
  }

  private Map<String, String> provenance(ModelKind kind, SplitSpec spec) {
    Map<String, String> provenance = new LinkedHashMap<>();
    provenance.put("model", kind.id());
    provenance.put("data", data);
    provenance.put("split", spec.describe());
    provenance.put("valid_fraction", Double.toString(validFraction));
    provenance.put("seed", Long.toString(common.seed()));
    return provenance;
  }

  private Map<String, Object> resultJson(
      ModelKind kind, EvaluationResult r, double fitSeconds, int epochs, RunDirectory run,
      SplitSpec spec) {
    Map<String, Object> json = TestMetricsJson.of(kind.id(), r);
    json.put("fit_seconds", fitSeconds);
    json.put("epochs", epochs);
    json.put("data", data);
    json.put("split", spec.describe());
    json.put("seed", common.seed());
    json.put("run_dir", run.path().toString());
    return json;
  }

  private void writeCurves(RunDirectory run) {
    try {
      MetricsCsv.Contents metrics = MetricsCsv.read(run.file(MetricsCsv.FILE_NAME));
      List<String> wanted = new ArrayList<>();
      for (String name : List.of("train_rmse", "valid_rmse", "recon_error", "free_energy_gap")) {
        if (metrics.metricNames().contains(name)) {
          wanted.add(name);
        }
      }
      if (wanted.isEmpty()) {
        return;
      }
      LearningCurvePlot.writePng(LearningCurvePlot.render(
          List.of(new LearningCurvePlot.Run(model, metrics)), wanted,
          LearningCurvePlot.Size.defaults()), run.file(RunDirectory.CURVES_PNG));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot draw the learning curves", e);
    }
  }

  private void printSummary(Map<String, Object> json) {
    TablePrinter table = new TablePrinter("metric", "value");
    for (String key : List.of("model", "data", "split", "n_test", "n_fallback", "rmse", "mae",
        "precision", "recall", "ndcg", "map", "hit_rate", "coverage", "epochs", "fit_seconds")) {
      Object value = json.get(key);
      String label = key.equals("precision") || key.equals("recall") || key.equals("ndcg")
          || key.equals("map") || key.equals("hit_rate") ? key + "@" + ranking.k : key;
      table.row(label, value instanceof Double d ? String.format(Locale.ROOT, "%.4f", d)
          : String.valueOf(value));
    }
    table.print(common.out(), false);
    common.out().println("run folder: " + json.get("run_dir"));
    common.out().flush();
  }

  /**
   * Writes each epoch's report to metrics.csv as it arrives and keeps it for metrics.json. A
   * resumed run first keeps the reports of the epochs its checkpoint completed.
   */
  private static final class EpochRecorder implements EpochListener, AutoCloseable {
    private final RunDirectory run;
    private final List<EpochReport> reports;
    private MetricsCsv.Writer writer;

    /**
     * @param kept epochs whose reports already in metrics.csv are kept (those of the
     *     checkpoint); 0 for a fresh run
     */
    EpochRecorder(RunDirectory run, List<EpochReport> reports, int kept) {
      this.run = run;
      this.reports = reports;
      Path csv = run.file(MetricsCsv.FILE_NAME);
      if (kept > 0 && Files.isRegularFile(csv)) {
        MetricsCsv.Contents old = MetricsCsv.read(csv);
        List<EpochReport> earlier = new ArrayList<>();
        for (EpochReport report : old.epochs()) {
          if (report.epoch() <= kept) {
            earlier.add(report);
          }
        }
        if (!earlier.isEmpty()) {
          try {
            writer = MetricsCsv.Writer.create(csv, old.metricNames());
          } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + MetricsCsv.FILE_NAME, e);
          }
          earlier.forEach(this::onEpoch);
        }
      }
    }

    @Override
    public void onEpoch(EpochReport report) {
      reports.add(report);
      try {
        if (writer == null) {
          Path csv = run.file(MetricsCsv.FILE_NAME);
          Files.deleteIfExists(csv);
          writer = MetricsCsv.Writer.create(csv, new ArrayList<>(report.metrics().keySet()));
        }
        writer.onEpoch(report);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + MetricsCsv.FILE_NAME, e);
      }
    }

    @Override
    public void close() {
      if (writer != null) {
        try {
          writer.close();
        } catch (IOException e) {
          throw new UncheckedIOException("cannot close " + MetricsCsv.FILE_NAME, e);
        }
      }
    }
  }
}
