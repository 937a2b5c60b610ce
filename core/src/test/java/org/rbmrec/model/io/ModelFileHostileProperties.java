package org.rbmrec.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.rbmrec.data.DataException;
import org.rbmrec.model.Recommender;
import org.rbmrec.model.TopItems;
import org.rbmrec.model.baseline.BiasedMf;
import org.rbmrec.model.baseline.BiasedMfConfig;
import org.rbmrec.model.rbm.Orientation;
import org.rbmrec.model.rbm.RbmConfig;
import org.rbmrec.train.EpochListener;

/**
 * Hostile model files: random bytes, every truncation, flipped bytes, impossible header lengths,
 * and files that were altered and then re-sealed with valid checksums (the work of a foreign
 * writer or of someone editing a model by hand). Every case either loads a model that behaves
 * exactly like the saved one, or a model whose every prediction and recommendation works, or
 * fails with a {@link DataException} naming the file — never an out-of-memory error, a negative
 * array size or an index out of bounds.
 *
 * <p>Documented behaviour: the header checksum covers the header's content, not its padding, so
 * a padding space changed into other JSON whitespace loads the identical model.
 */
class ModelFileHostileProperties {
  private static Path dir;
  private static final Map<String, Recommender> MODELS = new LinkedHashMap<>();
  private static final Map<String, byte[]> FILES = new LinkedHashMap<>();
  private static final Map<String, SafeTensors.Contents> CONTENTS = new LinkedHashMap<>();

  @BeforeContainer
  static void saveModels() throws IOException {
    dir = Files.createTempDirectory("rbmrec-hostile-model");
    MODELS.put("bias", TinyModels.bias());
    MODELS.put("biased-mf", BiasedMf.fit(TinyModels.training(),
        BiasedMfConfig.defaults().withEpochs(2), EpochListener.NONE));
    MODELS.put("rbm-cond", TinyModels.rbm(
        RbmConfig.builder().hidden(3).conditional(true).epochs(1).threads(1).build()));
    MODELS.put("rbm-item-factored", TinyModels.rbm(RbmConfig.builder()
        .orientation(Orientation.ITEM).hidden(3).factors(2).epochs(1).threads(1).build()));
    for (Map.Entry<String, Recommender> e : MODELS.entrySet()) {
      Path file = dir.resolve(e.getKey() + ".safetensors");
      ModelFiles.save(e.getValue(), TinyModels.training(), file, Map.of("seed", "1"));
      FILES.put(e.getKey(), Files.readAllBytes(file));
      CONTENTS.put(e.getKey(), SafeTensors.read(file));
    }
  }

  @AfterContainer
  static void deleteDir() throws IOException {
    try (var files = Files.list(dir)) {
      for (Path p : files.toList()) {
        Files.delete(p);
      }
    }
    Files.delete(dir);
  }

  private static Path write(byte[] bytes) throws IOException {
    return Files.write(dir.resolve("hostile.safetensors"), bytes);
  }

  /** Loads {@code file}: a DataException naming it, or a loaded model (returned). */
  private static ModelFiles.Loaded loadOrCheckFailure(Path file) {
    Throwable thrown = catchThrowable(() -> ModelFiles.load(file));
    if (thrown == null) {
      return ModelFiles.load(file);
    }
    assertThat(thrown).isInstanceOf(DataException.class);
    assertThat(thrown.getMessage()).contains(file.toString());
    return null;
  }

  /** Every prediction is in range and every recommendation works, for every user and item. */
  private static void assertUsable(Recommender model) {
    for (int u = 0; u < model.numUsers(); u++) {
      for (int i = 0; i < model.numItems(); i++) {
        double p = model.predict(u, i);
        assertThat(p).isBetween(model.scale().min(), model.scale().max());
        model.isFallback(u, i);
      }
      for (boolean excludeSeen : new boolean[] {true, false}) {
        TopItems top = model.recommend(u, 5, excludeSeen);
        assertThat(top.size()).isLessThanOrEqualTo(5);
        for (int r = 0; r < top.size(); r++) {
          assertThat(top.items()[r]).isBetween(0, model.numItems() - 1);
        }
      }
    }
  }

