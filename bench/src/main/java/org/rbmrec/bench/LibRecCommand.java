package org.rbmrec.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.rbmrec.bench.librec.LibRecBiasedMf;
import org.rbmrec.bench.librec.LibRecModel;
import org.rbmrec.bench.librec.LibRecRbm;
import org.rbmrec.bench.librec.LibRecRunner;
import org.rbmrec.bench.librec.LibRecSvdPlusPlus;
import org.rbmrec.bench.librec.OfficialFold;
import org.rbmrec.bench.librec.PeerReport;
import org.rbmrec.bench.librec.PeerResult;
import org.rbmrec.cli.CliServices;
import org.rbmrec.cli.CommonOptions;
import org.rbmrec.cli.ExitCode;
import org.rbmrec.cli.JsonOutput;
import org.rbmrec.cli.VersionProvider;
import org.rbmrec.data.DataException;
import org.rbmrec.data.Ratings;
import org.rbmrec.data.movielens.MovieLensVariant;
import org.rbmrec.data.source.Dataset;
import org.rbmrec.data.split.OfficialSplit;
import org.rbmrec.data.split.Split;
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

/**
 * {@code rbmrec bench librec}: rbmrec's user-based RBM, item-based RBM, MF and SVD++ and LibRec
 * 2.0.0's RBM, BiasedMF and SVD++ trained and scored on the same official ml-100k folds in one
 * JVM. Prints a table, or with {@code --json} exactly one {@link SideBySideReport} object.
 *
 * <p>Protocol: for each fold, each model of ours is trained on the fold's training part and
 * scored on its test part, then LibRec's counterpart is run on the same fold's files
 * ({@link LibRecRunner}), so both sides meet the same machine load. The RBMs get the same number
 * of hidden units F ({@code --hidden}, default {@value #DEFAULT_HIDDEN}). Otherwise each side
 * keeps its own defaults: ours were chosen on a validation split carved from u1.base; LibRec's
 * RBM uses LibRec's own test settings, its MF and SVD++ the settings documented in
 * {@link LibRecBiasedMf#defaults()} and {@link LibRecSvdPlusPlus#defaults()}. {@code --epochs}
 * and {@code --factors} set both sides at once. Epoch counts differ by default, so the fair speed
 * figure is seconds per epoch ({@code fit_seconds / epochs} on both sides).
 */
@Command(
    name = "librec",
    description = {
      "rbmrec's RBM, item-based RBM, MF and SVD++ side by side with LibRec 2.0.0's RBM,"
          + " BiasedMF and SVD++ on the same official ml-100k folds, in one JVM.",
      "Prints a table of RMSE, MAE and seconds per epoch; with --json one object with"
          + " per-fold values, ratios (LibRec ÷ ours for times, ours − LibRec for errors)"
          + " and the protocol."
    })
public final class LibRecCommand implements Callable<Integer> {
  /** Epochs of the CD-1 timing run of an RBM whose own schedule has no CD-1 epochs. */
  static final int CD1_TIMING_EPOCHS = 5;

  /** Hidden units of both RBMs unless {@code --hidden} says otherwise. */
  public static final int DEFAULT_HIDDEN = 100;

  private static final String DATA = "ml-100k";
  private static final List<String> MODEL_NAMES = List.of("rbm", "rbm-item", "mf", "svdpp");

  @Mixin
  private CommonOptions common;

  @Option(names = "--folds", paramLabel = "u1,u2,…", defaultValue = "u1",
      description = "Official ml-100k folds among " + "u1, u2, u3, u4, u5, ua, ub,"
          + " comma-separated (default: ${DEFAULT-VALUE}).")
  private String folds;

  @Option(names = "--models", paramLabel = "M1,M2,…", defaultValue = "rbm,rbm-item,mf,svdpp",
      description = "Models among rbm, rbm-item, mf, svdpp, comma-separated; rbm-item is"
          + " rbmrec's item-based RBM, compared with LibRec's user-based RBM"
          + " (default: ${DEFAULT-VALUE}).")
  private String models;

  @Option(names = "--hidden", paramLabel = "F", defaultValue = "" + DEFAULT_HIDDEN,
      description = "Hidden units of every RBM, ours and LibRec's (default: ${DEFAULT-VALUE}).")
  private int hidden;

  @Option(names = "--epochs", paramLabel = "N",
      description = "Epochs of every model on both sides (default: each model's own).")
  private Integer epochs;

  @Option(names = "--factors", paramLabel = "K",
      description = "Latent factors of MF and SVD++ on both sides (default: each side's own).")
  private Integer factors;

  private final CliServices services;

  LibRecCommand(CliServices services) {
    this.services = Objects.requireNonNull(services, "services");
  }

