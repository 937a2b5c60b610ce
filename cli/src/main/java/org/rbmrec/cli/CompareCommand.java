package org.rbmrec.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import org.rbmrec.data.Ratings;
import org.rbmrec.data.movielens.MovieLensVariant;
import org.rbmrec.data.source.Dataset;
import org.rbmrec.data.split.SplitSpec;
import org.rbmrec.eval.EvaluationConfig;
import org.rbmrec.eval.EvaluationResult;
import org.rbmrec.eval.Evaluator;
import org.rbmrec.model.Recommender;
import org.rbmrec.progress.Progress;
import org.rbmrec.train.EpochListener;
import org.rbmrec.train.ModelKind;
import org.rbmrec.train.TrainingPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rbmrec compare DATA --models rbm,bias,mf}: trains and evaluates every model on the same
 * folds with the same seed, and reports per model the mean ± sample standard deviation over
 * folds of RMSE, MAE, NDCG@k, fit seconds and predict seconds. Writes {@code compare.md},
 * {@code compare.csv} and {@code compare.json} (see {@link ComparisonReport}) into the output
 * folder; with {@code --json} stdout holds the {@code compare.json} object.
 *
 * <p>Protocol: each fold is split once and every model sees the same training and test parts.
 * By default no validation part is carved out ({@code --valid 0}), so models train on the whole
 * training part, unlike {@code train}'s default of 0.05; a validation part, when asked for, is
 * only monitored. The conditional RBM is told which test pairs exist (not their ratings), as
 * {@code train} does by default. Each (model, fold) row is appended to {@code compare.csv} as it
 * finishes; the summary rows and the other files follow at the end. Hyperparameter options
 * apply to the models they fit: {@code --set}/{@code --config} names go to the models that have
 * them, {@code --epochs} to all but {@code mean}, {@code --hidden} to the RBMs, {@code mf} and
 * {@code svdpp}.
 */
@Command(
    name = "compare",
    description = {
      "Train and evaluate several models on the same folds with the same seed and print one"
          + " table of mean ± std over folds.",
      "DATA is a MovieLens name (fetched on first use) or a ratings file or folder.",
      "Writes compare.md, compare.csv and compare.json into the output folder."
    })
