package org.rbmrec.model.rbm;

import java.util.Objects;
import org.rbmrec.data.SparseRows;

/**
 * The partition function Z of one row's RBM, whose visible units are the entries the row rated
 * (so Z depends on which entries those are, not on their values):
 * {@code Z = Σ_V Σ_h exp(−E(V, h))}.
 *
 * <ul>
 *   <li>{@link #exactLog} sums over the 2^F hidden states analytically in V:
 *       {@code Z = Σ_h exp(Σ_j (c_j + Σ_{i∈r} D_ij) h_j) Π_i Σ_k exp(b_ik + Σ_j W_ikj h_j)};
 *       only for small F.
 *   <li>{@link #annealedImportanceSampling} estimates log Z by annealed importance sampling
 *       (Neal 2001; Salakhutdinov &amp; Murray, "On the Quantitative Analysis of Deep Belief
 *       Networks", ICML 2008): from the base model with the same visible biases and no weights,
 *       whose {@code Z₀ = 2^F Π_i Σ_k exp(b_ik)}, through the distributions
 *       {@code p*_β(V) = exp(Σ_i b_{i,v_i}) Π_j (1 + exp(β x_j(V)))} for β rising from 0 to 1 in
 *       equal steps, each followed by one Gibbs transition at that β.
 * </ul>
 */
public final class PartitionFunction {
  /** The largest F for which {@link #exactLog} enumerates hidden states. */
  public static final int MAX_EXACT_HIDDEN = 24;

  private PartitionFunction() {}

  /**
   * An AIS estimate.
   *
   * @param logZ the estimate of log Z (log of the mean importance weight, times Z₀)
   * @param logZBase log Z₀ of the base model
   * @param standardError an estimate of the standard error of {@code logZ}, from the spread of
   *     the importance weights (delta method)
   */
  public record Estimate(double logZ, double logZBase, double standardError) {}

  /** Exact log Z of {@code model}'s row {@code row} (its training entries and indicator). */
  public static double exactLog(RbmModel model, int row) {
    SparseRows rows = model.trainingRows();
    return exactLog(model.internalParameters(), columnsOf(rows, row), indicatorOf(model, row));
  }

  /**
   * Exact log Z of the RBM whose visible units are {@code columns}, with the conditional
   * indicator {@code indicator} (ignored without D; may be empty).
   */
  public static double exactLog(RbmParameters p, int[] columns, int[] indicator) {
    Objects.requireNonNull(columns, "columns");
    if (p.hidden > MAX_EXACT_HIDDEN) {
      throw new IllegalArgumentException(
          "exact log Z needs hidden ≤ " + MAX_EXACT_HIDDEN + ", got " + p.hidden);
    }
    int k = p.levels;
    int f = p.hidden;
    float[] base = baseInput(p, indicator);
    double[] terms = new double[1 << f];
    for (int h = 0; h < terms.length; h++) {
      double t = 0;
      for (int j = 0; j < f; j++) {
        if ((h >> j & 1) == 1) {
          t += base[j];
        }
      }
      for (int i : columns) {
        double[] logits = new double[k];
        for (int l = 0; l < k; l++) {
          double s = p.b[i * k + l];
          int o = (i * k + l) * f;
          for (int j = 0; j < f; j++) {
            if ((h >> j & 1) == 1) {
              s += p.w[o + j];
            }
          }
          logits[l] = s;
        }
        t += logSumExp(logits, k);
      }
      terms[h] = t;
    }
    return logSumExp(terms, terms.length);
  }

  /** AIS estimate of log Z of {@code model}'s row {@code row}. */
  public static Estimate annealedImportanceSampling(
      RbmModel model, int row, int runs, int temperatures, long seed) {
    SparseRows rows = model.trainingRows();
    return annealedImportanceSampling(model.internalParameters(), columnsOf(rows, row),
        indicatorOf(model, row), runs, temperatures, seed);
  }

