package org.rbmrec.model.rbm;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import org.rbmrec.data.DataException;
import org.rbmrec.data.RatingScale;
import org.rbmrec.data.SparseRows;
import org.rbmrec.model.Recommender;

/**
 * The RBM model file: plain data, never Java serialization. All numbers little-endian.
 *
 * <pre>
 *   magic        8 bytes  "RBMREC\0M"
 *   version      int32    1
 *   headerBytes  int32    length of the header
 *   header       UTF-8    "key=value" lines: the {@link RbmConfig} properties, then
 *                         scale.min, scale.max, scale.step, numVisible, levels, hidden, factors,
 *                         conditional, rows, nnz, indicatorNnz
 *   arrays       each an int32 element count, then the elements:
 *                  w float[V·K·F], b float[V·K], c float[F],
 *                  d float[V·F]             (conditional only)
 *                  a float[V·K·C], bf float[C·F]   (factored only)
 *                  rowPointers int32[rows+1], columns int32[nnz], levels int8[nnz]
 *                  indicatorPointers int32[rows+1], indicatorColumns int32[…]  (conditional only)
 *   crc32        int64    CRC32 of every byte before it
 * </pre>
 *
 * The training rows the model conditions on are stored, so a loaded model predicts exactly as
 * the saved one; their original rating positions ({@link SparseRows#ratingIndices()}) are not
 * kept. The fallback recommender is not stored: the caller supplies it when loading.
 */
public final class RbmModelFile {
  /** The format version this class writes and reads. */
  public static final int VERSION = 1;

  private static final byte[] MAGIC = {'R', 'B', 'M', 'R', 'E', 'C', 0, 'M'};

  private RbmModelFile() {}

