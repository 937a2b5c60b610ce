package org.rbmrec.model.io;

/**
 * The element types a safetensors file may hold here, with their names in the header and their
 * width in bytes; every value is stored little-endian. {@code I8} and {@code U8} are both held in
 * Java {@code byte[]} (U8 values 128…255 read back as negative bytes).
 */
public enum DType {
  /** 32-bit IEEE float, {@code float[]}. */
  F32(4),
  /** 64-bit IEEE float, {@code double[]}. */
  F64(8),
  /** 32-bit signed integer, {@code int[]}. */
  I32(4),
  /** 64-bit signed integer, {@code long[]}. */
  I64(8),
  /** 8-bit signed integer, {@code byte[]}. */
  I8(1),
  /** 8-bit unsigned integer, {@code byte[]}. */
  U8(1);

  private final int bytes;

  DType(int bytes) {
    this.bytes = bytes;
  }

  /** The width of one element in bytes. */
  public int bytes() {
    return bytes;
  }

  /** The type named {@code name} in a header, or null if this reader does not know it. */
  static DType parseOrNull(String name) {
    for (DType t : values()) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    return null;
  }
}
