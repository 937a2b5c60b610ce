package org.rbmrec.model.rbm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each Vector API kernel gives bit for bit the result of its scalar twin, for lengths with and
 * without a tail past the last full eight lanes, so that results never depend on whether the JVM
 * enabled {@code jdk.incubator.vector}. (The test JVM enables it; see the parent pom.)
 */
class KernelTwinsTest {
  private static float[] randomArray(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] a = new float[n];
    for (int x = 0; x < n; x++) {
      a[x] = (float) random.nextGaussian();
    }
    return a;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 8, 9, 16, 100, 203})
  void vectorDotEqualsScalarDotBitForBit(int n) {
    assumeThat(RbmMath.VECTOR).as("test JVM has jdk.incubator.vector").isTrue();
    float[] a = randomArray(n + 3, 1);
    float[] b = randomArray(n + 5, 2);
    assertThat(VectorKernels.dot(a, 3, b, 5, n)).isEqualTo(RbmMath.dotScalar(a, 3, b, 5, n));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 5, 10})
  void vectorLogitsEqualScalarDotsBitForBit(int rows) {
    assumeThat(RbmMath.VECTOR).isTrue();
    int n = 37;
    float[] h = randomArray(n, 3);
    float[] w = randomArray(rows * n + 11, 4);
    float[] out = new float[rows + 1];
    VectorKernels.dots(h, 0, w, 11, n, rows, out, 1);
    for (int l = 0; l < rows; l++) {
      assertThat(out[1 + l]).isEqualTo(RbmMath.dotScalar(h, 0, w, 11 + l * n, n));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 8, 13, 100})
  void vectorAxpyEqualsScalarAxpyBitForBit(int n) {
    assumeThat(RbmMath.VECTOR).isTrue();
    float[] source = randomArray(n + 2, 5);
    float[] vector = randomArray(n + 4, 6);
    float[] scalar = vector.clone();
    VectorKernels.axpy(0.37f, source, 2, vector, 4, n);
    RbmMath.axpyScalar(0.37f, source, 2, scalar, 4, n);
    assertThat(vector).containsExactly(scalar);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 8, 9, 21, 100})
  void addRowsEqualsOneAxpyPerRowBitForBit(int n) {
    float[] scales = randomArray(6, 7);
    float[] source = randomArray(5 * n, 8);
    float[] fused = randomArray(n, 9);
    float[] separate = fused.clone();
    float[] scalar = fused.clone();
    RbmMath.addRows(scales, 1, 5, source, 0, n, fused, 0, n);
    RbmMath.addRowsScalar(scales, 1, 5, source, 0, n, scalar, 0, n);
    for (int l = 0; l < 5; l++) {
      RbmMath.axpyScalar(scales[1 + l], source, l * n, separate, 0, n);
    }
    assertThat(fused).containsExactly(separate);
    assertThat(scalar).containsExactly(separate);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 8, 9, 21, 100})
  void scatterRowsEqualsOneAxpyPerRowBitForBit(int n) {
    float[] scales = randomArray(4, 10);
    float[] source = randomArray(n, 11);
    float[] fused = randomArray(4 * n, 12);
    float[] separate = fused.clone();
    float[] scalar = fused.clone();
    RbmMath.scatterRows(scales, 0, 4, -1f, source, 0, fused, 0, n, n);
    RbmMath.scatterRowsScalar(scales, 0, 4, -1f, source, 0, scalar, 0, n, n);
    for (int l = 0; l < 4; l++) {
      RbmMath.axpyScalar(-scales[l], source, 0, separate, l * n, n);
    }
    assertThat(fused).containsExactly(separate);
    assertThat(scalar).containsExactly(separate);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 8, 21, 100})
  void vectorMomentumStepEqualsScalarBitForBit(int n) {
    assumeThat(RbmMath.VECTOR).isTrue();
    float[] theta = randomArray(n + 1, 13);
    float[] velocity = randomArray(n + 1, 14);
    float[] gradient = randomArray(n + 3, 15);
    float[] theta2 = theta.clone();
    float[] velocity2 = velocity.clone();
    VectorKernels.momentumStep(theta, velocity, 1, gradient, 3, n, 0.25f, 0.1f, 0.9f, 0.01f);
    RbmMath.momentumStepScalar(theta2, velocity2, 1, gradient, 3, n, 0.25f, 0.1f, 0.9f, 0.01f);
    assertThat(theta).containsExactly(theta2);
    assertThat(velocity).containsExactly(velocity2);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 8, 21, 100})
  void vectorLinearMapEqualsScalarBitForBit(int n) {
    assumeThat(RbmMath.VECTOR).isTrue();
    float[] theta = randomArray(n + 2, 16);
    float[] velocity = randomArray(n + 2, 17);
    float[] theta2 = theta.clone();
    float[] velocity2 = velocity.clone();
    VectorKernels.linearMap(theta, velocity, 2, n, 0.99f, 0.5f, -0.01f, 0.45f);
    RbmMath.linearMapScalar(theta2, velocity2, 2, n, 0.99f, 0.5f, -0.01f, 0.45f);
    assertThat(theta).containsExactly(theta2);
    assertThat(velocity).containsExactly(velocity2);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 8, 21, 100})
  void weightedRowsEqualAddRowsOntoZerosBitForBit(int n) {
    float[] scales = randomArray(4, 30);
    float[] source = randomArray(3 * 101 + 2, 31);
    float[] vector = randomArray(n + 1, 32);
    float[] scalar = vector.clone();
    float[] zeros = new float[n + 1];
    RbmMath.weightedRows(scales, 1, 3, source, 2, 101, vector, 1, n);
    RbmMath.weightedRowsScalar(scales, 1, 3, source, 2, 101, scalar, 1, n);
    RbmMath.addRowsScalar(scales, 1, 3, source, 2, 101, zeros, 1, n);
    assertThat(vector).containsExactly(scalar);
    assertThat(Arrays.copyOfRange(vector, 1, n + 1)).containsExactly(
        Arrays.copyOfRange(zeros, 1, n + 1));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 8, 21, 100})
  void scatterRowsAssignEqualsScatterRowsOntoZerosBitForBit(int n) {
    float[] scales = randomArray(5, 33);
    float[] source = randomArray(n + 2, 34);
    float[] vector = randomArray(3 * n + 1, 35);
    float[] scalar = vector.clone();
    float[] zeros = new float[3 * n + 1];
    RbmMath.scatterRowsAssign(scales, 2, 3, -1f, source, 2, vector, 1, n, n);
    RbmMath.scatterRowsAssignScalar(scales, 2, 3, -1f, source, 2, scalar, 1, n, n);
    RbmMath.scatterRowsScalar(scales, 2, 3, -1f, source, 2, zeros, 1, n, n);
    assertThat(vector).containsExactly(scalar);
    assertThat(Arrays.copyOfRange(vector, 1, 3 * n + 1)).containsExactly(
        Arrays.copyOfRange(zeros, 1, 3 * n + 1));
  }
}
