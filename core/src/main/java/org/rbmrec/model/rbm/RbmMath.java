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
  /**
   * Whether the hot loops run on the Vector API: when the JVM was started with
   * {@code --add-modules jdk.incubator.vector} (as {@code bin/rbmrec} does) and the system
   * property {@code rbmrec.vector} is not {@code false}. Either way the results are the same.
   */
  static final boolean VECTOR =
      ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
          && !"false".equals(System.getProperty("rbmrec.vector"));

  private RbmMath() {}

  /** Whether the Vector API kernels are in use (see {@link #VECTOR}). */
  public static boolean vectorized() {
    return VECTOR;
  }

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
      axpy(1f, w, (columns[p] * k + levels[p]) * f, out, 0, f);
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
        axpy(q[qo + l], w, (columns[p] * k + l) * f, out, 0, f);
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
      axpy(1f, d, columns[p] * f, out, 0, f);
    }
  }

  /** The hidden probabilities {@code out[j] = σ(input[j])} for j in [0, F). */
  public static void hiddenProbabilities(float[] input, float[] out, int f) {
    hiddenProbabilities(input, out, 0, f);
  }

  /** As {@link #hiddenProbabilities(float[], float[], int)}, writing at {@code out[offset + j]}. */
  static void hiddenProbabilities(float[] input, float[] out, int offset, int f) {
    for (int j = 0; j < f; j++) {
      out[offset + j] = sigmoid(input[j]);
    }
  }

  /** Draws binary hidden states {@code out[j] = 1 with probability probabilities[j]}, else 0. */
  static void sampleHidden(float[] probabilities, float[] out, int f, RowRandom random) {
    sampleHidden(probabilities, out, 0, f, random);
  }

  /**
   * As {@link #sampleHidden(float[], float[], int, RowRandom)} for the F values at
   * {@code offset} of both arrays.
   */
  static void sampleHidden(
      float[] probabilities, float[] out, int offset, int f, RowRandom random) {
    for (int j = offset; j < offset + f; j++) {
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
    if (VECTOR) {
      VectorKernels.dots(h, hOffset, w, i * k * f, f, k, out, offset);
    } else {
      for (int l = 0; l < k; l++) {
        out[offset + l] = dotScalar(h, hOffset, w, (i * k + l) * f, f);
      }
    }
    for (int l = 0; l < k; l++) {
      out[offset + l] += b[i * k + l];
    }
  }

  /**
   * {@code Σ_j a[ao + j] · b[bo + j]} for j in [0, n), summed in eight partial sums (lane
   * {@code j mod 8} for j below the largest multiple of 8, the rest added to lane 0) combined
   * pairwise at the end. The order of summation is fixed, so the result is the same on every
   * machine and thread, with or without the Vector API.
   */
  public static float dot(float[] a, int ao, float[] b, int bo, int n) {
    return VECTOR ? VectorKernels.dot(a, ao, b, bo, n) : dotScalar(a, ao, b, bo, n);
  }

  /** The scalar twin of the vector {@link #dot}: the same partial sums, bit for bit. */
  static float dotScalar(float[] a, int ao, float[] b, int bo, int n) {
    float s0 = 0f;
    float s1 = 0f;
    float s2 = 0f;
    float s3 = 0f;
    float s4 = 0f;
    float s5 = 0f;
    float s6 = 0f;
    float s7 = 0f;
    int j = 0;
    for (; j + 7 < n; j += 8) {
      s0 += a[ao + j] * b[bo + j];
      s1 += a[ao + j + 1] * b[bo + j + 1];
      s2 += a[ao + j + 2] * b[bo + j + 2];
      s3 += a[ao + j + 3] * b[bo + j + 3];
      s4 += a[ao + j + 4] * b[bo + j + 4];
      s5 += a[ao + j + 5] * b[bo + j + 5];
      s6 += a[ao + j + 6] * b[bo + j + 6];
      s7 += a[ao + j + 7] * b[bo + j + 7];
    }
    for (; j < n; j++) {
      s0 += a[ao + j] * b[bo + j];
    }
    return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
  }

  /** {@code out[j] += scale · w[offset + j]} for j in [0, F): one weight row into a hidden input. */
  public static void addRow(float[] w, int offset, float scale, float[] out, int f) {
    axpy(scale, w, offset, out, 0, f);
  }

  /**
   * {@code target[to + j] += scale · source[from + j]} for j in [0, n): the axpy of the
   * statistics kernels (the JIT does not vectorise it by itself, since it cannot rule out that
   * the two ranges overlap).
   */
  public static void axpy(float scale, float[] source, int from, float[] target, int to, int n) {
    if (VECTOR) {
      VectorKernels.axpy(scale, source, from, target, to, n);
    } else {
      axpyScalar(scale, source, from, target, to, n);
    }
  }

  /** The scalar twin of {@link #axpy}. */
  static void axpyScalar(float scale, float[] source, int from, float[] target, int to, int n) {
    for (int j = 0; j < n; j++) {
      target[to + j] += scale * source[from + j];
    }
  }

  /**
   * {@code target[to + j] += Σ_l scales[so + l] · source[from + l·stride + j]} for j in [0, n),
   * the rows l = 0 … rows−1 added in order to each element: the same result as {@code rows}
   * calls of {@link #axpy}, with the target read and written once. It adds the soft visible
   * input Σ_l q_l W_il of one entry to the hidden input. Source and target must not overlap.
   */
  public static void addRows(
      float[] scales, int so, int rows, float[] source, int from, int stride, float[] target,
      int to, int n) {
    if (VECTOR) {
      VectorKernels.addRows(scales, so, rows, source, from, stride, target, to, n);
    } else {
      addRowsScalar(scales, so, rows, source, from, stride, target, to, n);
    }
  }

  /** The scalar twin of {@link #addRows}. */
  static void addRowsScalar(
      float[] scales, int so, int rows, float[] source, int from, int stride, float[] target,
      int to, int n) {
    for (int j = 0; j < n; j++) {
      float y = target[to + j];
      for (int l = 0; l < rows; l++) {
        y += scales[so + l] * source[from + l * stride + j];
      }
      target[to + j] = y;
    }
  }

  /**
   * {@code target[to + l·stride + j] += (sign · scales[so + l]) · source[from + j]} for l in
   * [0, rows) and j in [0, n): the same result as {@code rows} calls of {@link #axpy}, with the
   * source read once. It subtracts the outer product ṽ ⊗ p̃ of one entry from its unit's
   * gradient block. Source and target must not overlap.
   */
  public static void scatterRows(
      float[] scales, int so, int rows, float sign, float[] source, int from, float[] target,
      int to, int stride, int n) {
    if (VECTOR) {
      VectorKernels.scatterRows(scales, so, rows, sign, source, from, target, to, stride, n);
    } else {
      scatterRowsScalar(scales, so, rows, sign, source, from, target, to, stride, n);
    }
  }

  /** The scalar twin of {@link #scatterRows}. */
  static void scatterRowsScalar(
      float[] scales, int so, int rows, float sign, float[] source, int from, float[] target,
      int to, int stride, int n) {
    for (int j = 0; j < n; j++) {
      float x = source[from + j];
      for (int l = 0; l < rows; l++) {
        target[to + l * stride + j] += (sign * scales[so + l]) * x;
      }
    }
  }

  /**
   * {@code target[to + j] = Σ_l scales[so + l] · source[from + l·stride + j]} for j in [0, n),
   * the rows l = 0 … rows−1 summed in order, the first assigned (no zeroing pass): the result
   * of {@link #addRows} onto zeros, except that a sum of zeros may keep the sign of its first
   * term. It forms an entry's soft visible input Σ_l q_l W_il. Source and target must not
   * overlap.
   */
  public static void weightedRows(
      float[] scales, int so, int rows, float[] source, int from, int stride, float[] target,
      int to, int n) {
    if (VECTOR) {
      VectorKernels.weightedRows(scales, so, rows, source, from, stride, target, to, n);
    } else {
      weightedRowsScalar(scales, so, rows, source, from, stride, target, to, n);
    }
  }

  /** The scalar twin of {@link #weightedRows}. */
  static void weightedRowsScalar(
      float[] scales, int so, int rows, float[] source, int from, int stride, float[] target,
      int to, int n) {
    for (int j = 0; j < n; j++) {
      float y = scales[so] * source[from + j];
      for (int l = 1; l < rows; l++) {
        y += scales[so + l] * source[from + l * stride + j];
      }
      target[to + j] = y;
    }
  }

  /**
   * {@code target[to + l·stride + j] = (sign · scales[so + l]) · source[from + j]}: the rows
   * that {@link #scatterRows} adds, assigned instead (a gradient block's first entry). Source
   * and target must not overlap.
   */
  static void scatterRowsAssign(
      float[] scales, int so, int rows, float sign, float[] source, int from, float[] target,
      int to, int stride, int n) {
    if (VECTOR) {
      VectorKernels.scatterRowsAssign(scales, so, rows, sign, source, from, target, to, stride,
          n);
    } else {
      scatterRowsAssignScalar(scales, so, rows, sign, source, from, target, to, stride, n);
    }
  }

  /** The scalar twin of {@link #scatterRowsAssign}. */
  static void scatterRowsAssignScalar(
      float[] scales, int so, int rows, float sign, float[] source, int from, float[] target,
      int to, int stride, int n) {
    for (int j = 0; j < n; j++) {
      float x = source[from + j];
      for (int l = 0; l < rows; l++) {
        target[to + l * stride + j] = (sign * scales[so + l]) * x;
      }
    }
  }

  /**
   * The 2 × 2 linear map {@code (θ, v) ← (a θ + b v, c θ + d v)} applied to n parameters
   * θ[from + j] and their velocities v[from + j]: several lazy momentum steps at once.
   */
  static void linearMap(
      float[] theta, float[] velocity, int from, int n, float a, float b, float c, float d) {
    if (VECTOR) {
      VectorKernels.linearMap(theta, velocity, from, n, a, b, c, d);
    } else {
      linearMapScalar(theta, velocity, from, n, a, b, c, d);
    }
  }

  /** The scalar twin of {@link #linearMap}. */
  static void linearMapScalar(
      float[] theta, float[] velocity, int from, int n, float a, float b, float c, float d) {
    for (int x = from; x < from + n; x++) {
      float t = theta[x];
      float v = velocity[x];
      theta[x] = a * t + b * v;
      velocity[x] = c * t + d * v;
    }
  }

  /**
   * One momentum step of n parameters θ[from + j] with velocities v[from + j] and gradient
   * g[g0 + j]: {@code v ← μ v + ε (scale·g − λ θ); θ ← θ + v}.
   */
  static void momentumStep(
      float[] theta, float[] velocity, int from, float[] gradient, int g0, int n, float scale,
      float rate, float momentum, float decay) {
    if (VECTOR) {
      VectorKernels.momentumStep(
          theta, velocity, from, gradient, g0, n, scale, rate, momentum, decay);
    } else {
      momentumStepScalar(theta, velocity, from, gradient, g0, n, scale, rate, momentum, decay);
    }
  }

  /** The scalar twin of {@link #momentumStep}. */
  static void momentumStepScalar(
      float[] theta, float[] velocity, int from, float[] gradient, int g0, int n, float scale,
      float rate, float momentum, float decay) {
    for (int j = 0; j < n; j++) {
      int x = from + j;
      float v = momentum * velocity[x] + rate * (scale * gradient[g0 + j] - decay * theta[x]);
      velocity[x] = v;
      theta[x] += v;
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
