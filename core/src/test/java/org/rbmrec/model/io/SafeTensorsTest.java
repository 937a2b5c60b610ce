package org.rbmrec.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rbmrec.data.DataException;

class SafeTensorsTest {
  @TempDir Path dir;

  /** A tensor of {@code dtype} and {@code shape} with values drawn from {@code seed}. */
  static Tensor randomTensor(DType dtype, long[] shape, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = (int) Tensor.elementCount(shape);
    return switch (dtype) {
      case F32 -> {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
          a[i] = r.nextInt(10) == 0 ? Float.intBitsToFloat(r.nextInt()) : (float) r.nextGaussian();
        }
        yield Tensor.f32(a, shape);
      }
      case F64 -> {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
          a[i] = r.nextInt(10) == 0 ? Double.longBitsToDouble(r.nextLong()) : r.nextGaussian();
        }
        yield Tensor.f64(a, shape);
      }
      case I32 -> Tensor.i32(r.ints(n).toArray(), shape);
      case I64 -> Tensor.i64(r.longs(n).toArray(), shape);
      case I8, U8 -> {
        byte[] a = new byte[n];
        for (int i = 0; i < n; i++) {
          a[i] = (byte) r.nextInt(256);
        }
        yield Tensor.bytes(dtype, a, shape);
      }
    };
  }

  static void assertSameValues(Tensor actual, Tensor expected) {
    assertThat(actual.dtype()).isEqualTo(expected.dtype());
    assertThat(actual.shape()).containsExactly(expected.shape());
    switch (expected.dtype()) {
      case F32 -> {
        int[] a = new int[actual.length()];
        int[] e = new int[expected.length()];
        for (int i = 0; i < a.length; i++) {
          a[i] = Float.floatToIntBits(actual.floats()[i]);
          e[i] = Float.floatToIntBits(expected.floats()[i]);
        }
        assertThat(a).containsExactly(e);
      }
      case F64 -> {
        long[] a = new long[actual.length()];
        long[] e = new long[expected.length()];
        for (int i = 0; i < a.length; i++) {
          a[i] = Double.doubleToLongBits(actual.doubles()[i]);
          e[i] = Double.doubleToLongBits(expected.doubles()[i]);
        }
        assertThat(a).containsExactly(e);
      }
      case I32 -> assertThat(actual.ints()).containsExactly(expected.ints());
      case I64 -> assertThat(actual.longs()).containsExactly(expected.longs());
      case I8, U8 -> assertThat(actual.byteValues()).containsExactly(expected.byteValues());
    }
  }

  @Provide
  Arbitrary<long[]> shapes() {
    return Arbitraries.longs().between(0, 6).array(long[].class).ofMaxSize(3);
  }

  @Property(tries = 150)
  void everyDtypeAndShapeRoundTrips(
      @ForAll DType dtype, @ForAll("shapes") long[] shape, @ForAll long seed,
      @ForAll @Size(max = 4) Map<String, String> metadata) throws IOException {
    Path file = Files.createTempFile("roundtrip", ".safetensors");
    try {
      Map<String, Tensor> tensors = new LinkedHashMap<>();
      tensors.put("first", randomTensor(dtype, shape, seed));
      tensors.put("second", randomTensor(DType.values()[(int) Math.floorMod(seed, 6L)],
          new long[] {3}, seed + 1));
      metadata.remove(SafeTensors.CRC_KEY);
      metadata.remove(SafeTensors.HEADER_CRC_KEY);
      SafeTensors.write(file, tensors, metadata);
      SafeTensors.Contents read = SafeTensors.read(file);
      assertThat(read.tensors().keySet()).containsExactly("first", "second");
      assertSameValues(read.tensors().get("first"), tensors.get("first"));
      assertSameValues(read.tensors().get("second"), tensors.get("second"));
      assertThat(read.metadata()).containsAllEntriesOf(metadata);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private Path smallFile() {
    Path file = dir.resolve("small.safetensors");
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    tensors.put("w", Tensor.f32(new float[] {1, 2, 3, 4, 5, 6}, 2, 3));
    tensors.put("ids", Tensor.i64(new long[] {7, 9}));
    tensors.put("levels", Tensor.bytes(DType.U8, new byte[] {0, 4, (byte) 200}));
    SafeTensors.write(file, tensors, Map.of("model", "test"));
    return file;
  }

  @Test
  void writesTheDocumentedLayout() throws Exception {
    byte[] bytes = Files.readAllBytes(smallFile());
    long n = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
    assertThat(n % 8).isZero();
    String header = new String(bytes, 8, (int) n, StandardCharsets.UTF_8);
    assertThat(header).startsWith("{\"__metadata__\":{\"model\":\"test\",\"crc32\":\"");
    assertThat(header.stripTrailing()).endsWith("}");
    assertThat(header.substring(header.stripTrailing().length())).matches(" *");
    Map<?, ?> root = (Map<?, ?>) Json.parse(header);
    assertThat(root.keySet().toArray()).containsExactly("__metadata__", "w", "ids", "levels");
    assertThat(root.get("w")).isEqualTo(
        Map.of("dtype", "F32", "shape", List.of(2L, 3L), "data_offsets", List.of(0L, 24L)));
    assertThat(root.get("ids")).isEqualTo(
        Map.of("dtype", "I64", "shape", List.of(2L), "data_offsets", List.of(24L, 40L)));
    assertThat(root.get("levels")).isEqualTo(
        Map.of("dtype", "U8", "shape", List.of(3L), "data_offsets", List.of(40L, 43L)));
    assertThat(bytes.length).isEqualTo(8 + n + 43);
    ByteBuffer data = ByteBuffer.wrap(bytes, (int) (8 + n), 43).slice()
        .order(ByteOrder.LITTLE_ENDIAN);
    assertThat(data.getFloat(20)).isEqualTo(6f);
    assertThat(data.getLong(32)).isEqualTo(9L);
    assertThat(data.get(42) & 0xff).isEqualTo(200);
  }

  @Test
  void readsAFileFromAnotherWriterWithoutMetadataOrChecksums() throws Exception {
    String header = "{\"x\": {\"dtype\": \"F64\", \"shape\": [], \"data_offsets\": [0, 8]}}";
    Path file = raw(header, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
        .putDouble(2.5).array());
    SafeTensors.Contents read = SafeTensors.read(file);
    assertThat(read.tensors().get("x").doubles()).containsExactly(2.5);
    assertThat(read.tensors().get("x").shape()).isEmpty();
    assertThat(read.metadata()).isEmpty();
  }

  @Test
  void everyTruncationIsADataException() throws IOException {
    byte[] bytes = Files.readAllBytes(smallFile());
    Path cut = dir.resolve("cut.safetensors");
    for (int length = 0; length < bytes.length; length++) {
      Files.write(cut, Arrays.copyOf(bytes, length));
      Throwable thrown = catchThrowable(() -> SafeTensors.read(cut));
      assertThat(thrown).as("prefix of %d bytes", length).isExactlyInstanceOf(DataException.class);
    }
  }

  @Test
  void aFlippedDataByteFailsTheChecksum() throws IOException {
    Path file = smallFile();
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 10] ^= 0x04;
    Files.write(file, bytes);
    assertThatThrownBy(() -> SafeTensors.read(file))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("data checksum mismatch");
  }

  @Test
  void everyFlippedHeaderByteIsDetected() throws IOException {
    Path file = smallFile();
    byte[] bytes = Files.readAllBytes(file);
    int n = (int) ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
    Path bad = dir.resolve("bad.safetensors");
    for (int at = 0; at < 8 + n; at++) {
      for (int mask : new int[] {0x01, 0x80}) {
        byte[] copy = bytes.clone();
        copy[at] ^= (byte) mask;
        Files.write(bad, copy);
        Throwable thrown = catchThrowable(() -> SafeTensors.read(bad));
        assertThat(thrown).as("byte %d ^ %x", at, mask).isExactlyInstanceOf(DataException.class);
      }
    }
  }

  @Test
  void aChangedMetadataValueFailsTheHeaderChecksum() throws IOException {
    Path file = smallFile();
    byte[] bytes = Files.readAllBytes(file);
    String text = new String(bytes, StandardCharsets.ISO_8859_1).replace("\"test\"", "\"tesT\"");
    Files.write(file, text.getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> SafeTensors.read(file))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("header checksum mismatch");
  }

  @Test
  void foreignFilesAreDataExceptions() throws IOException {
    Path empty = dir.resolve("empty");
    Files.write(empty, new byte[0]);
    assertThatThrownBy(() -> SafeTensors.read(empty)).isInstanceOf(DataException.class)
        .hasMessageContaining("fewer than the 8-byte header length");

    Path zip = dir.resolve("archive.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new ZipEntry("ratings.csv"));
      out.write("1,2,3\n".getBytes(StandardCharsets.UTF_8));
    }
    assertThatThrownBy(() -> SafeTensors.read(zip)).isInstanceOf(DataException.class)
        .hasMessageContaining("not a valid safetensors file");

    Path csv = dir.resolve("ratings.csv");
    Files.writeString(csv, "user,item,rating\n1,2,3\n");
    assertThatThrownBy(() -> SafeTensors.read(csv)).isInstanceOf(DataException.class);

    Path random = dir.resolve("random.bin");
    SplittableRandom r = new SplittableRandom(5);
    for (int trial = 0; trial < 300; trial++) {
      byte[] bytes = new byte[r.nextInt(300)];
      r.nextBytes(bytes);
      if (bytes.length >= 8 && r.nextBoolean()) {
        // A plausible small header length, so the parser sees random "JSON".
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(0, r.nextInt(bytes.length - 7));
      }
      Files.write(random, bytes);
      assertThat(catchThrowable(() -> SafeTensors.read(random)))
          .as("trial %d", trial).isExactlyInstanceOf(DataException.class);
    }
  }

  @Test
  void aMissingFileOrAFolderIsADataException() {
    assertThatThrownBy(() -> SafeTensors.read(dir.resolve("absent.safetensors")))
        .isInstanceOf(DataException.class).hasMessageContaining("does not exist");
    assertThatThrownBy(() -> SafeTensors.read(dir)).isInstanceOf(DataException.class);
  }

  private Path raw(String header, byte[] data) throws IOException {
    byte[] h = header.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(h.length).put(h).put(data);
    Path file = dir.resolve("raw.safetensors");
    Files.write(file, b.array());
    return file;
  }

  private void assertRejected(String header, int dataBytes, String message) throws IOException {
    Path file = raw(header, new byte[dataBytes]);
    assertThatThrownBy(() -> SafeTensors.read(file))
        .isInstanceOf(DataException.class)
        .hasMessageContaining(message);
  }

  @Test
  void headerStructureErrorsAreNamed() throws IOException {
    String a = "\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}";
    assertRejected("{" + a + ",\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}",
        12, "overlapping");
    assertRejected("{" + a + ",\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[12,16]}}",
        16, "leaving a gap");
    assertRejected("{" + a + "}", 12, "4 bytes after the last tensor");
    assertRejected("{" + a + "}", 4, "truncated");
    assertRejected("{\"a\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[0,4]}}", 4,
        "unsupported dtype 'BF16'");
    assertRejected("{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", 8,
        "spans 8 bytes, but F32 [3] needs 12");
    assertRejected("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8],\"x\":[]}}",
        8, "unknown field 'x'");
    assertRejected("{\"a\":{\"dtype\":\"F32\",\"shape\":[-2],\"data_offsets\":[0,8]}}", 8,
        "non-negative integers");
    assertRejected("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8]}}", 8,
        "must have 2 integers");
    assertRejected("{\"a\":{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296],"
        + "\"data_offsets\":[0,8]}}", 8, "invalid shape");
    assertRejected("{\"__metadata__\":{\"k\":1}}", 0, "metadata value of 'k' is not a string");
    assertRejected("[1,2]", 0, "not a JSON object");
    assertRejected("{\"a\":1.5}", 0, "only integers");
  }

  @Test
  void anImpossibleHeaderLengthIsNamed() throws IOException {
    Path file = dir.resolve("huge.safetensors");
    byte[] bytes = new byte[64];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(0, -1L);
    Files.write(file, bytes);
    assertThatThrownBy(() -> SafeTensors.read(file))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("exceeds the limit");
  }

  @Test
  void reservedNamesAndKeysAreRefusedWhenWriting() {
    Path file = dir.resolve("x.safetensors");
    assertThatThrownBy(() -> SafeTensors.write(file,
        Map.of("__metadata__", Tensor.i32(new int[] {1})), Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SafeTensors.write(file, Map.of(), Map.of("crc32", "0")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Files.exists(file)).isFalse();
  }
}
