package org.rbmrec.model.rbm;

import java.util.Objects;
import org.rbmrec.data.RatingScale;
import org.rbmrec.data.SparseRows;
import org.rbmrec.model.Predictions;
import org.rbmrec.model.Recommender;
import org.rbmrec.model.TopItems;
import org.rbmrec.model.TopK;

/**
 * A trained softmax RBM, immutable and thread-safe. It keeps the training rows (CSR, in the
 * model's {@link Orientation}) because a row's observed training ratings form the visible layer
 * from which its predictions are made; test ratings never enter it.
 *
 * <p>The prediction of (row, entry) is the expected rating Σ_k value_k · p(v_entry = k | V),
 * with p given by {@link PredictionRule#MEAN_FIELD} or {@link PredictionRule#EXACT} (the
 * configured default, or chosen per call). The hidden input x of every row is computed once,
 * when the model is built, so scoring one (row, entry) costs O(K·F).
 *
 * <p>A row with no training ratings, or an entry no row rated in training, is served by the
 * fallback recommender (for example the bias baseline); {@link #isFallback} says so.
 */
public final class RbmModel implements Recommender {
  private final RbmConfig config;
  private final RbmParameters params;
  private final RatingScale scale;
  private final SparseRows rows;
  private final IndicatorRows indicator;
  private final int numUsers;
  private final int numItems;
  private final Recommender fallback;
  private final RbmInference inference;
  private final float[] rowInputs;
  private final float[] rowHidden;

  /**
   * Builds a model over trained parameters.
   *
   * @param config the configuration it was trained with (its orientation and prediction rule
   *     matter here)
   * @param params the parameters; the model takes ownership, callers must not modify them
   * @param scale the rating scale, with K = params.levels()
   * @param rows the training rows in the model's orientation (rows = users for USER)
   * @param indicator the conditional RBM's r vectors (see {@link IndicatorRows}), or null
   * @param fallback scores what the RBM cannot (unrated row or unseen entry)
   */
  public RbmModel(
      RbmConfig config, RbmParameters params, RatingScale scale, SparseRows rows,
      IndicatorRows indicator, Recommender fallback) {
    this.config = Objects.requireNonNull(config, "config");
    this.params = Objects.requireNonNull(params, "params");
    this.scale = Objects.requireNonNull(scale, "scale");
    this.rows = Objects.requireNonNull(rows, "rows");
    this.fallback = Objects.requireNonNull(fallback, "fallback");
    if (scale.levels() != params.levels || rows.numColumns() != params.numVisible) {
      throw new IllegalArgumentException(
          "model shape mismatch: scale has " + scale.levels() + " levels and rows "
              + rows.numColumns() + " columns, parameters are K=" + params.levels + ", V="
              + params.numVisible);
    }
    if (params.conditional() != config.conditional()
        || params.factors != config.factors() || params.hidden != config.hidden()) {
      throw new IllegalArgumentException("parameters do not match the configuration " + config);
    }
    if (params.conditional() && (indicator == null || indicator.numRows() != rows.numRows())) {
      throw new IllegalArgumentException(
          "the conditional RBM needs indicator rows, one per training row");
    }
    this.indicator = params.conditional() ? indicator : null;
    boolean byUser = config.orientation() == Orientation.USER;
    this.numUsers = byUser ? rows.numRows() : rows.numColumns();
    this.numItems = byUser ? rows.numColumns() : rows.numRows();
    this.inference = new RbmInference(params, rows, this.indicator, scale.values());
    int f = params.hidden;
    this.rowInputs = new float[rows.numRows() * f];
    this.rowHidden = new float[rows.numRows() * f];
    int chunk = 256;
    int chunks = (rows.numRows() + chunk - 1) / chunk;
    try (ChunkRunner runner = new ChunkRunner(config.threads())) {
      runner.run(chunks, c -> {
        float[] x = new float[f];
        float[] h = new float[f];
        for (int r = c * chunk; r < Math.min(rows.numRows(), (c + 1) * chunk); r++) {
          inference.rowInput(r, x);
          RbmMath.hiddenProbabilities(x, h, f);
          System.arraycopy(x, 0, rowInputs, r * f, f);
          System.arraycopy(h, 0, rowHidden, r * f, f);
        }
      });
    }
  }

  @Override
  public String name() {
    StringBuilder name =
        new StringBuilder(config.orientation() == Orientation.ITEM ? "i-rbm" : "rbm");
    if (config.conditional()) {
      name.append("-conditional");
    }
    if (config.factored()) {
      name.append("-factored");
    }
    return name.toString();
  }

  @Override
  public RatingScale scale() {
    return scale;
  }

  @Override
  public int numUsers() {
    return numUsers;
  }

  @Override
  public int numItems() {
    return numItems;
  }

  /** The configuration the model was trained with. */
  public RbmConfig config() {
    return config;
  }

  /** A copy of the parameters. */
  public RbmParameters parameters() {
    return params.copy();
  }

  /** The fallback recommender. */
  public Recommender fallback() {
    return fallback;
  }

  /** The training rows the model conditions on (internal; do not modify). */
  public SparseRows trainingRows() {
    return rows;
  }

  /** The conditional RBM's indicator rows, or null (internal; do not modify). */
  public IndicatorRows indicatorRows() {
    return indicator;
  }

  RbmParameters internalParameters() {
    return params;
  }

  @Override
  public double predict(int user, int item) {
    return predict(user, item, config.predictionRule());
  }

  /** The prediction by the mean-field rule. */
  public double predictMeanField(int user, int item) {
    return predict(user, item, PredictionRule.MEAN_FIELD);
  }

