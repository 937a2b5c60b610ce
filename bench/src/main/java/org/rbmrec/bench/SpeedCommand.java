package org.rbmrec.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rbmrec.cli.CliServices;
import org.rbmrec.cli.CommonOptions;
import org.rbmrec.cli.ExitCode;
import org.rbmrec.cli.JsonOutput;
import org.rbmrec.cli.TablePrinter;
import org.rbmrec.data.Ratings;
import org.rbmrec.data.SparseRows;
import org.rbmrec.data.split.RandomHoldout;
import org.rbmrec.data.split.Split;
import org.rbmrec.data.synth.SyntheticConfig;
import org.rbmrec.data.synth.SyntheticRatings;
import org.rbmrec.model.Predictions;
import org.rbmrec.model.rbm.Orientation;
import org.rbmrec.model.rbm.RbmConfig;
import org.rbmrec.model.rbm.RbmModel;
import org.rbmrec.progress.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code rbmrec bench speed}: how fast rbmrec's RBM trains and predicts at ml-20m scale, how
 * much memory it takes, and how it compares per rating with a textbook dense RBM
 * ({@link DenseReferenceRbm}) and per epoch with LibRec's RBM.
 *
 * <p>Data: the synthetic ml-20m shape (138,493 users, 26,744 items, 20,000,263 half-star
 * ratings) scaled by {@code --scale}, or a real data set named by {@code --data}. A random
 * hold-out of up to {@code --predictions} ratings (at most 10%) is set aside; the RBM trains on
 * the rest ({@code n_ratings}) and predicts the held-out pairs.
 *
 * <p>Measures, in order (all CD epochs with F = {@code --hidden}, K levels of the data, the
 * default mini-batches of 32 rows in chunks of 4, probabilities in the negative phase and no
 * per-epoch monitoring): a warm-up training on a tiny synthetic set so that the JIT compiler is
 * not timed; the CD-1 epoch of the first orientation in {@code --orientations} (the headline
 * {@code epoch_seconds}, the median over {@code --epochs × --repeat} epochs); a CD-5 epoch; the
 * conditional RBM's CD-1 epoch (with {@code --conditional}); the batched prediction of the
 * held-out pairs; heap and RSS peaks up to here; the CD-1 epoch of the other orientations; the
 * dense reference on {@code --dense-users} rows; LibRec's {@code RBMRecommender} beside ours
 * on a synthetic ml-1m-shaped set scaled by {@code --scale} (at least 0.1), equal F, CD-1,
 * {@code --librec-epochs} epochs each ({@link LibRecSpeedComparison}; not with
 * {@code --skip-librec}); with {@code --scaling}, one CD-1 epoch on synthetic sets of 1M, 5M
 * and 20M ratings. Memory figures are in MB of 10⁶ bytes.
 *
 * <p>JSON keys (one object with {@code --json}; null where a measure was skipped):
 * {@code epoch_seconds}, {@code epoch_seconds_all}, {@code seconds_per_rating},
 * {@code seconds_per_million_ratings}, {@code projected_ml20m_epoch_seconds} (per-rating time ×
 * 20,000,263), {@code headline_training_cpu_seconds} (process CPU over the headline trainings,
 * set-up included: about the wall time means one core busy), {@code cd5_epoch_seconds},
 * {@code conditional_epoch_seconds}, {@code item_epoch_seconds},
 * {@code epoch_seconds_by_orientation}, {@code n_predictions}, {@code prediction_seconds},
 * {@code predictions_per_second}, {@code prediction_fallbacks}, {@code peak_heap_mb} and
 * {@code peak_rss_mb} (after the headline measures), {@code peak_heap_mb_all} and
 * {@code peak_rss_mb_all} (after everything but scaling), {@code dense_rows},
 * {@code dense_ratings}, {@code dense_seconds}, {@code dense_seconds_per_rating},
 * {@code speedup_vs_dense}, {@code librec} (the comparison's object, keys in
 * {@link LibRecSpeedComparison}), {@code speedup_vs_librec} (LibRec's seconds per epoch over
 * ours), {@code scaling}, {@code targets}, {@code notes}, and the run's
 * description: {@code data}, {@code jvm}, {@code max_heap_mb}, {@code load_average_start},
 * {@code load_average_end} (timings on a busy machine are slower), {@code threads},
 * {@code processors}, {@code n_ratings} (training part), {@code n_ratings_total},
 * {@code n_heldout}, {@code n_users}, {@code n_items}, {@code levels}, {@code hidden},
 * {@code batch_size}, {@code epochs}, {@code repeat}, {@code seed}.
 */
