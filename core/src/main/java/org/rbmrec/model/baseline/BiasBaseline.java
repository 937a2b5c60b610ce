package org.rbmrec.model.baseline;

import java.util.Map;
import org.rbmrec.data.Ratings;
import org.rbmrec.data.RatingScale;
import org.rbmrec.data.SparseRows;
import org.rbmrec.model.Recommender;
import org.rbmrec.model.TopItems;
import org.rbmrec.model.TopK;
import org.rbmrec.train.EpochListener;
import org.rbmrec.train.EpochReport;

/**
 * Koren's baseline predictor r̂_ui = μ + b_u + b_i, with μ the mean training rating and
 * regularised user and item biases (Koren, "Factor in the neighbors", TKDD 2010, §2.1).
 *
 * <p><b>Fit.</b> The biases minimise
 * Σ_(u,i) (r_ui − μ − b_u − b_i)² + λ_u Σ_u b_u² + λ_i Σ_i b_i²
 * by alternating least squares, starting from b_u = 0. Each iteration solves exactly for every
 * item bias with the user biases fixed, then for every user bias with the item biases fixed:
 * <pre>
 *   b_i ← Σ_{u ∈ R(i)} (r_ui − μ − b_u) / (λ_i + |R(i)|)
 *   b_u ← Σ_{i ∈ R(u)} (r_ui − μ − b_i) / (λ_u + |R(u)|)
 * </pre>
 * One iteration is the classic shrunk-mean estimate; more iterations converge to the joint
 * minimiser. Each iteration's training RMSE is reported as {@code train_rmse}.
 *
 * <p><b>Fallback.</b> A user or item without training ratings has bias 0; {@link #isFallback}
 * is true for any pair involving one, since the model cannot personalise it.
 */
public final class BiasBaseline implements Recommender {
  private final RatingScale scale;
  private final double mean;
  private final double[] userBias;
  private final double[] itemBias;
  private final boolean[] itemKnown;
  private final SparseRows seen;
  private final BiasConfig config;

  private BiasBaseline(
      RatingScale scale, double mean, double[] userBias, double[] itemBias, boolean[] itemKnown,
      SparseRows seen, BiasConfig config) {
    this.scale = scale;
    this.mean = mean;
    this.userBias = userBias;
    this.itemBias = itemBias;
    this.itemKnown = itemKnown;
    this.seen = seen;
    this.config = config;
  }

  /**
   * Fits the biases on {@code train} (at least one rating).
   *
   * @param listener receives one report per iteration, with {@code train_rmse}
   */
  public static BiasBaseline fit(Ratings train, BiasConfig config, EpochListener listener) {
    Fitting.requireTrainingData(train, "bias baseline");
    if (config == null || listener == null) {
      throw new IllegalArgumentException("config and listener must not be null");
    }
    SparseRows byUser = train.byUser();
    SparseRows byItem = train.byItem();
    double mu = train.meanValue();
    double[] bu = new double[train.numUsers()];
    double[] bi = new double[train.numItems()];
    for (int it = 1; it <= config.iterations(); it++) {
      long start = System.nanoTime();
      solve(byItem, train.scale(), mu, bu, bi, config.itemRegularization());
      solve(byUser, train.scale(), mu, bi, bu, config.userRegularization());
      double rmse = trainRmse(byUser, train.scale(), mu, bu, bi);
      listener.onEpoch(new EpochReport(
          it, (System.nanoTime() - start) / 1e9, Map.of("train_rmse", rmse)));
    }
    return new BiasBaseline(
        train.scale(), mu, bu, bi, Fitting.nonEmptyRows(byItem), byUser, config);
  }

