package org.rbmrec.model.rbm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every hyperparameter of the RBM and its training, immutable and validated; saved in every model
 * file ({@link #toProperties()} / {@link #fromProperties(Map)}).
 *
 * <p>Learning rates apply to the mini-batch gradient defined as the mean over the batch's rows of
 * each row's statistics (so a weight of an entry rated by few rows of a batch moves little). The
 * learning rate of epoch e is {@code learningRate · learningRateDecay^(e-1)}; the momentum is
 * {@code momentumStart} before epoch {@code momentumSwitchEpoch} and {@code momentumEnd} from it
 * on. Weight decay is an L2 penalty on W (or on A and B in the factored model) only.
 *
 * @param orientation rows are users (USER) or items (ITEM, the I-RBM)
 * @param hidden F, the number of binary hidden units, in [1, 100000]
 * @param factors C, the rank of the factored weights W = A·B; 0 for the plain model, else in
 *     [1, 10000]
 * @param conditional whether the conditional RBM's implicit-feedback weights D are used
 * @param epochs number of passes over the rows, in [1, 100000]
 * @param batchSize rows per mini-batch, in [1, 1000000]
 * @param chunkRows rows of a mini-batch per parallel task of the Gibbs chains; results do not
 *     depend on it (nor on the thread count), in [1, 1000000]
 * @param learningRate ε, in (0, 10]
 * @param learningRateDecay per-epoch multiplicative decay of ε, in (0, 1]
 * @param momentumStart momentum before {@code momentumSwitchEpoch}, in [0, 1)
 * @param momentumEnd momentum from {@code momentumSwitchEpoch} on, in [0, 1)
 * @param momentumSwitchEpoch 1-based epoch at which momentum switches, ≥ 1
 * @param batchAverage what the batch statistics are averaged over (rows, or rows containing
 *     each visible unit)
 * @param weightDecay L2 coefficient on W, in [0, 1)
 * @param initSigma standard deviation of the N(0, σ²) initial weights, in (0, 1]
 * @param biasSmoothing pseudo-count α added to each level count when the visible biases start at
 *     the log base rates {@code b_ik = log((n_ik + α) / (n_i + Kα))}, in (0, 1e6]
 * @param cdSchedule stages (start epoch, k) of CD-k; the first starts at epoch 1, start epochs
 *     strictly increase
 * @param persistent persistent CD: one persistent chain per row (its levels), instead of chains
 *     restarted from the data
 * @param negativePhase how the negative phase treats the visible softmax units
 * @param predictionRule the default prediction rule of the trained model
 * @param seed seed of every random stream (initial weights, shuffling, sampling)
 * @param threads worker threads for training and prediction, in [1, 1024]; results do not
 *     depend on it
 * @param monitorRows size of the fixed training subset (rows) used by the per-epoch
 *     {@code train_rmse} and {@code free_energy_gap}; 0 disables them, in [0, 10000000]
 * @param sharedLearningRate training of the plain model only: W is learned as
 *     {@code W_ikj = W'_ikj + S_kj}, with S (K × F) shared by every visible unit and learned at
 *     this multiple of ε (its gradient is the sum of the rows' gradients of W, undecayed), so a
 *     hidden unit can act alike on every visible unit, even on one rated by few rows; 0 (the
 *     plain model, and the value for files written before the option) disables it, in [0, 10].
 *     Only the sum W is stored: inference is unchanged.
 * @param averageEpochs the trained parameters are the mean of the parameters at the end of
 *     each of the last this many epochs (all epochs if there are fewer; Polyak averaging; in the
 *     factored model A and B are averaged, then W = A·B); 0 or 1 keeps the last epoch's (and 0
 *     is the value for files written before the option), in [0, 100000]
 */
public record RbmConfig(
    Orientation orientation,
    int hidden,
    int factors,
    boolean conditional,
    int epochs,
    int batchSize,
    int chunkRows,
    double learningRate,
    double learningRateDecay,
    double momentumStart,
    double momentumEnd,
    int momentumSwitchEpoch,
    BatchAverage batchAverage,
    double weightDecay,
    double initSigma,
    double biasSmoothing,
    List<CdStage> cdSchedule,
    boolean persistent,
    NegativePhase negativePhase,
    PredictionRule predictionRule,
    long seed,
    int threads,
    int monitorRows,
    double sharedLearningRate,
    int averageEpochs) {

  public RbmConfig {
    requireNonNull(orientation, "orientation");
    requireNonNull(cdSchedule, "cdSchedule");
    requireNonNull(negativePhase, "negativePhase");
    requireNonNull(predictionRule, "predictionRule");
    requireNonNull(batchAverage, "batchAverage");
    checkRange("hidden", hidden, 1, 100_000);
    if (factors != 0) {
      checkRange("factors", factors, 1, 10_000);
    }
    checkRange("epochs", epochs, 1, 100_000);
    checkRange("batchSize", batchSize, 1, 1_000_000);
    checkRange("chunkRows", chunkRows, 1, 1_000_000);
    if (!(learningRate > 0 && learningRate <= 10)) {
      throw new IllegalArgumentException("learningRate must be in (0, 10], got " + learningRate);
    }
    if (!(learningRateDecay > 0 && learningRateDecay <= 1)) {
      throw new IllegalArgumentException(
          "learningRateDecay must be in (0, 1], got " + learningRateDecay);
    }
    checkUnit("momentumStart", momentumStart);
    checkUnit("momentumEnd", momentumEnd);
    if (momentumSwitchEpoch < 1) {
      throw new IllegalArgumentException(
          "momentumSwitchEpoch must be ≥ 1, got " + momentumSwitchEpoch);
    }
    checkUnit("weightDecay", weightDecay);
    if (!(initSigma > 0 && initSigma <= 1)) {
      throw new IllegalArgumentException("initSigma must be in (0, 1], got " + initSigma);
    }
    if (!(biasSmoothing > 0 && biasSmoothing <= 1e6)) {
      throw new IllegalArgumentException(
          "biasSmoothing must be in (0, 1e6], got " + biasSmoothing);
    }
    cdSchedule = List.copyOf(cdSchedule);
    if (cdSchedule.isEmpty() || cdSchedule.get(0).startEpoch() != 1) {
      throw new IllegalArgumentException(
          "cdSchedule must be non-empty and start at epoch 1, got " + cdSchedule);
    }
    for (int s = 1; s < cdSchedule.size(); s++) {
      if (cdSchedule.get(s).startEpoch() <= cdSchedule.get(s - 1).startEpoch()) {
        throw new IllegalArgumentException(
            "cdSchedule start epochs must strictly increase, got " + cdSchedule);
      }
    }
    checkRange("threads", threads, 1, 1024);
    checkRange("monitorRows", monitorRows, 0, 10_000_000);
    if (!(sharedLearningRate >= 0 && sharedLearningRate <= 10)) {
      throw new IllegalArgumentException(
          "sharedLearningRate must be in [0, 10], got " + sharedLearningRate);
    }
    checkRange("averageEpochs", averageEpochs, 0, 100_000);
    if (sharedLearningRate > 0 && factors != 0) {
      throw new IllegalArgumentException(
          "sharedLearningRate must be 0 for the factored model (factors " + factors
              + "), got " + sharedLearningRate);
    }
  }

  /**
   * Defaults, chosen on a validation split carved from ml-100k u1.base (see the project's
   * report): item-based (the I-RBM, the best orientation on ml-100k), F = 100, plain
   * (unfactored, unconditional), 40 epochs, batches of 32 rows in chunks of 4, ε = 0.1 with
   * decay 0.95 per epoch, momentum 0.5 throughout (0.9 overshoots with these rates), weight
   * decay 0.001, σ = 0.01, smoothing 1, CD 1 → 3 (epoch 20) → 5 (epoch 35), probabilities in
   * the negative phase, mean-field prediction, seed 1, all processors, 500 monitored rows.
   */
  public static RbmConfig defaults() {
    return new RbmConfig(
        Orientation.ITEM, 100, 0, false, 40, 32, 4, 0.1, 0.95, 0.5, 0.5, 6, BatchAverage.ROWS,
        0.001, 0.01, 1.0,
        List.of(new CdStage(1, 1), new CdStage(20, 3), new CdStage(35, 5)), false,
        NegativePhase.PROBABILITIES, PredictionRule.MEAN_FIELD, 1L,
        Runtime.getRuntime().availableProcessors(), 500, 0.0, 0);
  }

  /** The number of CD steps in epoch {@code epoch} (1-based). */
  public int cdSteps(int epoch) {
    int k = cdSchedule.get(0).k();
    for (CdStage stage : cdSchedule) {
      if (stage.startEpoch() <= epoch) {
        k = stage.k();
      }
    }
    return k;
  }

  /** The learning rate of epoch {@code epoch} (1-based). */
  public double learningRate(int epoch) {
    return learningRate * Math.pow(learningRateDecay, epoch - 1);
  }

  /** The momentum of epoch {@code epoch} (1-based). */
  public double momentum(int epoch) {
    return epoch < momentumSwitchEpoch ? momentumStart : momentumEnd;
  }

  /** Whether W is factored as A·B. */
  public boolean factored() {
    return factors > 0;
  }

  /** Whether training learns the shared weights S ({@code sharedLearningRate > 0}). */
  public boolean shared() {
    return sharedLearningRate > 0;
  }

  /** A builder starting from these values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** A builder starting from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder(defaults());
  }

  /** The values as ordered {@code key → text} pairs; {@link #fromProperties(Map)} inverts it. */
  public Map<String, String> toProperties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("orientation", orientation.name());
    p.put("hidden", Integer.toString(hidden));
    p.put("factors", Integer.toString(factors));
    p.put("conditional", Boolean.toString(conditional));
    p.put("epochs", Integer.toString(epochs));
    p.put("batchSize", Integer.toString(batchSize));
    p.put("chunkRows", Integer.toString(chunkRows));
    p.put("learningRate", Double.toString(learningRate));
    p.put("learningRateDecay", Double.toString(learningRateDecay));
    p.put("momentumStart", Double.toString(momentumStart));
    p.put("momentumEnd", Double.toString(momentumEnd));
    p.put("momentumSwitchEpoch", Integer.toString(momentumSwitchEpoch));
    p.put("batchAverage", batchAverage.name());
    p.put("weightDecay", Double.toString(weightDecay));
    p.put("initSigma", Double.toString(initSigma));
    p.put("biasSmoothing", Double.toString(biasSmoothing));
    StringBuilder stages = new StringBuilder();
    for (CdStage stage : cdSchedule) {
      stages.append(stages.length() == 0 ? "" : ",").append(stage);
    }
    p.put("cdSchedule", stages.toString());
    p.put("persistent", Boolean.toString(persistent));
    p.put("negativePhase", negativePhase.name());
    p.put("predictionRule", predictionRule.name());
    p.put("seed", Long.toString(seed));
    p.put("threads", Integer.toString(threads));
    p.put("monitorRows", Integer.toString(monitorRows));
    p.put("sharedLearningRate", Double.toString(sharedLearningRate));
    p.put("averageEpochs", Integer.toString(averageEpochs));
    return p;
  }

  /**
   * Reads the values written by {@link #toProperties()}.
   *
   * @throws IllegalArgumentException naming the key when a key is missing or a value malformed
   */
  public static RbmConfig fromProperties(Map<String, String> p) {
    List<CdStage> stages = new ArrayList<>();
    for (String s : get(p, "cdSchedule").split(",")) {
      try {
        stages.add(CdStage.parse(s));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("RBM configuration key 'cdSchedule': "
            + e.getMessage(), e);
      }
    }
    return new RbmConfig(
        enumValue(p, "orientation", Orientation.class, null),
        integer(p, "hidden", null),
        integer(p, "factors", null),
        parseBoolean(p, "conditional"),
        integer(p, "epochs", null),
        integer(p, "batchSize", null),
        integer(p, "chunkRows", null),
        real(p, "learningRate", null),
        real(p, "learningRateDecay", null),
        real(p, "momentumStart", null),
        real(p, "momentumEnd", null),
        integer(p, "momentumSwitchEpoch", null),
        // Absent from files written before the option existed: those used ROWS.
        enumValue(p, "batchAverage", BatchAverage.class, BatchAverage.ROWS),
        real(p, "weightDecay", null),
        real(p, "initSigma", null),
        real(p, "biasSmoothing", null),
        stages,
        parseBoolean(p, "persistent"),
        enumValue(p, "negativePhase", NegativePhase.class, null),
        enumValue(p, "predictionRule", PredictionRule.class, null),
        longInteger(p, "seed"),
        integer(p, "threads", null),
        integer(p, "monitorRows", null),
        // Absent from files written before the option existed: those had no shared weights.
        real(p, "sharedLearningRate", 0.0),
        integer(p, "averageEpochs", 0));
  }

  /** The integer at {@code key}, or {@code absent} when missing and not null. */
  private static int integer(Map<String, String> p, String key, Integer absent) {
    String value = absent != null && !p.containsKey(key) ? absent.toString() : get(p, key);
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw malformed(key, "an integer", value, e);
    }
  }

  private static long longInteger(Map<String, String> p, String key) {
    String value = get(p, key);
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw malformed(key, "an integer", value, e);
    }
  }

  /** The finite number at {@code key}, or {@code absent} when missing and not null. */
  private static double real(Map<String, String> p, String key, Double absent) {
    String value = absent != null && !p.containsKey(key) ? absent.toString() : get(p, key);
    double x;
    try {
      x = Double.parseDouble(value.strip());
    } catch (NumberFormatException e) {
      throw malformed(key, "a number", value, e);
    }
    if (!Double.isFinite(x)) {
      throw malformed(key, "a finite number", value, null);
    }
    return x;
  }

  private static <E extends Enum<E>> E enumValue(
      Map<String, String> p, String key, Class<E> type, E absent) {
    String value = absent != null && !p.containsKey(key) ? absent.name() : get(p, key);
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(value.strip())) {
        return constant;
      }
    }
    throw malformed(key, "one of " + java.util.Arrays.toString(type.getEnumConstants()), value,
        null);
  }

  private static IllegalArgumentException malformed(
      String key, String expected, String value, Throwable cause) {
    return new IllegalArgumentException("RBM configuration key '" + key + "' must be "
        + expected + ", got '" + value + "'", cause);
  }

  private static String get(Map<String, String> p, String key) {
    String value = p.get(key);
    if (value == null) {
      throw new IllegalArgumentException("RBM configuration key '" + key + "' is missing");
    }
    return value;
  }

  private static boolean parseBoolean(Map<String, String> p, String key) {
    String value = get(p, key);
    if (!value.equals("true") && !value.equals("false")) {
      throw new IllegalArgumentException(
          "RBM configuration key '" + key + "' must be true or false, got '" + value + "'");
    }
    return Boolean.parseBoolean(value);
  }

  private static void requireNonNull(Object value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
  }

  private static void checkRange(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be in [" + min + ", " + max + "], got " + value);
    }
  }

  private static void checkUnit(String name, double value) {
    if (!(value >= 0 && value < 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1), got " + value);
    }
  }

  /** A mutable builder of {@link RbmConfig}; {@link #build()} validates. */
  public static final class Builder {
    private Orientation orientation;
    private int hidden;
    private int factors;
    private boolean conditional;
    private int epochs;
    private int batchSize;
    private int chunkRows;
    private double learningRate;
    private double learningRateDecay;
    private double momentumStart;
    private double momentumEnd;
    private int momentumSwitchEpoch;
    private BatchAverage batchAverage;
    private double weightDecay;
    private double initSigma;
    private double biasSmoothing;
    private List<CdStage> cdSchedule;
    private boolean persistent;
    private NegativePhase negativePhase;
    private PredictionRule predictionRule;
    private long seed;
    private int threads;
    private int monitorRows;
    private double sharedLearningRate;
    private int averageEpochs;

    private Builder(RbmConfig c) {
      orientation = c.orientation;
      hidden = c.hidden;
      factors = c.factors;
      conditional = c.conditional;
      epochs = c.epochs;
      batchSize = c.batchSize;
      chunkRows = c.chunkRows;
      learningRate = c.learningRate;
      learningRateDecay = c.learningRateDecay;
      momentumStart = c.momentumStart;
      momentumEnd = c.momentumEnd;
      momentumSwitchEpoch = c.momentumSwitchEpoch;
      batchAverage = c.batchAverage;
      weightDecay = c.weightDecay;
      initSigma = c.initSigma;
      biasSmoothing = c.biasSmoothing;
      cdSchedule = c.cdSchedule;
      persistent = c.persistent;
      negativePhase = c.negativePhase;
      predictionRule = c.predictionRule;
      seed = c.seed;
      threads = c.threads;
      monitorRows = c.monitorRows;
      sharedLearningRate = c.sharedLearningRate;
      averageEpochs = c.averageEpochs;
    }

    public Builder orientation(Orientation v) { orientation = v; return this; }
    public Builder hidden(int v) { hidden = v; return this; }
    public Builder factors(int v) { factors = v; return this; }
    public Builder conditional(boolean v) { conditional = v; return this; }
    public Builder epochs(int v) { epochs = v; return this; }
    public Builder batchSize(int v) { batchSize = v; return this; }
    public Builder chunkRows(int v) { chunkRows = v; return this; }
    public Builder learningRate(double v) { learningRate = v; return this; }
    public Builder learningRateDecay(double v) { learningRateDecay = v; return this; }
    public Builder momentumStart(double v) { momentumStart = v; return this; }
    public Builder momentumEnd(double v) { momentumEnd = v; return this; }
    public Builder momentumSwitchEpoch(int v) { momentumSwitchEpoch = v; return this; }
    public Builder batchAverage(BatchAverage v) { batchAverage = v; return this; }
    public Builder weightDecay(double v) { weightDecay = v; return this; }
    public Builder initSigma(double v) { initSigma = v; return this; }
    public Builder biasSmoothing(double v) { biasSmoothing = v; return this; }
    public Builder cdSchedule(List<CdStage> v) { cdSchedule = v; return this; }
    /** A constant schedule: k steps in every epoch. */
    public Builder cdSteps(int k) { cdSchedule = List.of(new CdStage(1, k)); return this; }
    public Builder persistent(boolean v) { persistent = v; return this; }
    public Builder negativePhase(NegativePhase v) { negativePhase = v; return this; }
    public Builder predictionRule(PredictionRule v) { predictionRule = v; return this; }
    public Builder seed(long v) { seed = v; return this; }
    public Builder threads(int v) { threads = v; return this; }
    public Builder monitorRows(int v) { monitorRows = v; return this; }
    public Builder sharedLearningRate(double v) { sharedLearningRate = v; return this; }
    public Builder averageEpochs(int v) { averageEpochs = v; return this; }

    /** The validated configuration. */
    public RbmConfig build() {
      return new RbmConfig(
          orientation, hidden, factors, conditional, epochs, batchSize, chunkRows, learningRate,
          learningRateDecay, momentumStart, momentumEnd, momentumSwitchEpoch, batchAverage,
          weightDecay,
          initSigma, biasSmoothing, cdSchedule, persistent, negativePhase, predictionRule, seed,
          threads, monitorRows, sharedLearningRate, averageEpochs);
    }
  }
}
