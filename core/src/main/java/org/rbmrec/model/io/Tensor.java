package org.rbmrec.model.io;

import java.util.Arrays;

/**
 * One named array of a safetensors file: an element type, a shape (row-major, C order) and the
 * values as a flat primitive array whose length is the product of the shape ({@code []} is a
 * scalar with one element). The tensor owns its array; the accessors return it without copying,
 * so callers must not modify it.
 */
public final class Tensor {
  private final DType dtype;
  private final long[] shape;
  private final Object data;
  private final int length;

  private Tensor(DType dtype, long[] shape, Object data, int length) {
    this.dtype = dtype;
    this.shape = shape.clone();
    this.data = data;
    this.length = length;
    long product = elementCount(shape);
    if (product != length) {
      throw new IllegalArgumentException(
          "shape " + Arrays.toString(shape) + " holds " + product + " elements, but the array has "
              + length);
    }
  }

  /** A float32 tensor; {@code shape} defaults to {@code [data.length]} when omitted. */
  public static Tensor f32(float[] data, long... shape) {
    return new Tensor(DType.F32, shapeOr(shape, data.length), data, data.length);
  }

  /** A float64 tensor; {@code shape} defaults to {@code [data.length]} when omitted. */
  public static Tensor f64(double[] data, long... shape) {
    return new Tensor(DType.F64, shapeOr(shape, data.length), data, data.length);
  }

  /** An int32 tensor; {@code shape} defaults to {@code [data.length]} when omitted. */
  public static Tensor i32(int[] data, long... shape) {
    return new Tensor(DType.I32, shapeOr(shape, data.length), data, data.length);
  }

  /** An int64 tensor; {@code shape} defaults to {@code [data.length]} when omitted. */
  public static Tensor i64(long[] data, long... shape) {
    return new Tensor(DType.I64, shapeOr(shape, data.length), data, data.length);
  }

  /** An int8 ({@code I8}) or uint8 ({@code U8}) tensor of the given bytes. */
  public static Tensor bytes(DType dtype, byte[] data, long... shape) {
    if (dtype != DType.I8 && dtype != DType.U8) {
      throw new IllegalArgumentException("byte tensors are I8 or U8, got " + dtype);
    }
    return new Tensor(dtype, shapeOr(shape, data.length), data, data.length);
  }

  /** A scalar float64 tensor, shape {@code []}. */
  public static Tensor scalar(double value) {
    return new Tensor(DType.F64, new long[0], new double[] {value}, 1);
  }

  /** A zero-filled tensor of this type and shape (used by the reader). */
  static Tensor zeros(DType dtype, long[] shape, int length) {
    Object data = switch (dtype) {
      case F32 -> new float[length];
      case F64 -> new double[length];
      case I32 -> new int[length];
      case I64 -> new long[length];
      case I8, U8 -> new byte[length];
    };
    return new Tensor(dtype, shape, data, length);
  }

  private static long[] shapeOr(long[] shape, int length) {
    return shape.length == 0 ? new long[] {length} : shape;
  }

  /**
   * The product of {@code shape}, or -1 if a dimension is negative or the product overflows a
   * long.
   */
  static long elementCount(long[] shape) {
    long n = 1;
    for (long d : shape) {
      if (d < 0) {
        return -1;
      }
      try {
        n = Math.multiplyExact(n, d);
      } catch (ArithmeticException e) {
        return -1;
      }
    }
    return n;
  }

  /** The element type. */
  public DType dtype() {
    return dtype;
  }

  /** A copy of the shape. */
  public long[] shape() {
    return shape.clone();
  }

  /** The number of elements, the product of the shape. */
  public int length() {
    return length;
  }

  /** The size of the data in bytes. */
  public long byteSize() {
    return (long) length * dtype.bytes();
  }

  /** The values of an F32 tensor (internal array). */
  public float[] floats() {
    return (float[]) as(DType.F32);
  }

  /** The values of an F64 tensor (internal array). */
  public double[] doubles() {
    return (double[]) as(DType.F64);
  }

  /** The values of an I32 tensor (internal array). */
  public int[] ints() {
    return (int[]) as(DType.I32);
  }

  /** The values of an I64 tensor (internal array). */
  public long[] longs() {
    return (long[]) as(DType.I64);
  }

  /** The values of an I8 or U8 tensor (internal array). */
  public byte[] byteValues() {
    if (dtype != DType.I8 && dtype != DType.U8) {
      throw new IllegalStateException("tensor is " + dtype + ", not I8 or U8");
    }
    return (byte[]) data;
  }

  /** The raw array, whatever its type. */
  Object data() {
    return data;
  }

  private Object as(DType wanted) {
    if (dtype != wanted) {
      throw new IllegalStateException("tensor is " + dtype + ", not " + wanted);
    }
    return data;
  }

  @Override
  public String toString() {
    return "Tensor[" + dtype + " " + Arrays.toString(shape) + "]";
  }
}
