package org.rbmrec.model.rbm;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The hot loops of training with the Vector API ({@code jdk.incubator.vector}), eight float
 * lanes wide (256 bits: native on AVX2 and AVX-512 machines). Loaded only when the module is
 * present (see {@link RbmMath}); each method gives bit for bit the result of its scalar twin in
 * {@link RbmMath}, which keeps the same eight partial sums: results do not depend on whether the
 * module was enabled.
 */
final class VectorKernels {
  private static final VectorSpecies<Float> LANES = FloatVector.SPECIES_256;

  private VectorKernels() {}

  /** As {@link RbmMath#dotScalar}. */
  static float dot(float[] a, int ao, float[] b, int bo, int n) {
    FloatVector acc = FloatVector.zero(LANES);
    int j = 0;
    for (int bound = LANES.loopBound(n); j < bound; j += 8) {
      FloatVector x = FloatVector.fromArray(LANES, a, ao + j);
      FloatVector y = FloatVector.fromArray(LANES, b, bo + j);
      acc = acc.add(x.mul(y));
    }
    float s0 = acc.lane(0);
    for (; j < n; j++) {
      s0 += a[ao + j] * b[bo + j];
    }
    return ((s0 + acc.lane(1)) + (acc.lane(2) + acc.lane(3)))
        + ((acc.lane(4) + acc.lane(5)) + (acc.lane(6) + acc.lane(7)));
  }

  /** As {@link RbmMath#axpyScalar}. */
  static void axpy(float scale, float[] source, int from, float[] target, int to, int n) {
    int j = 0;
    for (int bound = LANES.loopBound(n); j < bound; j += 8) {
      FloatVector x = FloatVector.fromArray(LANES, source, from + j);
      FloatVector y = FloatVector.fromArray(LANES, target, to + j);
      y.add(x.mul(scale)).intoArray(target, to + j);
    }
    for (; j < n; j++) {
      target[to + j] += scale * source[from + j];
    }
  }

  /** As {@link RbmMath#momentumStepScalar}. */
  static void momentumStep(
      float[] theta, float[] velocity, int from, float[] gradient, int g, int n, float scale,
      float rate, float momentum, float decay) {
    int j = 0;
    for (int bound = LANES.loopBound(n); j < bound; j += 8) {
      FloatVector t = FloatVector.fromArray(LANES, theta, from + j);
      FloatVector v = FloatVector.fromArray(LANES, velocity, from + j);
      FloatVector gr = FloatVector.fromArray(LANES, gradient, g + j);
      FloatVector nv = v.mul(momentum).add(gr.mul(scale).sub(t.mul(decay)).mul(rate));
      nv.intoArray(velocity, from + j);
      t.add(nv).intoArray(theta, from + j);
    }
    for (; j < n; j++) {
      int x = from + j;
      float v = momentum * velocity[x] + rate * (scale * gradient[g + j] - decay * theta[x]);
      velocity[x] = v;
      theta[x] += v;
    }
  }

  /** As {@link RbmMath#addRowsScalar}. */
  static void addRows(
      float[] scales, int so, int rows, float[] source, int from, int stride, float[] target,
      int to, int n) {
    int j = 0;
    for (int bound = LANES.loopBound(n); j < bound; j += 8) {
      FloatVector y = FloatVector.fromArray(LANES, target, to + j);
      for (int l = 0; l < rows; l++) {
        y = y.add(FloatVector.fromArray(LANES, source, from + l * stride + j).mul(scales[so + l]));
      }
      y.intoArray(target, to + j);
    }
    for (; j < n; j++) {
      float y = target[to + j];
      for (int l = 0; l < rows; l++) {
        y += scales[so + l] * source[from + l * stride + j];
      }
      target[to + j] = y;
    }
  }

  /** As {@link RbmMath#scatterRowsScalar}. */
  static void scatterRows(
      float[] scales, int so, int rows, float sign, float[] source, int from, float[] target,
      int to, int stride, int n) {
    int j = 0;
    for (int bound = LANES.loopBound(n); j < bound; j += 8) {
      FloatVector x = FloatVector.fromArray(LANES, source, from + j);
      for (int l = 0; l < rows; l++) {
        int t = to + l * stride + j;
        FloatVector.fromArray(LANES, target, t).add(x.mul(sign * scales[so + l]))
            .intoArray(target, t);
      }
    }
    for (; j < n; j++) {
      float x = source[from + j];
      for (int l = 0; l < rows; l++) {
        target[to + l * stride + j] += (sign * scales[so + l]) * x;
      }
    }
  }