public final class CompareCommand implements Callable<Integer> {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);
  private static final int DEFAULT_CV_FOLDS = 5;

  @Mixin
  private CommonOptions common;

  @Mixin
  private ReaderFlags readerFlags;

  @Mixin
  private ModelOptions modelOptions;

  @Parameters(paramLabel = "DATA", description = "A MovieLens name such as ml-100k, or a path.")
  private String data;

  @Option(names = "--models", paramLabel = "M1,M2,…", defaultValue = "rbm,rbm-item,bias,mf,svdpp",
      description = "Comma-separated models among " + "rbm, rbm-item, rbm-cond, rbm-factored,"
          + " bias, mf, svdpp, mean (default: ${DEFAULT-VALUE}).")
  private String models;

  @Option(names = "--folds", paramLabel = "SPEC,…",
      description = "Comma-separated split specs, one per fold, e.g. u1,u2,u3,u4,u5 or"
          + " cv:5:1,cv:5:2 (default: u1 for ml-100k, else the folds of --cv 5).")
  private String folds;

  @Option(names = "--cv", paramLabel = "K",
      description = "Use the K folds of K-fold cross-validation, cv:K:1 … cv:K:K.")
  private Integer cv;

  @Option(names = "--valid", paramLabel = "F", defaultValue = "0",
      description = "Fraction of each training part held out and monitored (never trained on),"
          + " in [0, 1) (default: ${DEFAULT-VALUE}: models train on the whole training part).")
  private double validFraction;

  @Option(names = "-k", paramLabel = "K", defaultValue = "10",
      description = "Cut-off of NDCG (default: ${DEFAULT-VALUE}).")
  private int k;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Folder for compare.md, compare.csv and compare.json"
          + " (default: runs/compare-DATA-TIME).")
  private Path out;

  private final CliServices services;

  CompareCommand(CliServices services) {
    this.services = Objects.requireNonNull(services, "services");
  }

  @Override
  public Integer call() {
    if (!(validFraction >= 0 && validFraction < 1)) {
      throw new IllegalArgumentException("--valid must be in [0, 1), got " + validFraction);
    }
    if (folds != null && cv != null) {
      throw new IllegalArgumentException("give either --folds or --cv, not both");
    }
    Evaluator evaluator =
        new Evaluator(EvaluationConfig.defaults().withK(k).withThreads(common.threads()));
    List<ModelKind> kinds = parseModels(models);
    List<TrainingPlan> plans = plans(kinds);
    List<SplitSpec> specs = folds != null ? parseFolds(folds) : cv != null ? cvFolds(cv) : null;

    Progress progress = common.progress();
    Dataset dataset = services.datasets().resolve(data, common.dataDir(), readerFlags.options(),
        progress);
    dataset.notices().forEach(common::notice);
    evaluator = new Evaluator(
        evaluator.config().withDefaultThresholdFor(dataset.ratings().scale()));
    if (specs == null) {
      specs = defaultFolds(dataset);
    }
    requireOfficialData(specs, dataset);
    RunDirectory folder = RunDirectory.create(out != null ? out : defaultOut());

    Path partialCsv = folder.file(ComparisonReport.CSV);
    writeNew(partialCsv, ComparisonReport.csvHeader());
    List<Comparison.ModelResultsBuilder> builders = new ArrayList<>();
    for (TrainingPlan plan : plans) {
      builders.add(new Comparison.ModelResultsBuilder(plan.kind().id(),
          plan.hyperparameters()));
    }
    for (SplitSpec spec : specs) {
      RunParts parts = RunParts.of(dataset, spec, common.seed(), validFraction);
      Ratings train = parts.train();
      Ratings valid = parts.valid();
      for (int m = 0; m < plans.size(); m++) {
        Comparison.FoldResult result =
            runOne(plans.get(m), spec, train, valid, parts.test(), evaluator, progress);
        builders.get(m).add(result);
        appendLine(partialCsv, ComparisonReport.csvRow(plans.get(m).kind().id(), result));
        common.notice(String.format(Locale.ROOT,
            "%s on %s: RMSE %.4f, MAE %.4f, NDCG@%d %.4f, fit %.2f s, predict %.2f s",
            plans.get(m).kind().id(), result.fold(), result.rmse(), result.mae(), k,
            result.ndcg(), result.fitSeconds(), result.predictSeconds()));
      }
    }

    List<Comparison.ModelResults> results = new ArrayList<>();
    builders.forEach(b -> results.add(b.build()));
    List<String> foldNames = specs.stream().map(SplitSpec::describe).toList();
    Comparison comparison = new Comparison(data, foldNames, common.seed(),
        protocol(dataset, evaluator.config(), kinds), results);
    ComparisonReport report = new ComparisonReport(comparison, k);
    report.writeTo(folder.path());
    if (common.json()) {
      Map<String, Object> json = report.toJson();
      json.put("out_dir", folder.path().toString());
      JsonOutput.write(common.out(), json);
    } else {
      report.table().print(common.out(), false);
      common.out().println("wrote " + folder.file(ComparisonReport.MARKDOWN) + ", "
          + ComparisonReport.CSV + " and " + ComparisonReport.JSON);
      common.out().flush();
    }
    return ExitCode.OK;
  }

  private Comparison.FoldResult runOne(
      TrainingPlan plan, SplitSpec spec, Ratings train, Ratings valid, Ratings test,
      Evaluator evaluator, Progress progress) {
    Ratings implicitPairs = plan.kind() == ModelKind.RBM_COND ? test : null;
    long start = System.nanoTime();
    Recommender model = plan.fit(train, valid, implicitPairs, EpochListener.NONE, progress);
    long fitted = System.nanoTime();
    EvaluationResult r = evaluator.evaluate(model, train, test, progress);
    long evaluated = System.nanoTime();
    return new Comparison.FoldResult(spec.describe(), r.rmse(), r.mae(), r.ndcg(),
        (fitted - start) / 1e9, (evaluated - fitted) / 1e9, r.nTest(), r.nFallback());
  }

  private static void writeNew(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static void appendLine(Path file, String line) {
    try {
      Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + file, e);
    }
  }

  /** The models named in {@code text}, comma-separated, each once. */
  static List<ModelKind> parseModels(String text) {
    Set<ModelKind> kinds = new LinkedHashSet<>();
    for (String name : text.split(",")) {
      if (name.isBlank()) {
        continue;
      }
      ModelKind kind = ModelKind.parse(name);
      if (!kinds.add(kind)) {
        throw new IllegalArgumentException("model " + kind.id() + " is listed twice in --models");
      }
    }
    if (kinds.isEmpty()) {
      throw new IllegalArgumentException("--models must name at least one model; known: "
          + ModelKind.names());
    }
    return List.copyOf(kinds);
  }

  /**
   * The split specs in {@code text}, comma-separated. A piece that starts with {@code min=}
   * belongs to the per-user spec before it ({@code user:0.2,min=3}).
   */
  static List<SplitSpec> parseFolds(String text) {
    List<String> pieces = new ArrayList<>();
    for (String piece : text.split(",")) {
      String p = piece.trim();
      if (p.isEmpty()) {
        continue;
      }
      if (p.startsWith("min=") && !pieces.isEmpty()) {
        pieces.set(pieces.size() - 1, pieces.get(pieces.size() - 1) + "," + p);
      } else {
        pieces.add(p);
      }
    }
    if (pieces.isEmpty()) {
      throw new IllegalArgumentException("--folds must name at least one split, got \"" + text
          + "\"");
    }
    List<SplitSpec> specs = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String p : pieces) {
      SplitSpec spec = SplitSpec.parse(p);
      if (!seen.add(spec.describe())) {
        throw new IllegalArgumentException("fold " + spec.describe() + " is listed twice in"
            + " --folds");
      }
      specs.add(spec);
    }
    return specs;
  }

  /** The folds cv:K:1 … cv:K:K. */
  static List<SplitSpec> cvFolds(int folds) {
    List<SplitSpec> specs = new ArrayList<>();
    for (int f = 1; f <= folds; f++) {
      specs.add(SplitSpec.parse("cv:" + folds + ":" + f));
    }
    return specs;
  }

  /** Rejects an official ml-100k fold on other data before anything is trained. */
  private static void requireOfficialData(List<SplitSpec> specs, Dataset dataset) {
    if (isMl100k(dataset)) {
      return;
    }
    for (SplitSpec spec : specs) {
      if (spec instanceof SplitSpec.Official) {
        throw new IllegalArgumentException("fold " + spec.describe() + " is an official"
            + " ml-100k split, but " + dataset.name() + " is not ml-100k; use --cv K or"
            + " cv:K:FOLD folds");
      }
    }
  }

  private static boolean isMl100k(Dataset dataset) {
    return dataset.variant().filter(v -> v == MovieLensVariant.ML_100K).isPresent();
  }

  private static List<SplitSpec> defaultFolds(Dataset dataset) {
    return isMl100k(dataset) ? List.of(SplitSpec.parse("u1")) : cvFolds(DEFAULT_CV_FOLDS);
  }

  private List<TrainingPlan> plans(List<ModelKind> kinds) {
    Set<String> allKnown = new LinkedHashSet<>();
    List<Set<String>> known = new ArrayList<>();
    for (ModelKind kind : kinds) {
      Set<String> names = TrainingPlan.of(kind, Map.of(), common.seed(), common.threads())
          .hyperparameters().keySet();
      known.add(names);
      allKnown.addAll(names);
    }
    modelOptions.checkApplies(kinds, allKnown);
    List<TrainingPlan> plans = new ArrayList<>();
    for (int m = 0; m < kinds.size(); m++) {
      ModelKind kind = kinds.get(m);
      plans.add(TrainingPlan.of(kind, modelOptions.overridesWhereKnown(kind, known.get(m)),
          common.seed(), common.threads()));
    }
    return plans;
  }

  private static String notes(List<ModelKind> kinds) {
    StringBuilder notes = new StringBuilder();
    if (kinds.stream().anyMatch(ModelKind::isRbm)) {
      notes.append(" The RBMs fall back to the bias baseline for rows without training"
          + " ratings.");
    }
    if (kinds.contains(ModelKind.RBM_COND)) {
      notes.append(" rbm-cond is told which test pairs exist, not their ratings.");
    }
    return notes.toString();
  }

  private Map<String, Object> protocol(
      Dataset dataset, EvaluationConfig evaluation, List<ModelKind> kinds) {
    Runtime runtime = Runtime.getRuntime();
    Ratings all = dataset.ratings();
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("data_source", dataset.description());
    p.put("data_fingerprint", Long.toHexString(all.fingerprint()));
    p.put("n_ratings", all.size());
    p.put("n_users", all.numUsers());
    p.put("n_items", all.numItems());
    p.put("valid_fraction", validFraction);
    p.put("k", evaluation.k());
    p.put("relevance_threshold", evaluation.relevanceThreshold());
    p.put("notes", notes(kinds).strip());
    p.put("threads", common.threads());
    p.put("processors", runtime.availableProcessors());
    p.put("max_heap_mib", runtime.maxMemory() / (1024 * 1024));
    p.put("java_version", System.getProperty("java.version"));
    p.put("os_name", System.getProperty("os.name"));
    p.put("os_arch", System.getProperty("os.arch"));
    p.put("rbmrec_version", VersionProvider.projectVersion());
    p.put("date", Instant.now().toString());
    return p;
  }

  private Path defaultOut() {
    String base = Path.of(data).getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
    return Path.of("runs", "compare-" + base + "-" + STAMP.format(LocalDateTime.now()));
  }
}