  /** Writes {@code model} to {@code file}; I/O failures become a {@link DataException}. */
  public static void save(RbmModel model, Path file) {
    RbmParameters p = model.internalParameters();
    SparseRows rows = model.trainingRows();
    IndicatorRows indicator = model.indicatorRows();
    Map<String, String> header = new LinkedHashMap<>(model.config().toProperties());
    RatingScale scale = model.scale();
    header.put("scale.min", Double.toString(scale.min()));
    header.put("scale.max", Double.toString(scale.max()));
    header.put("scale.step", Double.toString(scale.step()));
    header.put("numVisible", Integer.toString(p.numVisible));
    header.put("levels", Integer.toString(p.levels));
    header.put("hidden", Integer.toString(p.hidden));
    header.put("factors", Integer.toString(p.factors));
    header.put("conditional", Boolean.toString(p.conditional()));
    header.put("rows", Integer.toString(rows.numRows()));
    header.put("nnz", Integer.toString(rows.nnz()));
    header.put("indicatorNnz",
        Integer.toString(indicator == null ? 0 : indicator.columns().length));
    StringBuilder text = new StringBuilder();
    header.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    byte[] headerBytes = text.toString().getBytes(StandardCharsets.UTF_8);
    try (Writer out = new Writer(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
      out.bytes(MAGIC);
      out.int32(VERSION);
      out.int32(headerBytes.length);
      out.bytes(headerBytes);
      out.floats(p.w);
      out.floats(p.b);
      out.floats(p.c);
      if (p.d != null) {
        out.floats(p.d);
      }
      if (p.a != null) {
        out.floats(p.a);
        out.floats(p.bf);
      }
      out.ints(rows.rowPointers());
      out.ints(rows.columns());
      out.int32(rows.nnz());
      out.bytes(rows.levels());
      if (indicator != null) {
        out.ints(indicator.rowPointers());
        out.ints(indicator.columns());
      }
      out.finish();
    } catch (IOException e) {
      throw new DataException("cannot write model file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a model written by {@link #save}.
   *
   * @param fallback the recommender for pairs the RBM cannot score
   * @throws DataException if the file is missing, truncated, corrupted or not an RBM model file
   */
  public static RbmModel load(Path file, Recommender fallback) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new DataException("model file " + file + " does not exist", e);
    } catch (IOException e) {
      throw new DataException("cannot read model file " + file + ": " + e.getMessage(), e);
    }
    if (bytes.length < MAGIC.length + 16
        || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
      throw new DataException("file " + file + " is not an rbmrec RBM model file (bad magic)");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 8);
    if (in.getLong(bytes.length - 8) != crc.getValue()) {
      throw new DataException(
          "model file " + file + " is truncated or corrupted (checksum mismatch)");
    }
    try {
      in.position(MAGIC.length);
      int version = in.getInt();
      if (version != VERSION) {
        throw new DataException(
            "model file " + file + " has format version " + version + "; this build reads "
                + VERSION);
      }
      int headerLength = in.getInt();
      if (headerLength < 0 || headerLength > in.remaining()) {
        throw new DataException("model file " + file + " has a corrupted header length");
      }
      byte[] headerBytes = new byte[headerLength];
      in.get(headerBytes);
      Map<String, String> header = parseHeader(new String(headerBytes, StandardCharsets.UTF_8));
      RbmConfig config = RbmConfig.fromProperties(header);
      RatingScale scale = new RatingScale(
          number(header, "scale.min"), number(header, "scale.max"), number(header, "scale.step"));
      int v = integer(header, "numVisible");
      int k = integer(header, "levels");
      int f = integer(header, "hidden");
      int c = integer(header, "factors");
      int numRows = integer(header, "rows");
      RbmParameters p = new RbmParameters(v, k, f, c, config.conditional());
      readFloats(in, p.w);
      readFloats(in, p.b);
      readFloats(in, p.c);
      if (p.d != null) {
        readFloats(in, p.d);
      }
      if (p.a != null) {
        readFloats(in, p.a);
        readFloats(in, p.bf);
      }
      int[] pointers = readInts(in, numRows + 1);
      int nnz = integer(header, "nnz");
      int[] columns = readInts(in, nnz);
      byte[] levels = readBytes(in, nnz);
      int[] rowOf = new int[nnz];
      for (int r = 0; r < numRows; r++) {
        if (pointers[r] < 0 || pointers[r] > pointers[r + 1] || pointers[r + 1] > nnz) {
          throw new DataException("model file " + file + " has corrupted row pointers");
        }
        Arrays.fill(rowOf, pointers[r], pointers[r + 1], r);
      }
      SparseRows rows = SparseRows.fromTriplets(numRows, v, rowOf, columns, levels);
      IndicatorRows indicator = null;
      if (config.conditional()) {
        int[] ip = readInts(in, numRows + 1);
        int[] ic = readInts(in, integer(header, "indicatorNnz"));
        indicator = new IndicatorRows(ip, ic);
      }
      if (in.remaining() != 8) {
        throw new DataException("model file " + file + " has unexpected trailing data");
      }
      return new RbmModel(config, p, scale, rows, indicator, fallback);
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      throw new DataException(
          "model file " + file + " is malformed: " + (e.getMessage() == null ? "truncated"
              : e.getMessage()), e);
    }
  }

  private static Map<String, String> parseHeader(String text) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("header line '" + line + "' is not key=value");
      }
      map.put(line.substring(0, eq), line.substring(eq + 1));
    }
    return map;
  }

  private static int integer(Map<String, String> header, String key) {
    String value = header.get(key);
    if (value == null) {
      throw new IllegalArgumentException("header key '" + key + "' is missing");
    }
    return Integer.parseInt(value);
  }

  private static double number(Map<String, String> header, String key) {
    String value = header.get(key);
    if (value == null) {
      throw new IllegalArgumentException("header key '" + key + "' is missing");
    }
    return Double.parseDouble(value);
  }

  private static void readFloats(ByteBuffer in, float[] target) {
    int n = in.getInt();
    if (n != target.length) {
      throw new IllegalArgumentException(
          "array of " + n + " floats where " + target.length + " were expected");
    }
    in.asFloatBuffer().get(target);
    in.position(in.position() + 4 * n);
  }

  private static int[] readInts(ByteBuffer in, int expected) {
    int n = in.getInt();
    if (n != expected) {
      throw new IllegalArgumentException(
          "array of " + n + " ints where " + expected + " were expected");
    }
    int[] values = new int[n];
    in.asIntBuffer().get(values);
    in.position(in.position() + 4 * n);
    return values;
  }

  private static byte[] readBytes(ByteBuffer in, int expected) {
    int n = in.getInt();
    if (n != expected) {
      throw new IllegalArgumentException(
          "array of " + n + " bytes where " + expected + " were expected");
    }
    byte[] values = new byte[n];
    in.get(values);
    return values;
  }

  /** Little-endian writer that keeps a running CRC32. */
  private static final class Writer implements AutoCloseable {
    private final OutputStream out;
    private final CRC32 crc = new CRC32();
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);

    Writer(OutputStream out) {
      this.out = out;
    }

    void int32(int value) throws IOException {
      ensure(4);
      buffer.putInt(value);
    }

    void bytes(byte[] values) throws IOException {
      flushBuffer();
      crc.update(values);
      out.write(values);
    }

    void floats(float[] values) throws IOException {
      int32(values.length);
      for (float x : values) {
        ensure(4);
        buffer.putFloat(x);
      }
    }

    void ints(int[] values) throws IOException {
      int32(values.length);
      for (int x : values) {
        ensure(4);
        buffer.putInt(x);
      }
    }

    void finish() throws IOException {
      flushBuffer();
      long value = crc.getValue();
      buffer.putLong(value);
      out.write(buffer.array(), 0, 8);
      buffer.clear();
    }

    private void ensure(int bytes) throws IOException {
      if (buffer.remaining() < bytes) {
        flushBuffer();
      }
    }

    private void flushBuffer() throws IOException {
      crc.update(buffer.array(), 0, buffer.position());
      out.write(buffer.array(), 0, buffer.position());
      buffer.clear();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