@Command(
    name = "speed",
    mixinStandardHelpOptions = true,
    description = "Time RBM training and prediction at ml-20m scale, with memory use, a"
        + " dense reference and LibRec's RBM.")
public final class SpeedCommand implements Callable<Integer> {
  /** The ml-20m rating count, the full synthetic shape. */
  static final int ML20M_RATINGS = 20_000_263;
  private static final int[] SCALING_SIZES = {1_000_000, 5_000_000, ML20M_RATINGS};
  /** The smallest scale of the ml-1m shape whose ratings fit its users × items. */
  private static final double LIBREC_MIN_SCALE = 0.1;

  private final CliServices services;

  @Spec
  private CommandSpec spec;

  @Mixin
  private CommonOptions common;

  @Option(names = "--scale", paramLabel = "F", defaultValue = "1",
      description = "Scale the synthetic ml-20m shape by this factor in (0, 1] (default:"
          + " ${DEFAULT-VALUE}, the full 20,000,263 ratings).")
  private double scale;

  @Option(names = "--data", paramLabel = "NAME|PATH",
      description = "Measure on a real data set (for example ml-20m) instead of synthetic data.")
  private String data;

  @Option(names = "--hidden", paramLabel = "F", defaultValue = "100",
      description = "Hidden units (default: ${DEFAULT-VALUE}).")
  private int hidden;

  @Option(names = "--batch-size", paramLabel = "B",
      description = "Rows per mini-batch (default: the RBM default).")
  private Integer batchSize;

  @Option(names = "--chunk-rows", paramLabel = "N",
      description = "Rows per parallel task of the Gibbs chains (default: the RBM default).")
  private Integer chunkRows;

  @Option(names = "--epochs", paramLabel = "N", defaultValue = "1",
      description = "Epochs per timed training (default: ${DEFAULT-VALUE}).")
  private int epochs;

  @Option(names = "--repeat", paramLabel = "N", defaultValue = "1",
      description = "Timed trainings of the headline epoch; the median epoch is reported"
          + " (default: ${DEFAULT-VALUE}).")
  private int repeat;

  @Option(names = "--orientations", paramLabel = "LIST", defaultValue = "user,item",
      split = ",", description = "Orientations to time, the first being the headline"
          + " (default: ${DEFAULT-VALUE}).")
  private List<String> orientationNames;

  @Option(names = "--conditional",
      description = "Also time the conditional RBM (implicit input from the held-out pairs).")
  private boolean conditional;

  @Option(names = "--skip-cd5", description = "Do not time a CD-5 epoch.")
  private boolean skipCd5;

  @Option(names = "--skip-dense", description = "Do not run the dense reference.")
  private boolean skipDense;

  @Option(names = "--dense-users", paramLabel = "N", defaultValue = "200",
      description = "Rows the dense reference trains on (default: ${DEFAULT-VALUE}).")
  private int denseUsers;

  @Option(names = "--predictions", paramLabel = "N", defaultValue = "1000000",
      description = "Held-out pairs to predict, at most 10%% of the ratings"
          + " (default: ${DEFAULT-VALUE}).")
  private int predictions;

  @Option(names = "--skip-librec",
      description = "Do not run LibRec's RBMRecommender beside ours on an ml-1m-shaped set.")
  private boolean skipLibRec;

  @Option(names = "--librec-epochs", paramLabel = "N", defaultValue = "2",
      description = "Epochs of each side in the LibRec comparison (default: ${DEFAULT-VALUE}).")
  private int librecEpochs;