  /**
   * AIS estimate of log Z of the RBM whose visible units are {@code columns}.
   *
   * @param runs independent annealing runs, ≥ 1
   * @param temperatures number of intermediate β values, ≥ 1
   * @param seed seed; run r uses the stream of (seed, 0, r)
   */
  public static Estimate annealedImportanceSampling(
      RbmParameters p, int[] columns, int[] indicator, int runs, int temperatures, long seed) {
    if (runs < 1 || temperatures < 1) {
      throw new IllegalArgumentException(
          "runs and temperatures must be ≥ 1, got " + runs + " and " + temperatures);
    }
    int k = p.levels;
    int f = p.hidden;
    int n = columns.length;
    float[] base = baseInput(p, indicator);
    double logZBase = f * Math.log(2);
    float[] probabilities = new float[n * k];
    for (int x = 0; x < n; x++) {
      for (int l = 0; l < k; l++) {
        probabilities[x * k + l] = p.b[columns[x] * k + l];
      }
      logZBase += logSumExp(probabilities, x * k, k);
      RbmMath.softmax(probabilities, x * k, k);
    }
    byte[] v = new byte[n];
    float[] x = new float[f];
    float[] h = new float[f];
    float[] q = new float[k];
    double[] logWeights = new double[runs];
    RowRandom random = new RowRandom();
    for (int run = 0; run < runs; run++) {
      random.reseed(seed, 0, run);
      for (int e = 0; e < n; e++) {
        v[e] = (byte) RbmMath.sampleLevel(probabilities, e * k, k, random.nextDouble());
      }
      double logWeight = 0;
      for (int t = 1; t <= temperatures; t++) {
        double previous = (t - 1) / (double) temperatures;
        double beta = t / (double) temperatures;
        hiddenInput(p, base, columns, v, x);
        logWeight += hiddenTerm(x, f, beta) - hiddenTerm(x, f, previous);
        if (t == temperatures) {
          break;
        }
        // One Gibbs transition that leaves p_β invariant.
        for (int j = 0; j < f; j++) {
          h[j] = random.nextFloat() < RbmMath.sigmoid((float) (beta * x[j])) ? 1f : 0f;
        }
        for (int e = 0; e < n; e++) {
          int i = columns[e];
          for (int l = 0; l < k; l++) {
            int o = (i * k + l) * f;
            float s = 0f;
            for (int j = 0; j < f; j++) {
              s += h[j] * p.w[o + j];
            }
            q[l] = p.b[i * k + l] + (float) (beta * s);
          }
          RbmMath.softmax(q, 0, k);
          v[e] = (byte) RbmMath.sampleLevel(q, 0, k, random.nextDouble());
        }
      }
      logWeights[run] = logWeight;
    }
    double logMean = logSumExp(logWeights, runs) - Math.log(runs);
    double mean = 0;
    double square = 0;
    for (double lw : logWeights) {
      double ratio = Math.exp(lw - logMean);
      mean += ratio;
      square += ratio * ratio;
    }
    mean /= runs;
    double variance = Math.max(0, square / runs - mean * mean);
    double standardError = Math.sqrt(variance / runs) / mean;
    return new Estimate(logZBase + logMean, logZBase, standardError);
  }

  /** Σ_j log(1 + exp(β x_j)): the β-dependent part of log p*_β(V). */
  private static double hiddenTerm(float[] x, int f, double beta) {
    double s = 0;
    for (int j = 0; j < f; j++) {
      s += RbmMath.softplus(beta * x[j]);
    }
    return s;
  }

  private static void hiddenInput(
      RbmParameters p, float[] base, int[] columns, byte[] v, float[] x) {
    System.arraycopy(base, 0, x, 0, p.hidden);
    for (int e = 0; e < columns.length; e++) {
      int o = (columns[e] * p.levels + v[e]) * p.hidden;
      for (int j = 0; j < p.hidden; j++) {
        x[j] += p.w[o + j];
      }
    }
  }

  private static float[] baseInput(RbmParameters p, int[] indicator) {
    float[] base = p.c.clone();
    if (p.d != null && indicator != null) {
      RbmMath.addImplicitInput(p.d, p.hidden, indicator, 0, indicator.length, base);
    }
    return base;
  }

  private static int[] columnsOf(SparseRows rows, int row) {
    int[] columns = new int[rows.rowLength(row)];
    System.arraycopy(rows.columns(), rows.rowStart(row), columns, 0, columns.length);
    return columns;
  }

  private static int[] indicatorOf(RbmModel model, int row) {
    IndicatorRows indicator = model.indicatorRows();
    if (indicator == null) {
      return new int[0];
    }
    int[] columns = new int[indicator.rowEnd(row) - indicator.rowStart(row)];
    System.arraycopy(indicator.columns(), indicator.rowStart(row), columns, 0, columns.length);
    return columns;
  }

  private static double logSumExp(double[] terms, int n) {
    double max = Double.NEGATIVE_INFINITY;
    for (int x = 0; x < n; x++) {
      max = Math.max(max, terms[x]);
    }
    double sum = 0;
    for (int x = 0; x < n; x++) {
      sum += Math.exp(terms[x] - max);
    }
    return max + Math.log(sum);
  }

  private static double logSumExp(float[] terms, int offset, int n) {
    double max = Double.NEGATIVE_INFINITY;
    for (int x = 0; x < n; x++) {
      max = Math.max(max, terms[offset + x]);
    }
    double sum = 0;
    for (int x = 0; x < n; x++) {
      sum += Math.exp(terms[offset + x] - max);
    }
    return max + Math.log(sum);
  }
}