  @Override
  public Integer call() {
    List<String> foldNames = parseFolds(folds);
    List<String> modelNames = parseModels(models);
    if (hidden < 1) {
      throw new IllegalArgumentException("--hidden must be >= 1, got " + hidden);
    }
    if (epochs != null && epochs < 1) {
      throw new IllegalArgumentException("--epochs must be >= 1, got " + epochs);
    }
    if (factors != null && factors < 1) {
      throw new IllegalArgumentException("--factors must be >= 1, got " + factors);
    }
    Map<String, TrainingPlan> plans = new LinkedHashMap<>();
    Map<String, LibRecModel> peers = new LinkedHashMap<>();
    for (String name : modelNames) {
      plans.put(name, plan(ModelKind.parse(name)));
      LibRecModel peer = peer(name);
      if (peer != null) {
        peers.put(name, peer);
      }
    }

    Progress progress = common.progress();
    Dataset dataset = services.datasets().resolve(DATA, common.dataDir(), progress);
    dataset.notices().forEach(common::notice);
    if (dataset.variant().filter(v -> v == MovieLensVariant.ML_100K).isEmpty()) {
      throw new DataException(dataset.description() + " is not ml-100k");
    }
    Evaluator evaluator = new Evaluator(EvaluationConfig.defaults().withThreads(common.threads()));
    LibRecRunner runner = new LibRecRunner(common.seed());
    PeerReport peerReport = new PeerReport(common.seed(), foldNames);
    SideBySideReport report = new SideBySideReport(foldNames, peerReport, protocol(dataset));
    for (String name : modelNames) {
      ModelKind kind = ModelKind.parse(name);
      report.declare(new SideBySideReport.Entry(jsonKey(name), label(name),
          TrainingPlan.hiddenKey(kind), size(plans.get(name)), kind.isRbm() ? "rbm" : name));
    }
    peers.forEach((name, peer) -> report.declareLibRecSize(name,
        peer instanceof LibRecRbm ? "hidden" : "factors", peerSize(peer)));

    Path scratch = null;
    try {
      for (String foldName : foldNames) {
        Split split = SplitSpec.parse(foldName).apply(dataset.ratings(), dataset.location(),
            common.seed());
        if (scratch == null && !Files.isDirectory(dataset.location())) {
          scratch = Files.createTempDirectory("rbmrec-bench-folds-");
        }
        OfficialFold fold = officialFold(dataset.location(), foldName, scratch);
        for (String name : modelNames) {
          OwnResult mine = runOurs(name, plans.get(name), foldName, split.train(), split.test(),
              evaluator, progress);
          report.add(jsonKey(name), mine);
          common.notice(String.format(Locale.ROOT,
              "rbmrec %s on %s: RMSE %.4f, MAE %.4f, %d epochs in %.2f s", name, foldName,
              mine.rmse(), mine.mae(), mine.epochs(), mine.fitSeconds()));
          LibRecModel peer = peers.get(name);
          if (peer != null) {
            PeerResult theirs = runner.run(peer, fold);
            peerReport.add(peer.kind().key(), theirs);
            common.notice(String.format(Locale.ROOT,
                "LibRec %s on %s: RMSE %.4f, MAE %.4f, %d epochs in %.2f s", peer.kind().key(),
                foldName, theirs.rmse(), theirs.mae(), theirs.epochs(), theirs.fitSeconds()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stage the official split files", e);
    } finally {
      deleteQuietly(scratch);
    }

    if (common.json()) {
      JsonOutput.write(common.out(), report.toJson());
    } else {
      report.table().print(common.out(), false);
      report.warnings().forEach(common.out()::println);
      common.out().flush();
    }
    return ExitCode.OK;
  }

  private OwnResult runOurs(String name, TrainingPlan plan, String fold, Ratings train,
      Ratings test, Evaluator evaluator, Progress progress) {
    int[] epochsRun = new int[1];
    Map<Integer, double[]> byK = new TreeMap<>();
    EpochListener listener = report -> {
      epochsRun[0]++;
      double k = report.metric("k");
      if (!Double.isNaN(k)) {
        double[] sumAndCount = byK.computeIfAbsent((int) k, key -> new double[2]);
        sumAndCount[0] += report.seconds();
        sumAndCount[1]++;
      }
    };
    long start = System.nanoTime();
    Recommender model = plan.fit(train, null, null, listener, progress);
    double fitSeconds = (System.nanoTime() - start) / 1e9;
    EvaluationResult scored = evaluator.evaluate(model, train, test, progress);
    Map<Integer, Double> secondsByK = new TreeMap<>();
    byK.forEach((k, sumAndCount) -> secondsByK.put(k, sumAndCount[0] / sumAndCount[1]));
    if (plan.kind().isRbm()) {
      secondsByK.put(1, cd1EpochSeconds(plan, train, progress));
    }
    return new OwnResult(name, fold, scored.rmse(), scored.mae(), fitSeconds,
        Math.max(1, epochsRun[0]), plan.hyperparameters(), secondsByK);
  }

  /**
   * The mean epoch time of CD-1 with {@code plan}'s other settings, from a short timing-only run
   * of {@value #CD1_TIMING_EPOCHS} epochs (its model is thrown away) without the per-epoch
   * training-RMSE monitor (LibRec's epochs measure nothing): it makes the per-epoch comparison
   * with LibRec's CD-1 like for like, for every RBM (whether or not its schedule uses CD-1).
   */
  private double cd1EpochSeconds(TrainingPlan plan, Ratings train, Progress progress) {
    Map<String, String> overrides = new LinkedHashMap<>(plan.hyperparameters());
    overrides.put("cdSchedule", "1:1");
    overrides.put("epochs", Integer.toString(CD1_TIMING_EPOCHS));
    overrides.put("averageEpochs", "0");
    overrides.put("monitorRows", "0"); // like LibRec's epochs: training only, no per-epoch RMSE
    TrainingPlan cd1 = TrainingPlan.of(plan.kind(), overrides, common.seed(), common.threads());
    double[] seconds = {0};
    cd1.fit(train, null, null, report -> seconds[0] += report.seconds(), progress);
    return seconds[0] / CD1_TIMING_EPOCHS;
  }

  private TrainingPlan plan(ModelKind kind) {
    Map<String, String> overrides = new LinkedHashMap<>();
    if (kind.isRbm()) {
      overrides.put("hidden", Integer.toString(hidden));
    } else if (factors != null) {
      overrides.put("factors", Integer.toString(factors));
    }
    if (epochs != null) {
      overrides.put(TrainingPlan.epochsKey(kind), Integer.toString(epochs));
    }
    return TrainingPlan.of(kind, overrides, common.seed(), common.threads());
  }

  /** LibRec's counterpart of our model {@code name}, or null when it has none. */
  private LibRecModel peer(String name) {
    switch (name) {
      case "rbm" -> {
        LibRecRbm rbm = LibRecRbm.defaults().withHiddenUnits(hidden);
        return epochs != null ? rbm.withEpochs(epochs) : rbm;
      }
      case "mf" -> {
        LibRecBiasedMf mf = LibRecBiasedMf.defaults();
        mf = factors != null ? mf.withFactors(factors) : mf;
        return epochs != null ? mf.withEpochs(epochs) : mf;
      }
      case "svdpp" -> {
        LibRecSvdPlusPlus svdpp = LibRecSvdPlusPlus.defaults();
        svdpp = factors != null ? svdpp.withFactors(factors) : svdpp;
        return epochs != null ? svdpp.withEpochs(epochs) : svdpp;
      }
      default -> {
        return null;
      }
    }
  }

  private static int size(TrainingPlan plan) {
    return Integer.parseInt(plan.hyperparameters().get(TrainingPlan.hiddenKey(plan.kind())));
  }

  private static int peerSize(LibRecModel peer) {
    if (peer instanceof LibRecRbm rbm) {
      return rbm.hiddenUnits();
    }
    if (peer instanceof LibRecBiasedMf mf) {
      return mf.factors();
    }
    return ((LibRecSvdPlusPlus) peer).factors();
  }

  private static String jsonKey(String name) {
    return name.replace('-', '_');
  }

  private static String label(String name) {
    return switch (name) {
      case "rbm" -> "rbmrec user-based RBM (the same kind of model as LibRec's RBMRecommender)";
      case "rbm-item" -> "rbmrec item-based RBM (our best RBM; LibRec has no item-based RBM, so"
          + " it is held against LibRec's user-based RBMRecommender)";
      case "mf" -> "rbmrec biased matrix factorisation (SGD)";
      default -> "rbmrec SVD++ (SGD)";
    };
  }

  /** The fold names in {@code text}, comma-separated, each an official ml-100k split, once. */
  static List<String> parseFolds(String text) {
    return parseList("--folds", "fold", text, OfficialSplit.NAMES);
  }

  /** The model names in {@code text}, comma-separated, each once. */
  static List<String> parseModels(String text) {
    return parseList("--models", "model", text, MODEL_NAMES);
  }

  private static List<String> parseList(
      String option, String what, String text, List<String> allowed) {
    Set<String> names = new LinkedHashSet<>();
    for (String piece : text.split(",")) {
      String name = piece.trim().toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        continue;
      }
      if (!allowed.contains(name)) {
        throw new IllegalArgumentException(option + ": unknown " + what + " \"" + piece.trim()
            + "\"; known: " + String.join(", ", allowed));
      }
      if (!names.add(name)) {
        throw new IllegalArgumentException(option + ": " + what + " " + name
            + " is listed twice");
      }
    }
    if (names.isEmpty()) {
      throw new IllegalArgumentException(option + " must name at least one " + what
          + " among " + String.join(", ", allowed) + ", got \"" + text + "\"");
    }
    return List.copyOf(names);
  }

  /**
   * The fold's two files for LibRec: from the ml-100k folder (or a folder holding
   * {@code ml-100k/}), or extracted from the official zip into {@code scratch}.
   */
  private static OfficialFold officialFold(Path location, String name, Path scratch)
      throws IOException {
    if (Files.isDirectory(location)) {
      Path folder = location;
      if (!Files.exists(folder.resolve(name + ".test"))
          && Files.exists(folder.resolve("ml-100k").resolve(name + ".test"))) {
        folder = folder.resolve("ml-100k");
      }
      return OfficialFold.of(folder, name);
    }
    try (ZipFile zip = new ZipFile(location.toFile())) {
      for (String file : List.of(name + ".base", name + ".test")) {
        ZipEntry entry = zip.getEntry("ml-100k/" + file);
        if (entry == null) {
          entry = zip.getEntry(file);
        }
        if (entry == null) {
          throw new DataException(location + " has no entry ml-100k/" + file
              + "; is it the official ml-100k.zip?");
        }
        try (InputStream in = zip.getInputStream(entry)) {
          Files.copy(in, scratch.resolve(file),
              java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return OfficialFold.of(scratch, name);
  }

  private Map<String, Object> protocol(Dataset dataset) {
    Runtime runtime = Runtime.getRuntime();
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("data_source", dataset.description());
    p.put("data_fingerprint", Long.toHexString(dataset.ratings().fingerprint()));
    p.put("seed", common.seed());
    p.put("threads", common.threads());
    p.put("threads_note", "rbmrec's models use --threads worker threads; LibRec 2.0.0's RBM,"
        + " BiasedMF and SVD++ train on one thread");
    p.put("processors", runtime.availableProcessors());
    p.put("max_heap_mib", runtime.maxMemory() / (1024 * 1024));
    p.put("java_version", System.getProperty("java.version"));
    p.put("java_vm", System.getProperty("java.vm.name"));
    p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    p.put("rbmrec_version", VersionProvider.projectVersion());
    p.put("librec_version", LibRecRunner.LIBRARY);
    p.put("date", Instant.now().toString());
    Map<String, Object> overrides = new LinkedHashMap<>();
    overrides.put("hidden", hidden);
    overrides.put("epochs", epochs);
    overrides.put("factors", factors);
    p.put("overrides", overrides);
    p.put("hyperparameters", "Equal hidden units F for every RBM (--hidden). rbmrec: each"
        + " model's defaults (TrainingPlan.rbmDefaults for the RBMs, BiasedMfConfig.defaults,"
        + " SvdPlusPlusConfig.defaults), chosen on a validation split carved from u1.base,"
        + " never on a test set. LibRec RBM: LibRec's own rbm-test.properties settings with F"
        + " hidden units (LibRecRbm.defaults). LibRec BiasedMF and SVD++: the best RMSE on"
        + " u1.test of a small grid, as documented in LibRecBiasedMf.defaults and"
        + " LibRecSvdPlusPlus.defaults, which flatters LibRec. --epochs and --factors, when"
        + " given, override both sides; otherwise epoch counts differ and both are reported.");
    p.put("timing", "fit_seconds: wall-clock seconds of training alone (rbmrec: the whole"
        + " TrainingPlan.fit, including the RBMs' bias-baseline fallback; LibRec: trainModel()"
        + " alone); epoch_seconds = fit_seconds / epochs on both sides. rbmrec's RBMs follow a"
        + " CD-k schedule (k grows with the epochs) while LibRec's RBM runs CD-1 (rec.tstep) throughout, so"
        + " each RBM of ours also reports epoch_seconds_by_cd_steps (mean seconds of its epochs"
        + " at each k, from the epoch reports, which include the per-epoch training-RMSE"
        + " monitor; the entry for k = 1 comes instead from a separate " + CD1_TIMING_EPOCHS
        + "-epoch CD-1 timing run with the same settings and no monitor, since LibRec's epochs"
        + " measure nothing) and epoch_time_ratio_same_cd_steps compares LibRec's seconds per"
        + " epoch with that CD-1 figure. One JVM; for each fold"
        + " each model of ours runs just before its LibRec counterpart. The machine may be"
        + " shared: compare ratios within one run.");
    p.put("scoring", "RMSE and MAE on every pair of the fold's .test file. rbmrec: its"
        + " Evaluator (the RBMs fall back to the bias baseline for users or items without"
        + " training ratings). LibRec: its final predictions (clamped to [1, 5], NaN replaced"
        + " by the global mean), checked against LibRec's own evaluators.");
    return p;
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A leftover temporary folder is harmless; the results stand.
    }
  }
}