  @Option(names = "--scaling",
      description = "Also time one CD-1 epoch on synthetic sets of 1M, 5M and 20M ratings.")
  private boolean scaling;

  SpeedCommand(CliServices services) {
    this.services = services;
  }

  @Override
  public Integer call() {
    List<Orientation> orientations = checkOptions();
    Map<String, Object> json = new LinkedHashMap<>();
    Ratings all = load();
    double fraction = Math.min(0.1, (double) predictions / all.size());
    Split split = RandomHoldout.split(all, fraction, common.seed());
    Ratings train = split.train();
    Ratings heldOut = split.test();
    describeRun(json, all, train, heldOut);
    int levels = all.scale().levels();
    all = null; // the split holds copies: let the full set go
    split = null;
    List<String> notes = new ArrayList<>();

    common.notice("warming up the JIT compiler on a tiny synthetic set");
    warmUp(orientations);
    MemoryProbe.resetHeapPeaks();

    Orientation headline = orientations.get(0);
    RbmConfig cd1 = config(headline, 1);
    common.notice("timing CD-1 epochs (" + name(headline) + ", " + train.size() + " ratings)");
    double cpuStart = MemoryProbe.processCpuSeconds();
    EpochTimer.Timed timed = EpochTimer.time(train, null, cd1, repeat, progress());
    json.put("headline_training_cpu_seconds", MemoryProbe.processCpuSeconds() - cpuStart);
    double epochSeconds = timed.medianSeconds();
    json.put("epoch_seconds", epochSeconds);
    json.put("epoch_seconds_all", timed.epochSeconds());
    double perRating = epochSeconds / train.size();
    json.put("seconds_per_rating", perRating);
    json.put("seconds_per_million_ratings", perRating * 1e6);
    json.put("projected_ml20m_epoch_seconds", perRating * ML20M_RATINGS);

    Double cd5Seconds = null;
    if (!skipCd5) {
      common.notice("timing a CD-5 epoch");
      cd5Seconds =
          EpochTimer.time(train, null, config(headline, 5), 1, progress()).medianSeconds();
    }
    json.put("cd5_epoch_seconds", cd5Seconds);
    Double conditionalSeconds = null;
    if (conditional) {
      common.notice("timing a conditional CD-1 epoch");
      conditionalSeconds = EpochTimer.time(train, heldOut,
          cd1.toBuilder().conditional(true).epochs(1).build(), 1, progress()).medianSeconds();
    }
    json.put("conditional_epoch_seconds", conditionalSeconds);

    common.notice("timing " + heldOut.size() + " batched predictions");
    timePredictions(json, timed.model(), heldOut);
    timed = null; // let the model go before the other orientations
    json.put("peak_heap_mb", MemoryProbe.peakHeapMb());
    json.put("peak_rss_mb", MemoryProbe.peakRssMb());

    Map<String, Object> byOrientation = new LinkedHashMap<>();
    byOrientation.put(name(headline), epochSeconds);
    for (Orientation o : orientations.subList(1, orientations.size())) {
      common.notice("timing a CD-1 epoch (" + name(o) + ")");
      Ratings data = train;
      byOrientation.put(name(o), unlessOutOfMemory(name(o) + " orientation", notes,
          () -> EpochTimer.time(data, null, config(o, 1), 1, progress()).medianSeconds()));
    }
    json.put("item_epoch_seconds", byOrientation.get("item"));
    json.put("epoch_seconds_by_orientation", byOrientation);

    Double speedup = null;
    if (!skipDense) {
      common.notice("timing the dense reference on " + denseUsers + " rows");
      SparseRows rows = headline == Orientation.USER ? train.byUser() : train.byItem();
      Double dense = unlessOutOfMemory("dense reference", notes,
          () -> denseSecondsPerRating(rows, levels, json));
      speedup = dense == null ? null : dense / perRating;
    }
    json.put("speedup_vs_dense", speedup);
    Map<String, Object> librec = null;
    if (!skipLibRec) {
      double factor = Math.max(scale, LIBREC_MIN_SCALE);
      common.notice("timing LibRec's RBM and ours on a synthetic ml-1m shape × " + factor);
      librec = LibRecSpeedComparison.run(factor, hidden, librecEpochs, common.threads(),
          common.seed(), progress());
    }
    json.put("librec", librec);
    json.put("speedup_vs_librec", librec == null ? null : librec.get("speedup_vs_librec"));
    json.put("peak_heap_mb_all", MemoryProbe.peakHeapMb());
    json.put("peak_rss_mb_all", MemoryProbe.peakRssMb());
    train = null;
    heldOut = null;
    json.put("scaling", scaling ? scalingCurve() : null);
    json.put("load_average_end", MemoryProbe.loadAverage());
    json.put("notes", notes);
    json.put("targets", targets(json));
    print(json);
    return ExitCode.OK;
  }

