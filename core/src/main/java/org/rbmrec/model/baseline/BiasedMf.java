package org.rbmrec.model.baseline;

import java.util.Map;
import java.util.SplittableRandom;
import org.rbmrec.data.Ratings;
import org.rbmrec.data.RatingScale;
import org.rbmrec.data.SparseRows;
import org.rbmrec.train.EpochListener;
import org.rbmrec.train.EpochReport;

/**
 * Biased matrix factorisation ("Funk SVD"), r̂_ui = μ + b_u + b_i + p_u · q_i, fitted by
 * stochastic gradient descent (Koren, Bell &amp; Volinsky, "Matrix factorization techniques for
 * recommender systems", IEEE Computer 2009).
 *
 * <p><b>Fit.</b> μ is the mean training rating, biases start at 0 and factors at N(0, initStd²).
 * Each epoch visits every training rating once, in an order shuffled from (seed, epoch), and with
 * e = r_ui − r̂_ui applies
 * <pre>
 *   b_u ← b_u + γ (e − λ_b b_u)          b_i ← b_i + γ (e − λ_b b_i)
 *   p_u ← p_u + γ (e q_i − λ p_u)        q_i ← q_i + γ (e p_u − λ q_i)   (old values on the right)
 * </pre>
 * then multiplies γ by {@code learningRateDecay}. The reported {@code train_rmse} is measured
 * during the pass, from each rating's error just before its update. Training is single-threaded
 * and fully determined by the config.
 *
 * <p><b>Layout.</b> {@code p[u*F + f]} (users × F) and {@code q[i*F + f]} (items × F).
 *
 * <p><b>Fallback.</b> A user or item without training ratings keeps its random factors, so a pair
 * involving one is predicted from the biases alone and {@link #isFallback} is true.
 *
 * <p><b>Defaults</b> (F = 50, 40 epochs, γ = 0.01 without decay, λ = 0.1, λ_b = 0.02,
 * initStd = 0.1) were chosen by a small grid search on a random 20% validation hold-out of
 * ml-100k u1.base; trained on all of u1.base they score RMSE 0.923 on u1.test.
 */
public final class BiasedMf extends FactorModel {
  private final BiasedMfConfig config;

  private BiasedMf(
      FactorScorer scorer, double[] userFactors, double[] itemFactors, BiasedMfConfig config) {
    super(scorer, userFactors, itemFactors);
    this.config = config;
  }

  /**
   * Fits the model on {@code train} (at least one rating).
   *
   * @param listener receives one report per epoch, with {@code train_rmse}
   * @throws IllegalStateException if training diverges (non-finite error)
   */
  public static BiasedMf fit(Ratings train, BiasedMfConfig config, EpochListener listener) {
    Fitting.requireTrainingData(train, "biased MF");
    if (config == null || listener == null) {
      throw new IllegalArgumentException("config and listener must not be null");
    }
    int f = config.factors();
    int n = train.size();
    double mu = train.meanValue();
    int[] users = train.usersCopy();
    int[] items = train.itemsCopy();
    byte[] levels = train.levelsCopy();
    double min = train.scale().min();
    double step = train.scale().step();
    SplittableRandom init = Fitting.stream(config.seed(), 0, 0);
    double[] p = Fitting.gaussian(train.numUsers() * f, config.initStd(), init);
    double[] q = Fitting.gaussian(train.numItems() * f, config.initStd(), init);
    double[] bu = new double[train.numUsers()];
    double[] bi = new double[train.numItems()];
    int[] order = new int[n];
    double lr = config.learningRate();
    double reg = config.regularization();
    double regB = config.biasRegularization();
    for (int epoch = 1; epoch <= config.epochs(); epoch++) {
      long start = System.nanoTime();
      Fitting.identity(order);
      Fitting.shuffle(order, 0, n, Fitting.stream(config.seed(), 1, epoch));
      double sse = 0;
      for (int t = 0; t < n; t++) {
        int j = order[t];
        int u = users[j];
        int i = items[j];
        int uo = u * f;
        int io = i * f;
        double dot = 0;
        for (int k = 0; k < f; k++) {
          dot += p[uo + k] * q[io + k];
        }
        double e = (min + levels[j] * step) - (mu + bu[u] + bi[i] + dot);
        sse += e * e;
        bu[u] += lr * (e - regB * bu[u]);
        bi[i] += lr * (e - regB * bi[i]);
        for (int k = 0; k < f; k++) {
          double pu = p[uo + k];
          double qi = q[io + k];
          p[uo + k] = pu + lr * (e * qi - reg * pu);
          q[io + k] = qi + lr * (e * pu - reg * qi);
        }
      }
      double rmse = Math.sqrt(sse / n);
      Fitting.requireFinite(rmse, epoch, "biased MF", config.learningRate());
      listener.onEpoch(
          new EpochReport(epoch, (System.nanoTime() - start) / 1e9, Map.of("train_rmse", rmse)));
      lr *= config.learningRateDecay();
    }
    SparseRows seen = train.byUser();
    FactorScorer scorer = new FactorScorer(
        train.scale(), f, mu, bu, bi, p, q, seen, Fitting.nonEmptyRows(train.byItem()));
    return new BiasedMf(scorer, p, q, config);
  }

  /**
   * Rebuilds a fitted model from its arrays (for model files); the arrays are copied.
   *
   * @param userBias (users) b_u
   * @param itemBias (items) b_i
   * @param userFactors (users × F) p
   * @param itemFactors (items × F) q
   * @param seen the training ratings by user (users × items)
   * @throws IllegalArgumentException if the sizes disagree
   */
  public static BiasedMf of(
      RatingScale scale, double mean, double[] userBias, double[] itemBias,
      double[] userFactors, double[] itemFactors, SparseRows seen, BiasedMfConfig config) {
    if (scale == null || seen == null || config == null) {
      throw new IllegalArgumentException("scale, seen and config must not be null");
    }
    int f = config.factors();
    Fitting.requireLength("userBias", userBias, seen.numRows());
    Fitting.requireLength("itemBias", itemBias, seen.numColumns());
    Fitting.requireLength("userFactors", userFactors, (long) seen.numRows() * f);
    Fitting.requireLength("itemFactors", itemFactors, (long) seen.numColumns() * f);
    double[] p = userFactors.clone();
    double[] q = itemFactors.clone();
    FactorScorer scorer = new FactorScorer(scale, f, mean, userBias.clone(), itemBias.clone(),
        p, q, seen, Fitting.ratedColumns(seen));
    return new BiasedMf(scorer, p, q, config);
  }




  /** The configuration the model was fitted with. */
  public BiasedMfConfig config() {
    return config;
  }






  @Override
  public String name() {
    return "biased-mf";
  }







  @Override
  public String toString() {
    return "BiasedMf[" + config + "]";
  }
}
