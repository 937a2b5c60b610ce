package org.rbmrec.model.rbm;

import java.util.SplittableRandom;

/**
 * Test oracle: exact quantities of one row's RBM by enumerating every hidden state (2^F) and,
 * where needed, every visible state (K^n), straight from the energy
 * E(V,h) = −Σ_i Σ_j W_{i,v_i,j} h_j − Σ_i b_{i,v_i} − Σ_j c_j h_j − Σ_{i∈r} Σ_j D_ij h_j.
 */
final class BruteForce {
  private final RbmParameters p;
  private final int[] implicit;

  /** @param implicit the row's indicator units r (conditional RBM), or an empty array */
  BruteForce(RbmParameters p, int[] implicit) {
    this.p = p;
    this.implicit = p.d == null ? new int[0] : implicit;
  }

  /** Parameters of a tiny model with weights of order {@code scale}, drawn from {@code seed}. */
  static RbmParameters randomParameters(
      int visible, int levels, int hidden, int factors, boolean conditional, double scale,
      long seed) {
    RbmParameters p = new RbmParameters(visible, levels, hidden, factors, conditional);
    SplittableRandom random = new SplittableRandom(seed);
    if (factors > 0) {
      for (int x = 0; x < p.a.length; x++) {
        p.a[x] = (float) (scale * random.nextGaussian());
      }
      for (int x = 0; x < p.bf.length; x++) {
        p.bf[x] = (float) (scale * random.nextGaussian());
      }
      p.materialiseFactors();
    } else {
      for (int x = 0; x < p.w.length; x++) {
        p.w[x] = (float) (scale * random.nextGaussian());
      }
    }
    for (int x = 0; x < p.b.length; x++) {
      p.b[x] = (float) (scale * random.nextGaussian());
    }
    for (int x = 0; x < p.c.length; x++) {
      p.c[x] = (float) (scale * random.nextGaussian());
    }
    if (p.d != null) {
      for (int x = 0; x < p.d.length; x++) {
        p.d[x] = (float) (scale * random.nextGaussian());
      }
    }
    return p;
  }

  double energy(int[] columns, int[] levels, int hiddenState) {
    double e = 0;
    for (int x = 0; x < columns.length; x++) {
      e -= p.b[columns[x] * p.levels + levels[x]];
    }
    for (int j = 0; j < p.hidden; j++) {
      if ((hiddenState >> j & 1) == 0) {
        continue;
      }
      e -= p.c[j];
      for (int x = 0; x < columns.length; x++) {
        e -= p.w[(columns[x] * p.levels + levels[x]) * p.hidden + j];
      }
      for (int i : implicit) {
        e -= p.d[i * p.hidden + j];
      }
    }
    return e;
  }

  /** −log Σ_h exp(−E(V, h)). */
  double freeEnergy(int[] columns, int[] levels) {
    double[] terms = new double[1 << p.hidden];
    for (int h = 0; h < terms.length; h++) {
      terms[h] = -energy(columns, levels, h);
    }
    return -logSumExp(terms);
  }

  /** p(h_j = 1 | V) for every j. */
  double[] hiddenProbabilities(int[] columns, int[] levels) {
    double logZ = -freeEnergy(columns, levels);
    double[] probabilities = new double[p.hidden];
    for (int h = 0; h < 1 << p.hidden; h++) {
      double weight = Math.exp(-energy(columns, levels, h) - logZ);
      for (int j = 0; j < p.hidden; j++) {
        if ((h >> j & 1) == 1) {
          probabilities[j] += weight;
        }
      }
    }
    return probabilities;
  }

  /** p(v_position = k | h) for the entry at {@code position}, summing over the other entries. */
  double[] visibleProbabilities(int[] columns, int position, int hiddenState) {
    int n = columns.length;
    double[] byLevel = new double[p.levels];
    int[] levels = new int[n];
    int states = pow(p.levels, n);
    double total = 0;
    for (int s = 0; s < states; s++) {
      decode(s, levels);
      double weight = Math.exp(-energy(columns, levels, hiddenState));
      byLevel[levels[position]] += weight;
      total += weight;
    }
    for (int l = 0; l < p.levels; l++) {
      byLevel[l] /= total;
    }
    return byLevel;
  }

  /**
   * log p(V) of a row whose rated entries are {@code columns} with {@code levels}, under that
   * row's RBM (whose visible units are exactly those entries).
   */
  double logLikelihood(int[] columns, int[] levels) {
    int states = pow(p.levels, columns.length);
    double[] terms = new double[states];
    int[] v = new int[columns.length];
    for (int s = 0; s < states; s++) {
      decode(s, v);
      terms[s] = -freeEnergy(columns, v);
    }
    return -freeEnergy(columns, levels) - logSumExp(terms);
  }

  /**
   * The exact gradient of log p(V) for one row: entries gw (V·K·F), gb (V·K), gc (F), gd (V·F):
   * data statistics minus model expectations, enumerating every visible state of the row.
   */
  double[][] logLikelihoodGradient(int[] columns, int[] levels) {
    double[] gw = new double[p.w.length];
    double[] gb = new double[p.b.length];
    double[] gc = new double[p.hidden];
    double[] gd = new double[p.numVisible * p.hidden];
    addStatistics(columns, levels, 1.0, gw, gb, gc, gd);
    int states = pow(p.levels, columns.length);
    double[] logWeights = new double[states];
    int[] v = new int[columns.length];
    for (int s = 0; s < states; s++) {
      decode(s, v);
      logWeights[s] = -freeEnergy(columns, v);
    }
    double logZ = logSumExp(logWeights);
    for (int s = 0; s < states; s++) {
      decode(s, v);
      addStatistics(columns, v, -Math.exp(logWeights[s] - logZ), gw, gb, gc, gd);
    }
    return new double[][] {gw, gb, gc, gd};
  }

  private void addStatistics(
      int[] columns, int[] levels, double weight, double[] gw, double[] gb, double[] gc,
      double[] gd) {
    double[] h = hiddenProbabilities(columns, levels);
    for (int x = 0; x < columns.length; x++) {
      int r = columns[x] * p.levels + levels[x];
      gb[r] += weight;
      for (int j = 0; j < p.hidden; j++) {
        gw[r * p.hidden + j] += weight * h[j];
      }
    }
    for (int j = 0; j < p.hidden; j++) {
      gc[j] += weight * h[j];
      for (int i : implicit) {
        gd[i * p.hidden + j] += weight * h[j];
      }
    }
  }

  private void decode(int state, int[] levels) {
    for (int x = 0; x < levels.length; x++) {
      levels[x] = state % p.levels;
      state /= p.levels;
    }
  }

  private static int pow(int base, int exponent) {
    int result = 1;
    for (int x = 0; x < exponent; x++) {
      result *= base;
    }
    return result;
  }

  static double logSumExp(double[] terms) {
    double max = Double.NEGATIVE_INFINITY;
    for (double t : terms) {
      max = Math.max(max, t);
    }
    double sum = 0;
    for (double t : terms) {
      sum += Math.exp(t - max);
    }
    return max + Math.log(sum);
  }
}
