package org.rbmrec.model.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes NumPy's {@code .npy} format 1.0 and {@code .npz} archives (a zip of {@code NAME.npy}
 * entries, stored uncompressed as {@code numpy.savez} does).
 *
 * <p>An {@code .npy} file: the magic {@code \x93NUMPY}, the version bytes {@code 1, 0}, the
 * header length H as unsigned 16-bit little-endian, then H bytes of ASCII: a Python dict literal
 * such as {@code {'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }}, padded with
 * spaces and ending in {@code \n} so that 10 + H is a multiple of 64, then the elements in C
 * order, little-endian. Type codes: F32 {@code <f4}, F64 {@code <f8}, I32 {@code <i4}, I64
 * {@code <i8}, I8 {@code |i1}, U8 {@code |u1}.
 */
final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

  private Npy() {}

  /** The NumPy type string of {@code dtype}. */
  static String descr(DType dtype) {
    return switch (dtype) {
      case F32 -> "<f4";
      case F64 -> "<f8";
      case I32 -> "<i4";
      case I64 -> "<i8";
      case I8 -> "|i1";
      case U8 -> "|u1";
    };
  }

  /** The header dict text, without padding: {@code {'descr': …, 'shape': (…), }}. */
  static String dict(Tensor t) {
    StringBuilder shape = new StringBuilder("(");
    long[] dims = t.shape();
    for (int i = 0; i < dims.length; i++) {
      shape.append(i > 0 ? ", " : "").append(dims[i]);
    }
    if (dims.length == 1) {
      shape.append(',');
    }
    shape.append(')');
    return "{'descr': '" + descr(t.dtype()) + "', 'fortran_order': False, 'shape': " + shape
        + ", }";
  }

  /** The whole {@code .npy} file of {@code t}. */
  static byte[] bytes(Tensor t) {
    String dict = dict(t);
    int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
    int total = (unpadded + 63) / 64 * 64;
    int headerLength = total - MAGIC.length - 4;
    if (t.byteSize() > Integer.MAX_VALUE - total) {
      throw new IllegalArgumentException("tensor of " + t.byteSize()
          + " bytes is too large for an in-memory .npy entry");
    }
    ByteBuffer out = ByteBuffer.allocate(total + (int) t.byteSize())
        .order(ByteOrder.LITTLE_ENDIAN);
    out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) headerLength);
    out.put(dict.getBytes(StandardCharsets.US_ASCII));
    while (out.position() < total - 1) {
      out.put((byte) ' ');
    }
    out.put((byte) '\n');
    Object data = t.data();
    switch (t.dtype()) {
      case F32 -> out.asFloatBuffer().put((float[]) data);
      case F64 -> out.asDoubleBuffer().put((double[]) data);
      case I32 -> out.asIntBuffer().put((int[]) data);
      case I64 -> out.asLongBuffer().put((long[]) data);
      case I8, U8 -> out.put((byte[]) data);
    }
    return out.array();
  }

  /** Writes an {@code .npz} archive of {@code tensors} (entry {@code NAME.npy} each) to out. */
  static void writeNpz(OutputStream out, Map<String, Tensor> tensors) throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out);
    for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
      byte[] npy = bytes(e.getValue());
      ZipEntry entry = new ZipEntry(e.getKey() + ".npy");
      entry.setMethod(ZipEntry.STORED);
      entry.setSize(npy.length);
      entry.setCompressedSize(npy.length);
      CRC32 crc = new CRC32();
      crc.update(npy);
      entry.setCrc(crc.getValue());
      entry.setTime(315_532_800_000L + 12 * 3600_000L);
      zip.putNextEntry(entry);
      zip.write(npy);
      zip.closeEntry();
    }
    zip.finish();
    zip.flush();
  }
}