  @Provide
  Arbitrary<String> kinds() {
    return Arbitraries.of(List.of("bias", "biased-mf", "rbm-cond", "rbm-item-factored"));
  }

  @Property(tries = 200)
  void randomBytesAreADataException(@ForAll @Size(max = 300) byte[] bytes) throws IOException {
    Path file = write(bytes);
    assertThat(catchThrowable(() -> ModelFiles.load(file)))
        .isInstanceOf(DataException.class)
        .hasMessageContaining(file.toString());
  }

  @Property(tries = 40)
  void randomBytesAfterAPlausibleHeaderAreADataException(
      @ForAll("kinds") String kind, @ForAll @Size(max = 2000) byte[] tail) throws IOException {
    byte[] original = FILES.get(kind);
    long headerLength = ByteBuffer.wrap(original).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
    byte[] bytes = java.util.Arrays.copyOf(original, (int) (8 + headerLength) + tail.length);
    System.arraycopy(tail, 0, bytes, (int) (8 + headerLength), tail.length);
    Path file = write(bytes);
    assertThat(catchThrowable(() -> ModelFiles.load(file)))
        .isInstanceOf(DataException.class)
        .hasMessageContaining(file.toString());
  }

  @Example
  void everyTruncationOfAModelFileIsADataException() throws IOException {
    byte[] bytes = FILES.get("bias");
    Path file = write(bytes);
    for (int length = bytes.length - 1; length >= 0; length--) {
      try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
          java.nio.file.StandardOpenOption.WRITE)) {
        channel.truncate(length);
      }
      assertThat(catchThrowable(() -> ModelFiles.load(file)))
          .as("cut to %d of %d bytes", length, bytes.length)
          .isInstanceOf(DataException.class)
          .hasMessageContaining(file.toString());
    }
  }

  @Property(tries = 200)
  void anyTruncationOfEveryModelKindIsADataException(
      @ForAll("kinds") String kind, @ForAll @IntRange(min = 0, max = 1 << 20) int cut)
      throws IOException {
    byte[] bytes = FILES.get(kind);
    Path file = write(java.util.Arrays.copyOf(bytes, cut % bytes.length));
    assertThat(catchThrowable(() -> ModelFiles.load(file)))
        .isInstanceOf(DataException.class)
        .hasMessageContaining(file.toString());
  }

  @Property(tries = 200)
  void flippedBytesAreDetectedOrChangeNothing(
      @ForAll("kinds") String kind,
      @ForAll @Size(min = 1, max = 3) List<@IntRange(min = 0, max = 1 << 20) Integer> positions,
      @ForAll @IntRange(min = 1, max = 255) int mask) throws IOException {
    byte[] bytes = FILES.get(kind).clone();
    for (int position : positions) {
      bytes[position % bytes.length] ^= (byte) mask;
    }
    ModelFiles.Loaded loaded = loadOrCheckFailure(write(bytes));
    if (loaded != null) { // only whitespace in the header's padding changed
      TinyModels.assertSameBehaviour(loaded.model(), MODELS.get(kind));
    }
  }

  @Provide
  Arbitrary<Long> headerLengths() {
    return Arbitraries.oneOf(
        Arbitraries.longs(),
        Arbitraries.of(-1L, Long.MIN_VALUE, Long.MAX_VALUE, Long.MAX_VALUE - 7, 1L << 32,
            (1L << 31) - 1, 1L << 31, SafeTensors.MAX_HEADER_BYTES,
            SafeTensors.MAX_HEADER_BYTES + 1, 0L, 1L, 7L, 8L),
        Arbitraries.longs().between(0, 20_000));
  }

  @Property(tries = 200)
  void aWrongHeaderLengthIsADataException(
      @ForAll("kinds") String kind, @ForAll("headerLengths") long headerLength)
      throws IOException {
    byte[] bytes = FILES.get(kind).clone();
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    long actual = buffer.getLong(0);
    net.jqwik.api.Assume.that(headerLength != actual);
    buffer.putLong(0, headerLength);
    Path file = write(bytes);
    Throwable thrown = catchThrowable(() -> ModelFiles.load(file));
    assertThat(thrown).isInstanceOf(DataException.class)
        .hasMessageContaining(file.toString());
    if (headerLength < 0 || headerLength > bytes.length - 8) {
      assertThat(thrown).hasMessageContaining("header length");
    }
  }

  /** One change to a model file's contents before it is re-sealed with valid checksums. */
  record Edit(String kind, int target, int position, long value, boolean resize) {}

  @Provide
  Arbitrary<Edit> edits() {
    Arbitrary<Long> values = Arbitraries.oneOf(
        Arbitraries.of(-1L, 0L, 1L, 2L, 3L, 4L, 5L, 24L, 25L, 26L, 39L, 40L, 41L, 127L, 128L,
            255L, (long) Integer.MAX_VALUE, (long) Integer.MIN_VALUE, Long.MAX_VALUE,
            Long.MIN_VALUE),
        Arbitraries.longs().between(-100, 1000));
    return net.jqwik.api.Combinators.combine(kinds(), Arbitraries.integers().between(0, 1000),
        Arbitraries.integers().between(0, 100_000), values, Arbitraries.of(false, false, true))
        .as(Edit::new);
  }

  @Property(tries = 250)
  void resealedIntegerTensorEditsFailClearlyOrLoadAWorkingModel(@ForAll("edits") Edit edit)
      throws IOException {
    SafeTensors.Contents contents = CONTENTS.get(edit.kind());
    Map<String, Tensor> tensors = new LinkedHashMap<>(contents.tensors());
    List<String> integral = new ArrayList<>();
    tensors.forEach((name, t) -> {
      if (t.dtype() == DType.I32 || t.dtype() == DType.I64 || t.dtype() == DType.U8) {
        integral.add(name);
      }
    });
    String name = integral.get(edit.target() % integral.size());
    tensors.put(name, edited(tensors.get(name), edit));
    assertFailsClearlyOrWorks(tensors, resealable(contents.metadata()));
  }

  private static int resized(int length, Edit edit) {
    return Math.max(0, length + (edit.position() % 2 == 0 ? 1 : -1));
  }

  private static Tensor edited(Tensor t, Edit edit) {
    switch (t.dtype()) {
      case I32 -> {
        int[] a = t.ints();
        int[] b = edit.resize()
            ? java.util.Arrays.copyOf(a, resized(a.length, edit))
            : a.clone();
        if (b.length > 0) {
          b[edit.position() % b.length] = (int) edit.value();
        }
        return Tensor.i32(b);
      }
      case I64 -> {
        long[] a = t.longs();
        long[] b = edit.resize()
            ? java.util.Arrays.copyOf(a, resized(a.length, edit))
            : a.clone();
        if (b.length > 0) {
          b[edit.position() % b.length] = edit.value();
        }
        return Tensor.i64(b);
      }
      default -> {
        byte[] a = t.byteValues();
        byte[] b = edit.resize()
            ? java.util.Arrays.copyOf(a, resized(a.length, edit))
            : a.clone();
        if (b.length > 0) {
          b[edit.position() % b.length] = (byte) edit.value();
        }
        return Tensor.bytes(t.dtype(), b);
      }
    }
  }

  @Property(tries = 150)
  void resealedNonFiniteOrHugeParametersFailClearlyOrLoadAWorkingModel(
      @ForAll("kinds") String kind, @ForAll @IntRange(min = 0, max = 1000) int which,
      @ForAll @IntRange(min = 0, max = 100_000) int position,
      @ForAll("awkwardNumbers") double value) throws IOException {
    SafeTensors.Contents contents = CONTENTS.get(kind);
    Map<String, Tensor> tensors = new LinkedHashMap<>(contents.tensors());
    List<String> real = new ArrayList<>();
    tensors.forEach((name, t) -> {
      if (t.dtype() == DType.F32 || t.dtype() == DType.F64) {
        real.add(name);
      }
    });
    String name = real.get(which % real.size());
    Tensor t = tensors.get(name);
    if (t.dtype() == DType.F32) {
      float[] a = t.floats().clone();
      a[position % a.length] = (float) value;
      tensors.put(name, Tensor.f32(a, t.shape()));
    } else {
      double[] a = t.doubles().clone();
      a[position % a.length] = value;
      tensors.put(name, Tensor.f64(a, t.shape()));
    }
    assertFailsClearlyOrWorks(tensors, resealable(contents.metadata()));
  }

  @Provide
  Arbitrary<Double> awkwardNumbers() {
    return Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        3.4e38, -3.4e38, 1e300, -1e300, 1e20, -1e20, Double.MIN_VALUE, -0.0);
  }

  @Provide
  Arbitrary<String> metadataValues() {
    return Arbitraries.oneOf(
        Arbitraries.of("", "-1", "0", "1", "2", "3", "5", "0.5", "24", "25", "40", "41",
            "2147483647", "2147483648", "-2147483648", "NaN", "Infinity", "-Infinity", "1e308",
            "x", "rbm", "bias", "biased-mf", "svd++", "global-mean", "ITEM", "USER", "true",
            "false", "cd", "pcd", "mean", "exact"),
        Arbitraries.strings().ofMaxLength(6));
  }

  @Property(tries = 200)
  void resealedMetadataEditsFailClearlyOrLoadAWorkingModel(
      @ForAll("kinds") String kind, @ForAll @IntRange(min = 0, max = 1000) int key,
      @ForAll("metadataValues") String value) throws IOException {
    SafeTensors.Contents contents = CONTENTS.get(kind);
    Map<String, String> metadata = resealable(contents.metadata());
    List<String> keys = new ArrayList<>(metadata.keySet());
    metadata.put(keys.get(key % keys.size()), value);
    assertFailsClearlyOrWorks(new LinkedHashMap<>(contents.tensors()), metadata);
  }

  @Provide
  Arbitrary<Tensor> foreignTensors() {
    Arbitrary<long[]> shapes = Arbitraries.longs().between(0, 6).array(long[].class)
        .ofMaxSize(3);
    return net.jqwik.api.Combinators.combine(Arbitraries.of(DType.class), shapes,
        Arbitraries.integers().between(-3, 50)).as((dtype, shape, fill) -> {
          long count = 1;
          for (long d : shape) {
            count *= d;
          }
          int n = (int) count;
          return switch (dtype) {
            case F32 -> {
              float[] a = new float[n];
              java.util.Arrays.fill(a, fill);
              yield Tensor.f32(a, shape);
            }
            case F64 -> {
              double[] a = new double[n];
              java.util.Arrays.fill(a, fill);
              yield Tensor.f64(a, shape);
            }
            case I32 -> {
              int[] a = new int[n];
              java.util.Arrays.fill(a, fill);
              yield Tensor.i32(a, shape);
            }
            case I64 -> {
              long[] a = new long[n];
              java.util.Arrays.fill(a, fill);
              yield Tensor.i64(a, shape);
            }
            case I8, U8 -> {
              byte[] a = new byte[n];
              java.util.Arrays.fill(a, (byte) (int) fill);
              yield Tensor.bytes(dtype, a, shape);
            }
          };
        });
  }

  @Property(tries = 150)
  void foreignTensorsUnderRealNamesFailClearlyOrLoadAWorkingModel(
      @ForAll("kinds") String kind, @ForAll @IntRange(min = 0, max = 1000) int which,
      @ForAll("foreignTensors") Tensor replacement) throws IOException {
    SafeTensors.Contents contents = CONTENTS.get(kind);
    Map<String, Tensor> tensors = new LinkedHashMap<>(contents.tensors());
    List<String> names = new ArrayList<>(tensors.keySet());
    tensors.put(names.get(which % names.size()), replacement);
    assertFailsClearlyOrWorks(tensors, resealable(contents.metadata()));
  }

  @Property(tries = 100)
  void foreignSafetensorsFilesAreNotModels(
      @ForAll @Size(max = 4) Map<@net.jqwik.api.constraints.AlphaChars
          @net.jqwik.api.constraints.StringLength(min = 1, max = 8) String,
          @net.jqwik.api.From("foreignTensors") Tensor> tensors,
      @ForAll boolean claimsToBeAModel) throws IOException {
    Map<String, String> metadata = new LinkedHashMap<>();
    if (claimsToBeAModel) {
      metadata.put("format", ModelFiles.FORMAT);
      metadata.put("format_version", ModelFiles.FORMAT_VERSION);
      metadata.put("model", "bias");
    }
    assertFailsClearlyOrWorks(new LinkedHashMap<>(tensors), metadata);
  }

  /**
   * Row pointers that never decrease and end at the entry count but overshoot it in between,
   * over columns that keep increasing across the overshoot: found by reasoning about the
   * property above, pinned here for every CSR part of the files.
   */
  @Example
  void rowPointersBeyondTheEntryCountAreADataException() throws IOException {
    for (String[] kindAndPrefix : new String[][] {{"bias", "seen."}, {"rbm-cond", "rows."},
        {"rbm-cond", "indicator."}, {"rbm-cond", "fallback.seen."}}) {
      SafeTensors.Contents contents = CONTENTS.get(kindAndPrefix[0]);
      Map<String, Tensor> tensors = new LinkedHashMap<>(contents.tensors());
      String prefix = kindAndPrefix[1];
      int rows = tensors.get(prefix + "row_pointers").ints().length - 1;
      int[] pointers = new int[rows + 1];
      pointers[rows - 1] = 3; // row rows-2 would span entries 0, 1, 2 of only 2
      pointers[rows] = 2;
      tensors.put(prefix + "row_pointers", Tensor.i32(pointers));
      tensors.put(prefix + "columns", Tensor.i32(new int[] {0, 1}));
      if (tensors.containsKey(prefix + "levels")) {
        tensors.put(prefix + "levels", Tensor.bytes(DType.U8, new byte[] {0, 1}));
      }
      Path file = reseal(tensors, resealable(contents.metadata()));
      assertThat(catchThrowable(() -> ModelFiles.load(file))).as(prefix)
          .isInstanceOf(DataException.class)
          .hasMessageContaining(file.toString())
          .hasMessageContaining("exceed");
    }
  }

  /** Writes a file with valid checksums (through a stream: no fsync per try). */
  private static Path reseal(Map<String, Tensor> tensors, Map<String, String> metadata)
      throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    SafeTensors.write(out, tensors, metadata);
    return Files.write(dir.resolve("resealed.safetensors"), out.toByteArray());
  }

  private static Map<String, String> resealable(Map<String, String> metadata) {
    Map<String, String> copy = new LinkedHashMap<>(metadata);
    copy.remove(SafeTensors.CRC_KEY);
    copy.remove(SafeTensors.HEADER_CRC_KEY);
    return copy;
  }

  private static void assertFailsClearlyOrWorks(Map<String, Tensor> tensors,
      Map<String, String> metadata) throws IOException {
    Path file = reseal(tensors, metadata);
    ModelFiles.Loaded loaded = loadOrCheckFailure(file);
    if (loaded != null) {
      assertThat(loaded.users().size()).isEqualTo(loaded.model().numUsers());
      assertThat(loaded.items().size()).isEqualTo(loaded.model().numItems());
      assertUsable(loaded.model());
    }
  }
}
