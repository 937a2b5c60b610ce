package org.rbmrec.model.rbm;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The hot loops of training with the Vector API ({@code jdk.incubator.vector}), eight float
 * lanes wide (256 bits: native on AVX2 and AVX-512 machines). Loaded only when the module is
 * present (see {@link RbmMath}); each method gives bit for bit the result of its scalar twin in
 * {@link RbmMath}, which keeps the same eight partial sums: results do not depend on whether the
 * module was enabled.
 *
 * <p>Tails. In the row kernels, where each element is computed on its own, a length n ≥ 8 that
 * is not a multiple of eight (F = 100 is 12 × 8 + 4) ends with one more full vector over the
 * last eight elements [n − 8, n), overlapping the previous one, instead of a scalar loop. An
 * assigning kernel simply computes the overlapped elements again, to the same values. An
 * accumulating kernel ({@code addRows}, {@code scatterRows}) always computes its last vector
 * first, from the target's original values, and stores it last (when n is a multiple of eight
 * it repeats the last full vector, to the same values), so every element is still the
 * original plus its terms, added once. Either way source and target must not overlap.
 * {@code axpy} keeps a scalar tail: it runs many times in a row on one target (a row's hidden
 * input), where the overlapping store would stall the next call's loads (JMH, a row's input
 * from 144 entries: 1.66 µs with the scalar tail, 2.20 µs with the overlapping one). The
 * 128-bit species would be the obvious tail, but JDK 17's C2 does not compile it here and falls
 * back to a path some 20 times slower.
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
    if (n < 8) {
      RbmMath.addRowsScalar(scales, so, rows, source, from, stride, target, to, n);
      return;
    }
    int last = n - 8;
    FloatVector tail = addRowsAt(scales, so, rows, source, from, stride, target, to, last);
    for (int j = 0; j <= last; j += 8) {
      addRowsAt(scales, so, rows, source, from, stride, target, to, j).intoArray(target, to + j);
    }
    tail.intoArray(target, to + last);
  }

  /** Target elements [j, j + 8) plus their rows' terms, not stored. */
  private static FloatVector addRowsAt(
      float[] scales, int so, int rows, float[] source, int from, int stride, float[] target,
      int to, int j) {
    FloatVector y = FloatVector.fromArray(LANES, target, to + j);
    for (int l = 0; l < rows; l++) {
      y = y.add(FloatVector.fromArray(LANES, source, from + l * stride + j).mul(scales[so + l]));
    }
    return y;
  }

  /** As {@link RbmMath#scatterRowsScalar}. */
  static void scatterRows(
      float[] scales, int so, int rows, float sign, float[] source, int from, float[] target,
      int to, int stride, int n) {
    if (n < 8) {
      RbmMath.scatterRowsScalar(scales, so, rows, sign, source, from, target, to, stride, n);
      return;
    }
    int last = n - 8;
    FloatVector xTail = FloatVector.fromArray(LANES, source, from + last);
    for (int l = 0; l < rows; l++) {
      float scale = sign * scales[so + l];
      int row = to + l * stride;
      FloatVector tail = FloatVector.fromArray(LANES, target, row + last).add(xTail.mul(scale));
      for (int j = 0; j <= last; j += 8) {
        FloatVector x = FloatVector.fromArray(LANES, source, from + j);
        FloatVector.fromArray(LANES, target, row + j).add(x.mul(scale))
            .intoArray(target, row + j);
      }
      tail.intoArray(target, row + last);
    }
  }

  /** As {@link RbmMath#weightedRowsScalar}. */
  static void weightedRows(
      float[] scales, int so, int rows, float[] source, int from, int stride, float[] target,
      int to, int n) {
    if (n < 8) {
      RbmMath.weightedRowsScalar(scales, so, rows, source, from, stride, target, to, n);
      return;
    }
    int j = 0;
    for (int bound = LANES.loopBound(n); j < bound; j += 8) {
      weightedRowsAt(scales, so, rows, source, from, stride, target, to, j);
    }
    if (j < n) {
      weightedRowsAt(scales, so, rows, source, from, stride, target, to, n - 8);
    }
  }

  private static void weightedRowsAt(
      float[] scales, int so, int rows, float[] source, int from, int stride, float[] target,
      int to, int j) {
    FloatVector y = FloatVector.fromArray(LANES, source, from + j).mul(scales[so]);
    for (int l = 1; l < rows; l++) {
      y = y.add(FloatVector.fromArray(LANES, source, from + l * stride + j).mul(scales[so + l]));
    }
    y.intoArray(target, to + j);
  }

  /** As {@link RbmMath#scatterRowsAssignScalar}. */
  static void scatterRowsAssign(
      float[] scales, int so, int rows, float sign, float[] source, int from, float[] target,
      int to, int stride, int n) {
    if (n < 8) {
      RbmMath.scatterRowsAssignScalar(scales, so, rows, sign, source, from, target, to, stride,
          n);
      return;
    }
    int j = 0;
    for (int bound = LANES.loopBound(n); j < bound; j += 8) {
      scatterRowsAssignAt(scales, so, rows, sign, source, from, target, to, stride, j);
    }
    if (j < n) {
      scatterRowsAssignAt(scales, so, rows, sign, source, from, target, to, stride, n - 8);
    }
  }

  private static void scatterRowsAssignAt(
      float[] scales, int so, int rows, float sign, float[] source, int from, float[] target,
      int to, int stride, int j) {
    FloatVector x = FloatVector.fromArray(LANES, source, from + j);
    for (int l = 0; l < rows; l++) {
      x.mul(sign * scales[so + l]).intoArray(target, to + l * stride + j);
    }
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
