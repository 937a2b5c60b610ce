package org.rbmrec.model.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.rbmrec.data.DataException;

/**
 * Reads and writes the <a href="https://github.com/huggingface/safetensors">safetensors</a>
 * layout, with the JDK only:
 *
 * <pre>
 *   bytes 0…7     N, the header length, unsigned 64-bit little-endian
 *   bytes 8…8+N   the header: UTF-8 JSON, padded with spaces to a multiple of 8 bytes:
 *                 {"__metadata__": {"key": "string value", …},
 *                  "NAME": {"dtype": "F32", "shape": [2, 3], "data_offsets": [0, 24]}, …}
 *   bytes 8+N…    the data buffer: each tensor's elements, row-major, little-endian, at
 *                 [begin, end) relative to the start of the buffer
 * </pre>
 *
 * Types: F32, F64, I32, I64, I8, U8 (see {@link DType}). The writer lays tensors out in the
 * order given, contiguously, and adds two metadata entries: {@value #CRC_KEY}, the CRC32 of the
 * data buffer, and {@value #HEADER_CRC_KEY}, the CRC32 of the header's compact JSON without that
 * entry (both as 8 lowercase hex digits). The reader checks each of them when present (and
 * refuses a file with only the data checksum), so a flipped byte anywhere in a file this class
 * wrote is detected; files from other writers (for example Python's {@code safetensors}) simply
 * lack them.
 *
 * <p>The reader is strict: the header length must fit in the file and be at most
 * {@value #MAX_HEADER_BYTES} bytes, the header must be valid UTF-8 and JSON, every tensor entry
 * must have exactly a known dtype, a shape of non-negative integers and offsets whose span equals
 * dtype width × element count, and the tensors must tile the data buffer exactly (no overlap, no
 * gap, nothing after the last one). Any violation is a {@link DataException} naming the file and
 * the problem; it never returns a partly read file.
 */
public final class SafeTensors {
  /** The largest header this reader accepts, as the reference implementation does. */
  public static final long MAX_HEADER_BYTES = 100_000_000L;
  /** Metadata key of the data buffer's CRC32, written by {@link #write}. */
  public static final String CRC_KEY = "crc32";
  /** Metadata key of the header's CRC32, written by {@link #write}. */
  public static final String HEADER_CRC_KEY = "header_crc32";
  /** The reserved header key of the string-to-string metadata. */
  public static final String METADATA_KEY = "__metadata__";

  private static final int CHUNK = 1 << 16;

  private SafeTensors() {}

  /** The tensors (in header order) and metadata of a file. */
  public static final class Contents {
    private final Map<String, Tensor> tensors;
    private final Map<String, String> metadata;

    Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {
      this.tensors = Collections.unmodifiableMap(tensors);
      this.metadata = Collections.unmodifiableMap(metadata);
    }

    /** The tensors by name, in the order of the header. */
    public Map<String, Tensor> tensors() {
      return tensors;
    }

    /** The metadata, including {@value #CRC_KEY} and {@value #HEADER_CRC_KEY} when present. */
    public Map<String, String> metadata() {
      return metadata;
    }
  }

