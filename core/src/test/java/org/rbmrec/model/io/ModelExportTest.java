package org.rbmrec.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rbmrec.model.baseline.BiasBaseline;
import org.rbmrec.model.baseline.SvdPlusPlus;
import org.rbmrec.model.baseline.SvdPlusPlusConfig;
import org.rbmrec.model.rbm.Orientation;
import org.rbmrec.model.rbm.RbmArrays;
import org.rbmrec.model.rbm.RbmConfig;
import org.rbmrec.model.rbm.RbmModel;
import org.rbmrec.model.rbm.RbmParameters;
import org.rbmrec.train.EpochListener;

/** Exports read back byte by byte against the documented layouts. */
class ModelExportTest {
  private static final Pattern NPY_DICT = Pattern.compile(
      "\\{'descr': '([<|][a-z][0-9])', 'fortran_order': False, 'shape': \\(([0-9, ]*)\\), \\}");

  @TempDir Path dir;

  /** One parsed .npy entry. */
  private record Npy(String descr, long[] shape, ByteBuffer data) {}

  private ModelFiles.Loaded saved(org.rbmrec.model.Recommender model) {
    Path file = dir.resolve(ModelFiles.FILE_NAME);
    ModelFiles.save(model, TinyModels.training(), file, Map.of("data", "tiny"));
    return ModelFiles.load(file);
  }

  private static RbmModel factoredConditional() {
    return TinyModels.rbm(RbmConfig.builder().orientation(Orientation.USER).hidden(4)
        .factors(2).conditional(true).epochs(1).threads(1).build());
  }