  /** The prediction by the exact rule (hidden units marginalised). */
  public double predictExact(int user, int item) {
    return predict(user, item, PredictionRule.EXACT);
  }

  /** The expected rating of {@code item} by {@code user} under {@code rule}. */
  public double predict(int user, int item, PredictionRule rule) {
    checkPair(user, item);
    int row = row(user, item);
    int entry = entry(user, item);
    if (!inference.canPredict(row, entry)) {
      return fallback.predict(user, item);
    }
    float[] out = new float[params.levels];
    float[] scratch = rule == PredictionRule.EXACT ? new float[params.hidden] : null;
    return clamp(score(rule, row, entry, out, scratch));
  }

  /**
   * The distribution p(v = k | the row's training ratings) over the K levels of (user, item),
   * or null when the pair is served by the fallback.
   */
  public double[] levelProbabilities(int user, int item, PredictionRule rule) {
    checkPair(user, item);
    int row = row(user, item);
    int entry = entry(user, item);
    if (!inference.canPredict(row, entry)) {
      return null;
    }
    float[] out = new float[params.levels];
    score(rule, row, entry, out, new float[params.hidden]);
    double[] result = new double[out.length];
    for (int l = 0; l < out.length; l++) {
      result[l] = out[l];
    }
    return result;
  }

  /** Free energy of a row's observed training ratings (row = user for USER orientation). */
  public double freeEnergy(int row) {
    if (row < 0 || row >= rows.numRows()) {
      throw new IllegalArgumentException(
          "row must be in [0, " + rows.numRows() + "), got " + row);
    }
    return inference.freeEnergy(row, new float[params.hidden]);
  }

  @Override
  public boolean isFallback(int user, int item) {
    checkPair(user, item);
    return !inference.canPredict(row(user, item), entry(user, item));
  }

  /**
   * Predicts many pairs in parallel over fixed chunks of the input (results do not depend on
   * the thread count); each row's hidden state comes from the per-row cache.
   */
  @Override
  public Predictions predict(int[] users, int[] items) {
    if (users.length != items.length) {
      throw new IllegalArgumentException(
          "users and items must have equal length, got " + users.length + " and "
              + items.length);
    }
    int n = users.length;
    double[] values = new double[n];
    boolean[] fallbacks = new boolean[n];
    for (int x = 0; x < n; x++) {
      checkPair(users[x], items[x]);
    }
    int chunk = 4096;
    int chunks = (n + chunk - 1) / chunk;
    PredictionRule rule = config.predictionRule();
    try (ChunkRunner runner = new ChunkRunner(Math.min(config.threads(), Math.max(1, chunks)))) {
      runner.run(chunks, c -> {
        float[] out = new float[params.levels];
        float[] scratch = new float[params.hidden];
        for (int x = c * chunk; x < Math.min(n, (c + 1) * chunk); x++) {
          int row = row(users[x], items[x]);
          int entry = entry(users[x], items[x]);
          if (inference.canPredict(row, entry)) {
            values[x] = clamp(score(rule, row, entry, out, scratch));
          } else {
            values[x] = fallback.predict(users[x], items[x]);
            fallbacks[x] = true;
          }
        }
      });
    }
    return new Predictions(values, fallbacks);
  }

  @Override
  public TopItems recommend(int user, int k, boolean excludeSeen) {
    return recommend(user, k, excludeSeen, RankBy.EXPECTED_RATING);
  }

  /**
   * The {@code k} best items for {@code user}, best first, scored by {@code rankBy} under the
   * configured prediction rule; items the RBM cannot score are scored by the fallback's
   * predicted rating (for {@link RankBy#TOP_LEVEL_PROBABILITY}, they rank last).
   */
  public TopItems recommend(int user, int k, boolean excludeSeen, RankBy rankBy) {
    if (user < 0 || user >= numUsers) {
      throw new IllegalArgumentException("user must be in [0, " + numUsers + "), got " + user);
    }
    if (k < 0) {
      throw new IllegalArgumentException("k must be ≥ 0, got " + k);
    }
    float[] out = new float[params.levels];
    float[] scratch = new float[params.hidden];
    PredictionRule rule = config.predictionRule();
    // Seen items score NaN, which TopK never selects.
    return TopK.select(numItems, k, item -> {
      int row = row(user, item);
      int entry = entry(user, item);
      if (excludeSeen && rows.find(row, entry) >= 0) {
        return Double.NaN;
      }
      if (inference.canPredict(row, entry)) {
        double expected = score(rule, row, entry, out, scratch);
        return rankBy == RankBy.EXPECTED_RATING ? clamp(expected) : out[params.levels - 1];
      }
      return rankBy == RankBy.EXPECTED_RATING ? fallback.predict(user, item) : -1.0;
    }, null, user, score -> score);
  }

  /** Fills {@code out} with the level distribution and returns the expected value. */
  private double score(PredictionRule rule, int row, int entry, float[] out, float[] scratch) {
    inference.levelProbabilities(
        rule, row, entry, rowInputs, rowHidden, row * params.hidden, scratch, out);
    return inference.expectedValue(out);
  }

  private double clamp(double value) {
    return Math.max(scale.min(), Math.min(scale.max(), value));
  }

  private int row(int user, int item) {
    return config.orientation() == Orientation.USER ? user : item;
  }

  private int entry(int user, int item) {
    return config.orientation() == Orientation.USER ? item : user;
  }

  private void checkPair(int user, int item) {
    if (user < 0 || user >= numUsers) {
      throw new IllegalArgumentException("user must be in [0, " + numUsers + "), got " + user);
    }
    if (item < 0 || item >= numItems) {
      throw new IllegalArgumentException("item must be in [0, " + numItems + "), got " + item);
    }
  }
}