  /**
   * Writes {@code tensors} (in iteration order) and {@code metadata} to {@code file} atomically
   * (see {@link AtomicFiles}).
   *
   * @throws IllegalArgumentException for an empty or reserved tensor name, or a metadata key
   *     this class writes itself
   * @throws DataException if the file cannot be written
   */
  public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) {
    byte[] header = header(tensors, metadata);
    AtomicFiles.write(file, out -> writeTo(out, header, tensors));
  }

  /** Writes the same bytes as {@link #write(Path, Map, Map)} to a stream. */
  public static void write(OutputStream out, Map<String, Tensor> tensors,
      Map<String, String> metadata) throws IOException {
    writeTo(out, header(tensors, metadata), tensors);
  }

  private static void writeTo(OutputStream out, byte[] header, Map<String, Tensor> tensors)
      throws IOException {
    ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    length.putLong(header.length);
    out.write(length.array());
    out.write(header);
    ByteBuffer buffer = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
    for (Tensor t : tensors.values()) {
      encode(t, buffer, (array, n) -> out.write(array, 0, n));
    }
  }

  /** The padded header bytes, with both checksums. */
  private static byte[] header(Map<String, Tensor> tensors, Map<String, String> metadata) {
    Map<String, String> meta = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : metadata.entrySet()) {
      if (e.getKey().equals(CRC_KEY) || e.getKey().equals(HEADER_CRC_KEY)) {
        throw new IllegalArgumentException("metadata key '" + e.getKey() + "' is reserved");
      }
      if (e.getValue() == null) {
        throw new IllegalArgumentException("metadata value of '" + e.getKey() + "' is null");
      }
      meta.put(e.getKey(), e.getValue());
    }
    CRC32 crc = new CRC32();
    ByteBuffer buffer = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
    try {
      for (Tensor t : tensors.values()) {
        encode(t, buffer, (array, n) -> crc.update(array, 0, n));
      }
    } catch (IOException e) {
      throw new IllegalStateException("a checksum cannot fail", e);
    }
    meta.put(CRC_KEY, hex(crc.getValue()));
    Map<String, Object> root = new LinkedHashMap<>();
    root.put(METADATA_KEY, meta);
    long offset = 0;
    for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
      String name = e.getKey();
      if (name == null || name.isEmpty() || name.equals(METADATA_KEY)) {
        throw new IllegalArgumentException("tensor name must be non-empty and not "
            + METADATA_KEY + ", got '" + name + "'");
      }
      Tensor t = e.getValue();
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("dtype", t.dtype().name());
      List<Object> shape = new ArrayList<>();
      for (long d : t.shape()) {
        shape.add(d);
      }
      entry.put("shape", shape);
      entry.put("data_offsets", List.of(offset, offset + t.byteSize()));
      offset += t.byteSize();
      root.put(name, entry);
    }
    meta.put(HEADER_CRC_KEY, hex(crc32(Json.write(root))));
    byte[] json = Json.write(root).getBytes(StandardCharsets.UTF_8);
    int padded = (json.length + 7) / 8 * 8;
    byte[] header = new byte[padded];
    System.arraycopy(json, 0, header, 0, json.length);
    java.util.Arrays.fill(header, json.length, padded, (byte) ' ');
    return header;
  }

  /**
   * Reads a whole file.
   *
   * @throws DataException if it is missing, unreadable, truncated, tampered with or not in the
   *     layout above
   */
  public static Contents read(Path file) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return read(channel, file);
    } catch (NoSuchFileException e) {
      throw new DataException("file " + file + " does not exist", e);
    } catch (AccessDeniedException e) {
      throw new DataException("cannot read " + file + ": permission denied", e);
    } catch (IOException e) {
      if (Files.isDirectory(file)) {
        throw new DataException(file + " is a folder, not a safetensors file", e);
      }
      throw new DataException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static Contents read(FileChannel channel, Path file) throws IOException {
    long size = channel.size();
    if (size < 8) {
      throw invalid(file, "the file has " + size + " bytes, fewer than the 8-byte header length"
          + " (truncated or empty)");
    }
    ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    readFully(channel, lengthBytes, 0, file);
    long headerLength = lengthBytes.getLong(0);
    if (headerLength < 0 || headerLength > MAX_HEADER_BYTES) {
      throw invalid(file, "the header length " + Long.toUnsignedString(headerLength)
          + " exceeds the limit of " + MAX_HEADER_BYTES + " bytes");
    }
    if (headerLength > size - 8) {
      throw invalid(file, "the header length " + headerLength + " exceeds the "
          + (size - 8) + " bytes after it (truncated?)");
    }
    ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
    readFully(channel, headerBytes, 8, file);
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(headerBytes.flip())
          .toString();
    } catch (CharacterCodingException e) {
      throw invalid(file, "the header is not valid UTF-8");
    }
    Object root;
    try {
      root = Json.parse(text);
    } catch (Json.JsonException e) {
      throw invalid(file, "the header is not valid JSON: " + e.getMessage());
    }
    if (!(root instanceof Map<?, ?> rootMap)) {
      throw invalid(file, "the header is not a JSON object");
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    List<Entry> entries = new ArrayList<>();
    for (Map.Entry<?, ?> e : rootMap.entrySet()) {
      String name = (String) e.getKey();
      if (name.equals(METADATA_KEY)) {
        metadata = metadata(e.getValue(), file);
      } else {
        entries.add(entry(name, e.getValue(), file));
      }
    }
    checkHeaderCrc(rootMap, metadata, file);
    long dataLength = size - 8 - headerLength;
    checkLayout(entries, dataLength, file);

    Map<String, Tensor> tensors = new LinkedHashMap<>();
    for (Entry entry : entries) {
      tensors.put(entry.name, Tensor.zeros(entry.dtype, entry.shape, entry.length));
    }
    List<Entry> byOffset = new ArrayList<>(entries);
    byOffset.sort(Comparator.comparingLong((Entry x) -> x.begin).thenComparingLong(x -> x.end));
    CRC32 crc = new CRC32();
    ByteBuffer chunk = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
    long base = 8 + headerLength;
    for (Entry entry : byOffset) {
      Tensor t = tensors.get(entry.name);
      long position = base + entry.begin;
      int element = 0;
      long remaining = entry.end - entry.begin;
      while (remaining > 0) {
        int n = (int) Math.min(CHUNK, remaining);
        chunk.clear().limit(n);
        readFully(channel, chunk, position, file);
        crc.update(chunk.array(), 0, n);
        chunk.flip();
        decode(chunk, t, element);
        element += n / t.dtype().bytes();
        position += n;
        remaining -= n;
      }
    }
    String expected = metadata.get(CRC_KEY);
    if (expected != null && !expected.equals(hex(crc.getValue()))) {
      throw invalid(file, "data checksum mismatch (CRC32 " + hex(crc.getValue())
          + ", header says " + expected + "): the file is corrupted");
    }
    return new Contents(tensors, metadata);
  }

  private static void checkHeaderCrc(Map<?, ?> root, Map<String, String> metadata, Path file) {
    String expected = metadata.get(HEADER_CRC_KEY);
    if (expected == null && metadata.containsKey(CRC_KEY)) {
      throw invalid(file, "the metadata has " + CRC_KEY + " but no " + HEADER_CRC_KEY
          + ": the header was altered");
    }
    if (expected == null) {
      return;
    }
    Map<Object, Object> copy = new LinkedHashMap<>(root);
    Map<String, String> meta = new LinkedHashMap<>(metadata);
    meta.remove(HEADER_CRC_KEY);
    copy.put(METADATA_KEY, meta);
    String actual = hex(crc32(Json.write(copy)));
    if (!actual.equals(expected)) {
      throw invalid(file, "header checksum mismatch (CRC32 " + actual + ", header says "
          + expected + "): the header was altered");
    }
  }

  private static Map<String, String> metadata(Object value, Path file) {
    if (!(value instanceof Map<?, ?> map)) {
      throw invalid(file, METADATA_KEY + " is not a JSON object");
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getValue() instanceof String s)) {
        throw invalid(file, "metadata value of '" + e.getKey() + "' is not a string");
      }
      metadata.put((String) e.getKey(), s);
    }
    return metadata;
  }

  /** One tensor's header entry, validated on its own. */
  private record Entry(String name, DType dtype, long[] shape, int length, long begin, long end) {}

  private static Entry entry(String name, Object value, Path file) {
    String what = "tensor '" + name + "'";
    if (name.isEmpty()) {
      throw invalid(file, "a tensor has an empty name");
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw invalid(file, what + " is not a JSON object");
    }
    for (Object key : map.keySet()) {
      if (!key.equals("dtype") && !key.equals("shape") && !key.equals("data_offsets")) {
        throw invalid(file, what + " has an unknown field '" + key + "'");
      }
    }
    if (!(map.get("dtype") instanceof String dtypeName)) {
      throw invalid(file, what + " has no dtype string");
    }
    DType dtype = DType.parseOrNull(dtypeName);
    if (dtype == null) {
      throw invalid(file, what + " has unsupported dtype '" + dtypeName
          + "' (supported: F32, F64, I32, I64, I8, U8)");
    }
    long[] shape = longs(map.get("shape"), what + " shape", -1, file);
    long[] offsets = longs(map.get("data_offsets"), what + " data_offsets", 2, file);
    long count = Tensor.elementCount(shape);
    if (count < 0) {
      throw invalid(file, what + " has an invalid shape " + java.util.Arrays.toString(shape));
    }
    if (count > Integer.MAX_VALUE - 8) {
      throw invalid(file, what + " has " + count + " elements, more than a Java array holds");
    }
    long begin = offsets[0];
    long end = offsets[1];
    if (begin < 0 || end < begin) {
      throw invalid(file, what + " has invalid data_offsets [" + begin + ", " + end + "]");
    }
    if (end - begin != count * dtype.bytes()) {
      throw invalid(file, what + " spans " + (end - begin) + " bytes, but " + dtype + " "
          + java.util.Arrays.toString(shape) + " needs " + count * dtype.bytes());
    }
    return new Entry(name, dtype, shape, (int) count, begin, end);
  }

  private static long[] longs(Object value, String what, int length, Path file) {
    if (!(value instanceof List<?> list)) {
      throw invalid(file, what + " is missing or not an array");
    }
    if (length >= 0 && list.size() != length) {
      throw invalid(file, what + " must have " + length + " integers, got " + list.size());
    }
    long[] result = new long[list.size()];
    for (int i = 0; i < result.length; i++) {
      if (!(list.get(i) instanceof Long x) || x < 0) {
        throw invalid(file, what + " must hold non-negative integers, got " + list.get(i));
      }
      result[i] = x;
    }
    return result;
  }

  /** The tensors must tile [0, dataLength) exactly. */
  private static void checkLayout(List<Entry> entries, long dataLength, Path file) {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparingLong((Entry x) -> x.begin).thenComparingLong(x -> x.end));
    long next = 0;
    for (Entry e : sorted) {
      if (e.begin != next) {
        throw invalid(file, "tensor '" + e.name + "' starts at byte " + e.begin + " of the data,"
            + (e.begin < next ? " overlapping the previous tensor" : " leaving a gap")
            + " (expected " + next + ")");
      }
      next = e.end;
    }
    if (next > dataLength) {
      throw invalid(file, "the tensors need " + next + " bytes of data but the file has "
          + dataLength + " (truncated)");
    }
    if (next < dataLength) {
      throw invalid(file, "the file has " + (dataLength - next)
          + " bytes after the last tensor");
    }
  }

  private static void readFully(FileChannel channel, ByteBuffer buffer, long position, Path file)
      throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, at);
      if (n < 0) {
        throw invalid(file, "unexpected end of file at byte " + at + " (truncated)");
      }
      at += n;
    }
  }

  /** Receives encoded bytes {@code array[0 … n)}. */
  private interface Sink {
    void accept(byte[] array, int n) throws IOException;
  }

  private static void encode(Tensor t, ByteBuffer buffer, Sink sink) throws IOException {
    Object data = t.data();
    int width = t.dtype().bytes();
    int n = t.length();
    buffer.clear();
    for (int start = 0; start < n; ) {
      int count = Math.min(n - start, CHUNK / width);
      switch (t.dtype()) {
        case F32 -> buffer.asFloatBuffer().put((float[]) data, start, count);
        case F64 -> buffer.asDoubleBuffer().put((double[]) data, start, count);
        case I32 -> buffer.asIntBuffer().put((int[]) data, start, count);
        case I64 -> buffer.asLongBuffer().put((long[]) data, start, count);
        case I8, U8 -> buffer.put((byte[]) data, start, count);
      }
      sink.accept(buffer.array(), count * width);
      buffer.clear();
      start += count;
    }
  }

  private static void decode(ByteBuffer chunk, Tensor t, int element) {
    int count = chunk.remaining() / t.dtype().bytes();
    switch (t.dtype()) {
      case F32 -> chunk.asFloatBuffer().get(t.floats(), element, count);
      case F64 -> chunk.asDoubleBuffer().get(t.doubles(), element, count);
      case I32 -> chunk.asIntBuffer().get(t.ints(), element, count);
      case I64 -> chunk.asLongBuffer().get(t.longs(), element, count);
      case I8, U8 -> chunk.get(t.byteValues(), element, count);
    }
  }

  private static long crc32(String text) {
    CRC32 crc = new CRC32();
    crc.update(text.getBytes(StandardCharsets.UTF_8));
    return crc.getValue();
  }

  static String hex(long crc) {
    return String.format("%08x", crc);
  }

  private static DataException invalid(Path file, String reason) {
    return new DataException(file + " is not a valid safetensors file: " + reason);
  }
}