  /** As {@link RbmMath#weightedRowsScalar}. */
  static void weightedRows(
      float[] scales, int so, int rows, float[] source, int from, int stride, float[] target,
      int to, int n) {
    int j = 0;
    for (int bound = LANES.loopBound(n); j < bound; j += 8) {
      FloatVector y = FloatVector.fromArray(LANES, source, from + j).mul(scales[so]);
      for (int l = 1; l < rows; l++) {
        y = y.add(FloatVector.fromArray(LANES, source, from + l * stride + j).mul(scales[so + l]));
      }
      y.intoArray(target, to + j);
    }
    RbmMath.weightedRowsScalar(scales, so, rows, source, from + j, stride, target, to + j, n - j);
  }

  /** As {@link RbmMath#scatterRowsAssignScalar}. */
  static void scatterRowsAssign(
      float[] scales, int so, int rows, float sign, float[] source, int from, float[] target,
      int to, int stride, int n) {
    int j = 0;
    for (int bound = LANES.loopBound(n); j < bound; j += 8) {
      FloatVector x = FloatVector.fromArray(LANES, source, from + j);
      for (int l = 0; l < rows; l++) {
        x.mul(sign * scales[so + l]).intoArray(target, to + l * stride + j);
      }
    }
    RbmMath.scatterRowsAssignScalar(scales, so, rows, sign, source, from + j, target, to + j,
        stride, n - j);
  }

  /** As {@link RbmMath#linearMapScalar}. */
  static void linearMap(
      float[] theta, float[] velocity, int from, int n, float a, float b, float c, float d) {
    int j = 0;
    for (int bound = LANES.loopBound(n); j < bound; j += 8) {
      FloatVector t = FloatVector.fromArray(LANES, theta, from + j);
      FloatVector v = FloatVector.fromArray(LANES, velocity, from + j);
      t.mul(a).add(v.mul(b)).intoArray(theta, from + j);
      t.mul(c).add(v.mul(d)).intoArray(velocity, from + j);
    }
    for (int x = from + j; x < from + n; x++) {
      float t = theta[x];
      float v = velocity[x];
      theta[x] = a * t + b * v;
      velocity[x] = c * t + d * v;
    }
  }

  /**
   * {@code out[oo + l] = dot(h[ho …], w[wo + l·n …], n)} for l in [0, rows): as {@code rows}
   * calls of {@link #dot}, bit for bit, reading h once per pair of rows.
   */
  static void dots(float[] h, int ho, float[] w, int wo, int n, int rows, float[] out, int oo) {
    int l = 0;
    for (; l + 1 < rows; l += 2) {
      int w0 = wo + l * n;
      int w1 = w0 + n;
      FloatVector acc0 = FloatVector.zero(LANES);
      FloatVector acc1 = FloatVector.zero(LANES);
      int j = 0;
      for (int bound = LANES.loopBound(n); j < bound; j += 8) {
        FloatVector x = FloatVector.fromArray(LANES, h, ho + j);
        acc0 = acc0.add(x.mul(FloatVector.fromArray(LANES, w, w0 + j)));
        acc1 = acc1.add(x.mul(FloatVector.fromArray(LANES, w, w1 + j)));
      }
      float s0 = acc0.lane(0);
      float t0 = acc1.lane(0);
      for (; j < n; j++) {
        s0 += h[ho + j] * w[w0 + j];
        t0 += h[ho + j] * w[w1 + j];
      }
      out[oo + l] = ((s0 + acc0.lane(1)) + (acc0.lane(2) + acc0.lane(3)))
          + ((acc0.lane(4) + acc0.lane(5)) + (acc0.lane(6) + acc0.lane(7)));
      out[oo + l + 1] = ((t0 + acc1.lane(1)) + (acc1.lane(2) + acc1.lane(3)))
          + ((acc1.lane(4) + acc1.lane(5)) + (acc1.lane(6) + acc1.lane(7)));
    }
    if (l < rows) {
      out[oo + l] = dot(h, ho, w, wo + l * n, n);
    }
  }
}