  /** Reads an npz by hand: zip entries in order, each parsed as NPY 1.0. */
  private static Map<String, Npy> readNpz(Path file) throws IOException {
    Map<String, Npy> arrays = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      for (ZipEntry entry : Collections.list(zip.entries())) {
        assertThat(entry.getMethod()).isEqualTo(ZipEntry.STORED);
        assertThat(entry.getName()).endsWith(".npy");
        byte[] bytes = zip.getInputStream(entry).readAllBytes();
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(bytes[0] & 0xff).isEqualTo(0x93);
        assertThat(new String(bytes, 1, 5, StandardCharsets.US_ASCII)).isEqualTo("NUMPY");
        assertThat(bytes[6]).isEqualTo((byte) 1);
        assertThat(bytes[7]).isEqualTo((byte) 0);
        int headerLength = b.getShort(8) & 0xffff;
        assertThat((10 + headerLength) % 64).isZero();
        String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        assertThat(header).endsWith("\n");
        Matcher m = NPY_DICT.matcher(header.stripTrailing());
        assertThat(m.matches()).as(header).isTrue();
        String dims = m.group(2).trim();
        List<Long> shape = new ArrayList<>();
        for (String d : dims.split(",")) {
          if (!d.isBlank()) {
            shape.add(Long.parseLong(d.trim()));
          }
        }
        if (shape.size() == 1) {
          assertThat(dims).endsWith(",");
        }
        long[] dimsArray = shape.stream().mapToLong(Long::longValue).toArray();
        ByteBuffer data = ByteBuffer.wrap(bytes, 10 + headerLength, bytes.length - 10
            - headerLength).slice().order(ByteOrder.LITTLE_ENDIAN);
        long elements = Tensor.elementCount(dimsArray);
        int width = Integer.parseInt(m.group(1).substring(2));
        assertThat((long) data.remaining()).isEqualTo(elements * width);
        String name = entry.getName().substring(0, entry.getName().length() - 4);
        arrays.put(name, new Npy(m.group(1), dimsArray, data));
      }
    }
    return arrays;
  }

  private static float[] floats(ByteBuffer b) {
    float[] a = new float[b.remaining() / 4];
    b.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(a);
    return a;
  }

  private static double[] doubles(ByteBuffer b) {
    double[] a = new double[b.remaining() / 8];
    b.duplicate().order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(a);
    return a;
  }

  private static long[] longs(ByteBuffer b) {
    long[] a = new long[b.remaining() / 8];
    b.duplicate().order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(a);
    return a;
  }

  @Test
  void rbmNpzHoldsTheDocumentedArrays() throws Exception {
    RbmModel model = factoredConditional();
    ModelFiles.Loaded loaded = saved(model);
    Path file = dir.resolve("export.npz");
    Map<String, long[]> written = ModelExport.exportNpz(loaded, file);
    Map<String, Npy> npz = readNpz(file);
    assertThat(npz.keySet()).containsExactlyElementsOf(written.keySet());
    assertThat(npz.keySet()).startsWith("weights", "visible_bias", "hidden_bias",
        "conditional_weights", "factor_a", "factor_b", "fallback_global_mean",
        "fallback_user_bias", "fallback_item_bias", "user_ids", "item_ids", "rating_values",
        "metadata_json");
    RbmParameters p = model.parameters();
    int v = model.numItems();
    assertThat(npz.get("weights").descr()).isEqualTo("<f4");
    assertThat(npz.get("weights").shape()).containsExactly(v, 5, 4);
    assertThat(floats(npz.get("weights").data())).containsExactly(p.weightsCopy());
    assertThat(npz.get("visible_bias").shape()).containsExactly(v, 5);
    assertThat(floats(npz.get("visible_bias").data())).containsExactly(p.visibleBiasesCopy());
    assertThat(npz.get("hidden_bias").shape()).containsExactly(4);
    assertThat(floats(npz.get("hidden_bias").data())).containsExactly(p.hiddenBiasesCopy());
    assertThat(npz.get("conditional_weights").shape()).containsExactly(v, 4);
    assertThat(floats(npz.get("conditional_weights").data()))
        .containsExactly(p.implicitWeightsCopy());
    float[] a = floats(npz.get("factor_a").data());
    float[] b = floats(npz.get("factor_b").data());
    assertThat(npz.get("factor_a").shape()).containsExactly(v, 5, 2);
    assertThat(npz.get("factor_b").shape()).containsExactly(2, 4);
    assertThat(a).containsExactly(RbmArrays.factorLoadings(p));
    float[] w = floats(npz.get("weights").data());
    for (int row = 0; row < v * 5; row++) {
      for (int j = 0; j < 4; j++) {
        double product = a[row * 2] * b[j] + a[row * 2 + 1] * b[4 + j];
        assertThat((double) w[row * 4 + j]).isCloseTo(product, within(1e-6));
      }
    }
    assertThat(npz.get("user_ids").descr()).isEqualTo("<i8");
    assertThat(longs(npz.get("user_ids").data()))
        .containsExactly(TinyModels.training().userIds().rawIds());
    assertThat(longs(npz.get("item_ids").data()))
        .containsExactly(TinyModels.training().itemIds().rawIds());
    assertThat(npz.get("rating_values").descr()).isEqualTo("<f8");
    assertThat(doubles(npz.get("rating_values").data())).containsExactly(1, 2, 3, 4, 5);
    BiasBaseline fallback = (BiasBaseline) model.fallback();
    assertThat(npz.get("fallback_global_mean").shape()).isEmpty();
    assertThat(doubles(npz.get("fallback_global_mean").data())).containsExactly(fallback.mean());
    assertThat(doubles(npz.get("fallback_user_bias").data()))
        .containsExactly(fallback.userBiases());
    Npy meta = npz.get("metadata_json");
    assertThat(meta.descr()).isEqualTo("|u1");
    byte[] json = new byte[meta.data().remaining()];
    meta.data().duplicate().get(json);
    Map<?, ?> metadata = (Map<?, ?>) Json.parse(new String(json, StandardCharsets.UTF_8));
    assertThat(metadata.get("format")).isEqualTo("rbmrec-export");
    assertThat(metadata.get("model")).isEqualTo("rbm");
    assertThat(metadata.get("visible_units")).isEqualTo("items");
    assertThat(metadata.get("config.hidden")).isEqualTo("4");
    assertThat(metadata.get("provenance.data")).isEqualTo("tiny");
    assertThat(metadata.containsKey("crc32")).isFalse();
  }

  @Test
  void rbmSafetensorsExportMatchesTheHeaderByteByByte() throws Exception {
    RbmModel model = factoredConditional();
    Path file = dir.resolve("export.safetensors");
    Map<String, long[]> written = ModelExport.exportSafetensors(saved(model), file);
    byte[] bytes = Files.readAllBytes(file);
    ByteBuffer all = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    long n = all.getLong(0);
    assertThat(n % 8).isZero();
    Map<?, ?> header = (Map<?, ?>) Json.parse(new String(bytes, 8, (int) n,
        StandardCharsets.UTF_8));
    Map<?, ?> metadata = (Map<?, ?>) header.get("__metadata__");
    assertThat(metadata.get("format")).isEqualTo("rbmrec-export");
    long expectedBegin = 0;
    for (Map.Entry<String, long[]> e : written.entrySet()) {
      Map<?, ?> entry = (Map<?, ?>) header.get(e.getKey());
      List<?> shape = (List<?>) entry.get("shape");
      assertThat(shape.stream().mapToLong(x -> (Long) x).toArray()).as(e.getKey())
          .containsExactly(e.getValue());
      List<?> offsets = (List<?>) entry.get("data_offsets");
      assertThat(offsets.get(0)).isEqualTo(expectedBegin);
      int width = DType.valueOf((String) entry.get("dtype")).bytes();
      assertThat(expectedBegin % width).as("%s is aligned", e.getKey()).isZero();
      expectedBegin = (Long) offsets.get(1);
    }
    assertThat(bytes.length).isEqualTo(8 + n + expectedBegin);
    Map<?, ?> weights = (Map<?, ?>) header.get("weights");
    assertThat(weights.get("dtype")).isEqualTo("F32");
    List<?> offsets = (List<?>) weights.get("data_offsets");
    int begin = (int) (8 + n + (Long) offsets.get(0));
    int end = (int) (8 + n + (Long) offsets.get(1));
    assertThat(floats(ByteBuffer.wrap(bytes, begin, end - begin).slice()))
        .containsExactly(model.parameters().weightsCopy());
    Map<?, ?> ids = (Map<?, ?>) header.get("item_ids");
    assertThat(ids.get("dtype")).isEqualTo("I64");
    List<?> idOffsets = (List<?>) ids.get("data_offsets");
    int ib = (int) (8 + n + (Long) idOffsets.get(0));
    int ie = (int) (8 + n + (Long) idOffsets.get(1));
    assertThat(longs(ByteBuffer.wrap(bytes, ib, ie - ib).slice()))
        .containsExactly(TinyModels.training().itemIds().rawIds());
  }

  @Test
  void svdPlusPlusNpzHoldsFactorsAndBiases() throws Exception {
    SvdPlusPlus model = SvdPlusPlus.fit(TinyModels.training(),
        new SvdPlusPlusConfig(3, 2, 0.01, 1, 0.1, 0.1, 0.02, 0.1, 5L), EpochListener.NONE);
    Path file = dir.resolve("export.npz");
    ModelExport.exportNpz(saved(model), file);
    Map<String, Npy> npz = readNpz(file);
    assertThat(npz.keySet()).containsExactly("global_mean", "user_bias", "item_bias",
        "user_factors", "item_factors", "implicit_factors", "user_ids", "item_ids",
        "rating_values", "metadata_json");
    assertThat(npz.get("user_factors").shape()).containsExactly(model.numUsers(), 3);
    assertThat(doubles(npz.get("user_factors").data())).containsExactly(model.userFactors());
    assertThat(doubles(npz.get("implicit_factors").data()))
        .containsExactly(model.implicitFactors());
    assertThat(npz.get("user_bias").shape()).containsExactly(model.numUsers());
    assertThat(doubles(npz.get("item_bias").data())).containsExactly(model.itemBiases());
  }

  @Test
  void exportsAreDeterministic() throws Exception {
    ModelFiles.Loaded loaded = saved(TinyModels.bias());
    Path a = dir.resolve("a.npz");
    Path b = dir.resolve("b.npz");
    ModelExport.exportNpz(loaded, a);
    ModelExport.exportNpz(loaded, b);
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
  }
}
