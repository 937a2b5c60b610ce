package org.rbmrec.model.rbm;

/**
 * The equations of the softmax RBM as small kernels over flat arrays (layouts in
 * {@link RbmParameters}). A row's rated entries are given as positions {@code [from, to)} of CSR
 * arrays {@code columns} (visible unit i) and {@code levels} (level k). With
 * x_j = c_j + Σ_i Σ_k W_ikj v_ik [+ Σ_i r_i D_ij] the total input to hidden unit j:
 *
 * <pre>
 *   p(h_j = 1 | V)  = σ(x_j)                                          (paper eq. 2)
 *   p(v_ik = 1 | h) = exp(b_ik + Σ_j h_j W_ikj) / Σ_l exp(b_il + Σ_j h_j W_ilj)   (eq. 1)
 *   F(V)            = − Σ_i b_{i,v_i} − Σ_j log(1 + exp(x_j))          (free energy)
 *   p(v_q = k | V)  ∝ exp(b_qk) Π_j (1 + exp(x_j + W_qkj))            (exact prediction)
 * </pre>
 *
 * Inner loops run over the F contiguous hidden units.
 */
public final class RbmMath {
  private RbmMath() {}

  /** The logistic function σ(x) = 1 / (1 + e^−x). */
  public static float sigmoid(float x) {
    return (float) (1.0 / (1.0 + Math.exp(-x)));
  }

  /** log(1 + e^x), computed without overflow. */
  public static double softplus(double x) {
    return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
  }

  /**
   * Adds the input of a row's observed ratings to the hidden units:
   * {@code out[j] += Σ_{p ∈ [from,to)} w[(columns[p]*K + levels[p])*F + j]}.
   */
  public static void addVisibleInput(
      float[] w, int k, int f, int[] columns, byte[] levels, int from, int to, float[] out) {
    for (int p = from; p < to; p++) {
      int o = (columns[p] * k + levels[p]) * f;
      for (int j = 0; j < f; j++) {
        out[j] += w[o + j];
      }
    }
  }

  /**
   * Adds the input of soft (probabilistic) visible states:
   * {@code out[j] += Σ_p Σ_l q[(p-from)*K + l] · w[(columns[p]*K + l)*F + j]}.
   */
  public static void addSoftVisibleInput(
      float[] w, int k, int f, int[] columns, int from, int to, float[] q, float[] out) {
    for (int p = from; p < to; p++) {
      int qo = (p - from) * k;
      for (int l = 0; l < k; l++) {
        float ql = q[qo + l];
        int o = (columns[p] * k + l) * f;
        for (int j = 0; j < f; j++) {
          out[j] += ql * w[o + j];
        }
      }
    }
  }

  /**
   * Adds the conditional RBM's implicit input
   * {@code out[j] += Σ_{p ∈ [from,to)} d[columns[p]*F + j]} over the entries the row rated (value known or not).
   */
  public static void addImplicitInput(
      float[] d, int f, int[] columns, int from, int to, float[] out) {
    for (int p = from; p < to; p++) {
      int o = columns[p] * f;
      for (int j = 0; j < f; j++) {
        out[j] += d[o + j];
      }
    }
  }

  /** The hidden probabilities {@code out[j] = σ(input[j])} for j in [0, F). */
  public static void hiddenProbabilities(float[] input, float[] out, int f) {
    for (int j = 0; j < f; j++) {
      out[j] = sigmoid(input[j]);
    }
  }

  /** Draws binary hidden states {@code out[j] = 1 with probability probabilities[j]}, else 0. */
  static void sampleHidden(float[] probabilities, float[] out, int f, RowRandom random) {
    for (int j = 0; j < f; j++) {
      out[j] = random.nextFloat() < probabilities[j] ? 1f : 0f;
    }
  }