  /**
   * Runs an optional measure; if it runs out of heap (its large arrays are unreachable again
   * once it has unwound), records a note and returns null instead.
   */
  private Double unlessOutOfMemory(String what, List<String> notes,
      java.util.function.DoubleSupplier measure) {
    try {
      return measure.getAsDouble();
    } catch (OutOfMemoryError e) {
      String note = what + ": out of memory with a maximum heap of "
          + Math.round(MemoryProbe.maxHeapMb()) + " MB; give Java more (RBMREC_JAVA_OPTS=-Xmx8g)";
      common.notice(note);
      notes.add(note);
      return null;
    }
  }

  private List<Orientation> checkOptions() {
    if (!(scale > 0 && scale <= 1)) {
      throw bad("--scale must be in (0, 1], got " + scale);
    }
    if (hidden < 1 || hidden > 100_000) {
      throw bad("--hidden must be in [1, 100000], got " + hidden);
    }
    if (epochs < 1 || repeat < 1) {
      throw bad("--epochs and --repeat must be ≥ 1, got " + epochs + " and " + repeat);
    }
    if (librecEpochs < 1 || librecEpochs > 1000) {
      throw bad("--librec-epochs must be in [1, 1000], got " + librecEpochs);
    }
    if (denseUsers < 1 || predictions < 1) {
      throw bad("--dense-users and --predictions must be ≥ 1, got " + denseUsers + " and "
          + predictions);
    }
    List<Orientation> list = new ArrayList<>();
    for (String n : orientationNames) {
      Orientation o = switch (n.trim().toLowerCase(Locale.ROOT)) {
        case "user" -> Orientation.USER;
        case "item" -> Orientation.ITEM;
        default -> throw bad("--orientations takes user and item, got '" + n + "'");
      };
      if (!list.contains(o)) {
        list.add(o);
      }
    }
    if (list.isEmpty()) {
      throw bad("--orientations must name at least one of user, item");
    }
    return list;
  }

