package org.rbmrec.model.rbm;

import java.util.SplittableRandom;

/**
 * The parameters of an RBM as flat float arrays, with V visible units, K levels, F hidden units
 * and, in the factored model, C factors:
 * <ul>
 *   <li>{@code w}: (V × K × F) weights, {@code w[(i*K + k)*F + j]}, so the F weights of one
 *       (visible, level) pair are contiguous; in the factored model {@code w = a·bf}, kept
 *       materialised;
 *   <li>{@code b}: (V × K) visible biases, {@code b[i*K + k]};
 *   <li>{@code c}: (F) hidden biases;
 *   <li>{@code d}: (V × F) implicit-feedback weights of the conditional RBM,
 *       {@code d[i*F + j]}, or null;
 *   <li>{@code a}: (V × K × C) factor loadings, {@code a[(i*K + k)*C + f]}, or null;
 *   <li>{@code bf}: (C × F) factor-to-hidden weights, {@code bf[f*F + j]}, or null.
 * </ul>
 *
 * <p>This is a mutable holder used by the trainer; a trained {@link RbmModel} owns its instance
 * and never changes it.
 */
public final class RbmParameters {
  final int numVisible;
  final int levels;
  final int hidden;
  final int factors;
  final float[] w;
  final float[] b;
  final float[] c;
  final float[] d;
  final float[] a;
  final float[] bf;

  RbmParameters(int numVisible, int levels, int hidden, int factors, boolean conditional) {
    if (numVisible < 1 || levels < 2 || hidden < 1 || factors < 0) {
      throw new IllegalArgumentException(
          "RBM shape must have numVisible ≥ 1, levels ≥ 2, hidden ≥ 1, factors ≥ 0, got "
              + numVisible + ", " + levels + ", " + hidden + ", " + factors);
    }
    long size = (long) numVisible * levels * hidden;
    if (size > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException(
          "RBM weights V × K × F must fit in one array, got " + numVisible + " × " + levels
              + " × " + hidden);
    }
    this.numVisible = numVisible;
    this.levels = levels;
    this.hidden = hidden;
    this.factors = factors;
    this.w = new float[(int) size];
    this.b = new float[numVisible * levels];
    this.c = new float[hidden];
    this.d = conditional ? new float[numVisible * hidden] : null;
    this.a = factors > 0 ? new float[numVisible * levels * factors] : null;
    this.bf = factors > 0 ? new float[factors * hidden] : null;
  }

  /**
   * Fills W (or A and B) with N(0, σ²) draws from {@code seed}, sets c = 0, D = 0 and
   * {@code b} to the given visible biases. In the factored model A and B are drawn with
   * standard deviation √(σ/√C) each, so that W = A·B has standard deviation about σ.
   */
  void initialise(double sigma, float[] visibleBiases, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    if (factors == 0) {
      for (int x = 0; x < w.length; x++) {
        w[x] = (float) (sigma * random.nextGaussian());
      }
    } else {
      double s = Math.sqrt(sigma / Math.sqrt(factors));
      for (int x = 0; x < a.length; x++) {
        a[x] = (float) (s * random.nextGaussian());
      }
      for (int x = 0; x < bf.length; x++) {
        bf[x] = (float) (s * random.nextGaussian());
      }
      materialiseFactors();
    }
    System.arraycopy(visibleBiases, 0, b, 0, b.length);
  }

  /** Recomputes W = A·B: {@code w[(i*K+k)*F + j] = Σ_f a[(i*K+k)*C + f] · bf[f*F + j]}. */
  void materialiseFactors() {
    int rows = numVisible * levels;
    for (int r = 0; r < rows; r++) {
      int wo = r * hidden;
      int ao = r * factors;
      java.util.Arrays.fill(w, wo, wo + hidden, 0f);
      for (int f = 0; f < factors; f++) {
        float af = a[ao + f];
        int bo = f * hidden;
        for (int j = 0; j < hidden; j++) {
          w[wo + j] += af * bf[bo + j];
        }
      }
    }
  }

  /** V, the number of visible units. */
  public int numVisible() {
    return numVisible;
  }

  /** K, the number of rating levels. */
  public int levels() {
    return levels;
  }

  /** F, the number of hidden units. */
  public int hidden() {
    return hidden;
  }

  /** C, the number of factors, or 0 when W is not factored. */
  public int factors() {
    return factors;
  }

  /** Whether the conditional weights D exist. */
  public boolean conditional() {
    return d != null;
  }

  /** A copy of W (V × K × F). */
  public float[] weightsCopy() {
    return w.clone();
  }

  /** A copy of b (V × K). */
  public float[] visibleBiasesCopy() {
    return b.clone();
  }

  /** A copy of c (F). */
  public float[] hiddenBiasesCopy() {
    return c.clone();
  }

  /** A copy of D (V × F), or null. */
  public float[] implicitWeightsCopy() {
    return d == null ? null : d.clone();
  }

  /** A deep copy. */
  RbmParameters copy() {
    RbmParameters p = new RbmParameters(numVisible, levels, hidden, factors, d != null);
    System.arraycopy(w, 0, p.w, 0, w.length);
    System.arraycopy(b, 0, p.b, 0, b.length);
    System.arraycopy(c, 0, p.c, 0, c.length);
    if (d != null) {
      System.arraycopy(d, 0, p.d, 0, d.length);
    }
    if (a != null) {
      System.arraycopy(a, 0, p.a, 0, a.length);
      System.arraycopy(bf, 0, p.bf, 0, bf.length);
    }
    return p;
  }
}