  /**
   * The visible logits of visible unit {@code i} given hidden values h (binary or
   * probabilities): {@code out[offset + k] = b[i*K + k] + Σ_j h[j] · w[(i*K + k)*F + j]}.
   */
  public static void visibleLogits(
      float[] w, float[] b, int k, int f, int i, float[] h, float[] out, int offset) {
    visibleLogits(w, b, k, f, i, h, 0, out, offset);
  }

  /**
   * As {@link #visibleLogits(float[], float[], int, int, int, float[], float[], int)}, reading
   * h at {@code h[hOffset + j]}.
   */
  public static void visibleLogits(
      float[] w, float[] b, int k, int f, int i, float[] h, int hOffset, float[] out,
      int offset) {
    for (int l = 0; l < k; l++) {
      int o = (i * k + l) * f;
      float s = 0f;
      for (int j = 0; j < f; j++) {
        s += h[hOffset + j] * w[o + j];
      }
      out[offset + l] = b[i * k + l] + s;
    }
  }

  /**
   * Turns logits {@code z[offset … offset+K)} into softmax probabilities in place, subtracting
   * the maximum first so that no exponential overflows.
   */
  public static void softmax(float[] z, int offset, int k) {
    float max = z[offset];
    for (int l = 1; l < k; l++) {
      max = Math.max(max, z[offset + l]);
    }
    double sum = 0;
    for (int l = 0; l < k; l++) {
      double e = Math.exp(z[offset + l] - max);
      z[offset + l] = (float) e;
      sum += e;
    }
    float inv = (float) (1.0 / sum);
    for (int l = 0; l < k; l++) {
      z[offset + l] *= inv;
    }
  }

  /**
   * One categorical draw from probabilities {@code p[offset … offset+K)} with the uniform
   * variate {@code u} ∈ [0, 1): the first level whose cumulative probability exceeds u (the last
   * level absorbs rounding).
   */
  public static int sampleLevel(float[] p, int offset, int k, double u) {
    double cumulative = 0;
    for (int l = 0; l < k - 1; l++) {
      cumulative += p[offset + l];
      if (u < cumulative) {
        return l;
      }
    }
    return k - 1;
  }

  /**
   * The free energy of a row's observed ratings given its total hidden input x (computed by the
   * caller from c, the row's ratings and, in the conditional RBM, D):
   * {@code F(V) = − Σ_p b[columns[p]*K + levels[p]] − Σ_j log(1 + exp(x_j))}.
   */
  public static double freeEnergy(
      float[] b, int k, int[] columns, byte[] levels, int from, int to, float[] input, int f) {
    double energy = 0;
    for (int p = from; p < to; p++) {
      energy -= b[columns[p] * k + levels[p]];
    }
    for (int j = 0; j < f; j++) {
      energy -= softplus(input[j]);
    }
    return energy;
  }

  /**
   * The exact log-probabilities (unnormalised, as logits) of query unit {@code q}'s levels given
   * the hidden input x of the row's other observed ratings:
   * {@code out[offset + k] = b[q*K + k] + Σ_j log(1 + exp(x_j + w[(q*K + k)*F + j]))}.
   * Apply {@link #softmax} to get p(v_q = k | V).
   */
  public static void exactQueryLogits(
      float[] w, float[] b, int k, int f, int q, float[] input, float[] out, int offset) {
    exactQueryLogits(w, b, k, f, q, input, 0, out, offset);
  }

  /**
   * As {@link #exactQueryLogits(float[], float[], int, int, int, float[], float[], int)}, reading
   * x at {@code input[inputOffset + j]}.
   */
  public static void exactQueryLogits(
      float[] w, float[] b, int k, int f, int q, float[] input, int inputOffset, float[] out,
      int offset) {
    for (int l = 0; l < k; l++) {
      int o = (q * k + l) * f;
      double s = b[q * k + l];
      for (int j = 0; j < f; j++) {
        s += softplus(input[inputOffset + j] + w[o + j]);
      }
      out[offset + l] = (float) s;
    }
  }
}