  private ParameterException bad(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private Ratings load() {
    if (data != null) {
      common.notice("loading " + data);
      return services.datasets().resolve(data, common.dataDir(), progress()).ratings();
    }
    return synthetic(scale);
  }

  private Ratings synthetic(double factor) {
    SyntheticConfig config = SyntheticConfig.ml20mShape().withSeed(common.seed()).scaled(factor);
    return SyntheticRatings.generate(config, progress(), common.threads()).ratings();
  }

  private RbmConfig config(Orientation orientation, int k) {
    return RbmConfig.defaults().toBuilder()
        .batchSize(batchSize == null ? RbmConfig.defaults().batchSize() : batchSize)
        .chunkRows(chunkRows == null ? RbmConfig.defaults().chunkRows() : chunkRows)
        .orientation(orientation)
        .hidden(hidden)
        .epochs(epochs)
        .cdSteps(k)
        .seed(common.seed())
        .threads(common.threads())
        .monitorRows(0)
        .build();
  }

  /** Trains every timed variant for one epoch on a tiny set, so the JIT has compiled them. */
  private void warmUp(List<Orientation> orientations) {
    Ratings tiny = SyntheticRatings.generate(
        SyntheticConfig.ml20mShape().withSeed(common.seed()).scaled(0.01), Progress.NONE,
        common.threads()).ratings();
    for (Orientation o : orientations) {
      RbmConfig config = config(o, 1).toBuilder().epochs(2).build();
      RbmModel model = EpochTimer.time(tiny, null, config, 1, Progress.NONE).model();
      model.predict(tiny.usersCopy(), tiny.itemsCopy());
      EpochTimer.time(tiny, null, config.toBuilder().cdSteps(5).build(), 1, Progress.NONE);
      if (conditional) {
        EpochTimer.time(tiny, tiny, config.toBuilder().conditional(true).build(), 1,
            Progress.NONE);
      }
    }
  }

  private void timePredictions(Map<String, Object> json, RbmModel model, Ratings heldOut) {
    int[] users = heldOut.usersCopy();
    int[] items = heldOut.itemsCopy();
    long start = System.nanoTime();
    Predictions result = model.predict(users, items);
    double seconds = (System.nanoTime() - start) / 1e9;
    json.put("n_predictions", users.length);
    json.put("prediction_seconds", seconds);
    json.put("predictions_per_second", users.length / seconds);
    json.put("prediction_fallbacks", result.fallbackCount());
  }

  /**
   * Seconds per rated entry of one CD-1 pass of the dense reference over {@code denseUsers}
   * evenly spaced non-empty rows, in mini-batches of the default size, after a warm-up update.
   */
  private double denseSecondsPerRating(SparseRows rows, int levels, Map<String, Object> json) {
    int[] active = new int[rows.numRows()];
    int n = 0;
    for (int r = 0; r < rows.numRows(); r++) {
      if (rows.rowLength(r) > 0) {
        active[n++] = r;
      }
    }
    int m = Math.min(denseUsers, n);
    int[] sample = new int[m];
    long entries = 0;
    for (int x = 0; x < m; x++) {
      sample[x] = active[(int) ((long) x * n / m)];
      entries += rows.rowLength(sample[x]);
    }
    RbmConfig defaults = config(Orientation.USER, 1);
    DenseReferenceRbm dense = DenseReferenceRbm.random(
        rows.numColumns(), levels, hidden, defaults.initSigma(), common.seed());
    DenseReferenceRbm.HiddenNoise noise = DenseReferenceRbm.splittableNoise(common.seed());
    float rate = (float) defaults.learningRate();
    float momentum = (float) defaults.momentumStart();
    float decay = (float) defaults.weightDecay();
    int warm = Math.min(m, Math.max(1, common.threads()));
    dense.update(rows, sample, 0, warm, 0, noise, rate, momentum, decay, common.threads());
    long start = System.nanoTime();
    for (int from = 0; from < m; from += defaults.batchSize()) {
      int to = Math.min(m, from + defaults.batchSize());
      dense.update(rows, sample, from, to, 1, noise, rate, momentum, decay, common.threads());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double perRating = seconds / entries;
    json.put("dense_rows", m);
    json.put("dense_ratings", entries);
    json.put("dense_seconds", seconds);
    json.put("dense_seconds_per_rating", perRating);
    return perRating;
  }

  /** One CD-1 epoch of the headline orientation on synthetic sets of 1M, 5M and 20M ratings. */
  private List<Map<String, Object>> scalingCurve() {
    List<Map<String, Object>> points = new ArrayList<>();
    for (int size : SCALING_SIZES) {
      double factor = Math.min(1.0, (double) size / ML20M_RATINGS);
      common.notice("scaling: one CD-1 epoch on " + size + " synthetic ratings");
      Ratings ratings = synthetic(factor);
      double seconds = EpochTimer.time(ratings, null, config(Orientation.USER, 1), 1, progress())
          .medianSeconds();
      Map<String, Object> point = new LinkedHashMap<>();
      point.put("n_ratings", ratings.size());
      point.put("n_users", ratings.numUsers());
      point.put("n_items", ratings.numItems());
      point.put("epoch_seconds", seconds);
      point.put("seconds_per_million_ratings", seconds / ratings.size() * 1e6);
      points.add(point);
    }
    return points;
  }

  private void describeRun(Map<String, Object> json, Ratings all, Ratings train,
      Ratings heldOut) {
    Map<String, Object> jvm = new LinkedHashMap<>();
    jvm.put("version", System.getProperty("java.version"));
    jvm.put("vendor", System.getProperty("java.vendor"));
    jvm.put("vm", System.getProperty("java.vm.name"));
    jvm.put("arguments", ManagementFactory.getRuntimeMXBean().getInputArguments());
    json.put("data", data != null ? data : "synthetic ml-20m shape × " + scale);
    json.put("jvm", jvm);
    json.put("max_heap_mb", MemoryProbe.maxHeapMb());
    json.put("load_average_start", MemoryProbe.loadAverage());
    json.put("threads", common.threads());
    json.put("processors", Runtime.getRuntime().availableProcessors());
    json.put("n_ratings", train.size());
    json.put("n_ratings_total", all.size());
    json.put("n_heldout", heldOut.size());
    json.put("n_users", all.numUsers());
    json.put("n_items", all.numItems());
    json.put("levels", all.scale().levels());
    json.put("hidden", hidden);
    json.put("batch_size", batchSize == null ? RbmConfig.defaults().batchSize() : batchSize);
    json.put("epochs", epochs);
    json.put("repeat", repeat);
    json.put("seed", common.seed());
  }

  /** The targets for ml-20m on 2 cores, each with its limit, value and whether met. */
  private static Map<String, Object> targets(Map<String, Object> json) {
    Map<String, Object> targets = new LinkedHashMap<>();
    targets.put("epoch_seconds", target(json.get("epoch_seconds"), 10, true));
    targets.put("peak_rss_mb", target(json.get("peak_rss_mb"), 3000, true));
    targets.put("speedup_vs_dense", target(json.get("speedup_vs_dense"), 20, false));
    targets.put("predictions_per_second",
        target(json.get("predictions_per_second"), 2e6, false));
    return targets;
  }

  private static Map<String, Object> target(Object value, double limit, boolean atMost) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put(atMost ? "at_most" : "at_least", limit);
    t.put("value", value);
    t.put("met", value instanceof Number v
        ? (atMost ? v.doubleValue() <= limit : v.doubleValue() >= limit) : null);
    return t;
  }

  private void print(Map<String, Object> json) {
    if (common.json()) {
      JsonOutput.write(common.out(), json);
      return;
    }
    TablePrinter table = new TablePrinter("measure", "value");
    addRows(table, "", json);
    table.print(common.out(), false);
    common.out().flush();
  }

  /** One table row per leaf value, nested keys joined with dots, list elements numbered. */
  private static void addRows(TablePrinter table, String prefix, Object value) {
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        addRows(table, prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + "." + e.getKey(),
            e.getValue());
      }
    } else if (value instanceof List<?> list && !list.isEmpty()
        && list.get(0) instanceof Map<?, ?>) {
      for (int x = 0; x < list.size(); x++) {
        addRows(table, prefix + "[" + x + "]", list.get(x));
      }
    } else {
      table.row(prefix, value == null ? "n/a" : format(value));
    }
  }

  private static String format(Object value) {
    if (value instanceof Double d) {
      return String.format(Locale.ROOT, Math.abs(d) >= 1e-3 || d == 0 ? "%,.3f" : "%.3g", d);
    }
    if (value instanceof double[] values) {
      StringBuilder s = new StringBuilder();
      for (double v : values) {
        s.append(s.length() == 0 ? "" : ", ").append(format(v));
      }
      return s.toString();
    }
    return String.valueOf(value);
  }

  private Progress progress() {
    return common.progress();
  }

  private static String name(Orientation o) {
    return o.name().toLowerCase(Locale.ROOT);
  }
}