  /**
   * Solves every row's bias with the other side's biases fixed:
   * {@code rowBias[r] = Σ (value − μ − otherBias[column]) / (λ + rowLength)}.
   */
  private static void solve(
      SparseRows rows, RatingScale scale, double mu, double[] otherBias, double[] rowBias,
      double lambda) {
    int[] columns = rows.columns();
    byte[] levels = rows.levels();
    double min = scale.min();
    double step = scale.step();
    for (int r = 0; r < rows.numRows(); r++) {
      int start = rows.rowStart(r);
      int end = rows.rowEnd(r);
      double sum = 0;
      for (int p = start; p < end; p++) {
        sum += (min + levels[p] * step) - mu - otherBias[columns[p]];
      }
      int n = end - start;
      rowBias[r] = n == 0 ? 0 : sum / (lambda + n);
    }
  }

  private static double trainRmse(
      SparseRows byUser, RatingScale scale, double mu, double[] bu, double[] bi) {
    int[] columns = byUser.columns();
    byte[] levels = byUser.levels();
    double min = scale.min();
    double step = scale.step();
    double sum = 0;
    for (int u = 0; u < byUser.numRows(); u++) {
      for (int p = byUser.rowStart(u); p < byUser.rowEnd(u); p++) {
        double e = (min + levels[p] * step) - (mu + bu[u] + bi[columns[p]]);
        sum += e * e;
      }
    }
    return Math.sqrt(sum / byUser.nnz());
  }

  /**
   * Rebuilds a fitted model from its arrays (for model files); the arrays are copied.
   *
   * @param userBias (users) b_u
   * @param itemBias (items) b_i
   * @param seen the training ratings by user (users × items); items without ratings in it are
   *     reported as fallback, as after fitting
   * @throws IllegalArgumentException if the sizes disagree
   */
  public static BiasBaseline of(
      RatingScale scale, double mean, double[] userBias, double[] itemBias, SparseRows seen,
      BiasConfig config) {
    if (scale == null || seen == null || config == null) {
      throw new IllegalArgumentException("scale, seen and config must not be null");
    }
    if (userBias.length != seen.numRows() || itemBias.length != seen.numColumns()) {
      throw new IllegalArgumentException("bias lengths " + userBias.length + ", "
          + itemBias.length + " do not match the " + seen.numRows() + " × " + seen.numColumns()
          + " training rows");
    }
    return new BiasBaseline(scale, mean, userBias.clone(), itemBias.clone(),
        Fitting.ratedColumns(seen), seen, config);
  }

  /** A copy of b_u for every user (users). */
  public double[] userBiases() {
    return userBias.clone();
  }

  /** A copy of b_i for every item (items). */
  public double[] itemBiases() {
    return itemBias.clone();
  }

  /** The training ratings by user (internal; do not modify). */
  public SparseRows seenRows() {
    return seen;
  }

  /** μ, the mean training rating. */
  public double mean() {
    return mean;
  }

  /** b_u of {@code user} (rating units; 0 for a user without training ratings). */
  public double userBias(int user) {
    Indices.user(user, numUsers());
    return userBias[user];
  }

  /** b_i of {@code item} (rating units; 0 for an item without training ratings). */
  public double itemBias(int item) {
    Indices.item(item, numItems());
    return itemBias[item];
  }

  /** The configuration the model was fitted with. */
  public BiasConfig config() {
    return config;
  }

  @Override
  public String name() {
    return "bias";
  }

  @Override
  public RatingScale scale() {
    return scale;
  }

  @Override
  public int numUsers() {
    return userBias.length;
  }

  @Override
  public int numItems() {
    return itemBias.length;
  }

  @Override
  public double predict(int user, int item) {
    Indices.check(user, numUsers(), item, numItems());
    return Fitting.clip(mean + userBias[user] + itemBias[item], scale);
  }

  @Override
  public boolean isFallback(int user, int item) {
    Indices.check(user, numUsers(), item, numItems());
    return seen.rowLength(user) == 0 || !itemKnown[item];
  }

  @Override
  public TopItems recommend(int user, int k, boolean excludeSeen) {
    Indices.user(user, numUsers());
    double base = mean + userBias[user];
    return TopK.select(
        numItems(), k, item -> base + itemBias[item], excludeSeen ? seen : null, user,
        score -> Fitting.clip(score, scale));
  }

  @Override
  public String toString() {
    return "BiasBaseline[μ=" + mean + ", " + config + "]";
  }
}
