package org.rbmrec.model.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rbmrec.model.Recommender;
import org.rbmrec.model.baseline.BiasBaseline;
import org.rbmrec.model.baseline.BiasedMf;
import org.rbmrec.model.baseline.GlobalMean;
import org.rbmrec.model.baseline.SvdPlusPlus;
import org.rbmrec.model.rbm.Orientation;
import org.rbmrec.model.rbm.RbmArrays;
import org.rbmrec.model.rbm.RbmModel;
import org.rbmrec.model.rbm.RbmParameters;

/**
 * Exports a model for Python users as {@code .safetensors} or {@code .npz}, with plain tensor
 * names (see {@code docs/export.md}). U users, I items, K rating levels; every array is
 * row-major (C order), little-endian.
 *
 * <p>Every export: {@code user_ids} int64 (U,) and {@code item_ids} int64 (I,), the raw ids in
 * index order; {@code rating_values} float64 (K,), the rating of each level.
 *
 * <p>RBM, with V visible units (items for a user-based RBM, users for an item-based one, as the
 * metadata {@code visible_units} says) and F hidden units:
 * <ul>
 *   <li>{@code weights} float32 (V, K, F); for the factored model the product A·B;
 *   <li>{@code visible_bias} float32 (V, K); {@code hidden_bias} float32 (F,);
 *   <li>{@code conditional_weights} float32 (V, F), conditional RBM only;
 *   <li>{@code factor_a} float32 (V, K, C) and {@code factor_b} float32 (C, F), factored only;
 *   <li>its fallback's arrays with the prefix {@code fallback_} (for example
 *       {@code fallback_user_bias}).
 * </ul>
 *
 * <p>Baselines: {@code global_mean} float64 () (a scalar); {@code user_bias} float64 (U,) and
 * {@code item_bias} float64 (I,) (bias, biased-mf, svd++); {@code user_factors} float64 (U, F)
 * and {@code item_factors} float64 (I, F) (biased-mf, svd++); {@code implicit_factors} float64
 * (I, F) (svd++).
 *
 * <p>In a safetensors export the tensors are ordered by element width (8-byte types first), so
 * each one starts at a multiple of its width in the data buffer.
 *
 * <p>Metadata: the model file's metadata (kind, configuration as {@code config.KEY}, scale,
 * provenance) without its checksums, with {@code format = "rbmrec-export"} and
 * {@code export_version = "1"}. In a safetensors export it is the {@code __metadata__}; in an
 * npz it is the extra array {@code metadata_json}, uint8 (bytes,), the UTF-8 text of one JSON
 * object of strings.
 */
public final class ModelExport {
  /** The value of the {@code format} metadata key of exports. */
  public static final String FORMAT = "rbmrec-export";
  /** The export layout version. */
  public static final String EXPORT_VERSION = "1";
  /** Name of the npz array holding the metadata as UTF-8 JSON. */
  public static final String METADATA_ARRAY = "metadata_json";

  private ModelExport() {}

  /**
   * Writes {@code loaded} as a safetensors file, atomically.
   *
   * @return the shape of each tensor written, by name, in file order
   */
  public static Map<String, long[]> exportSafetensors(ModelFiles.Loaded loaded, Path file) {
    Map<String, Tensor> tensors = alignedOrder(tensors(loaded));
    SafeTensors.write(file, tensors, metadata(loaded));
    return shapes(tensors);
  }

  /**
   * Writes {@code loaded} as an npz archive (with {@code metadata_json}), atomically.
   *
   * @return the shape of each array written, by name, in archive order
   */
  public static Map<String, long[]> exportNpz(ModelFiles.Loaded loaded, Path file) {
    Map<String, Tensor> tensors = tensors(loaded);
    byte[] json = Json.write(metadata(loaded)).getBytes(StandardCharsets.UTF_8);
    tensors.put(METADATA_ARRAY, Tensor.bytes(DType.U8, json));
    AtomicFiles.write(file, out -> Npy.writeNpz(out, tensors));
    return shapes(tensors);
  }

  /** The exported tensors of {@code loaded}, by name, in export order. */
  public static Map<String, Tensor> tensors(ModelFiles.Loaded loaded) {
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    arrays(loaded.model(), "", tensors);
    tensors.put("user_ids", Tensor.i64(loaded.users().rawIds()));
    tensors.put("item_ids", Tensor.i64(loaded.items().rawIds()));
    tensors.put("rating_values", Tensor.f64(loaded.scale().values()));
    return tensors;
  }

  /** The exported metadata: the file's, without checksums, marked as an export. */
  public static Map<String, String> metadata(ModelFiles.Loaded loaded) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("format", FORMAT);
    m.put("export_version", EXPORT_VERSION);
    loaded.metadata().forEach((k, v) -> {
      if (!k.equals("format") && !k.equals("format_version") && !k.equals(SafeTensors.CRC_KEY)
          && !k.equals(SafeTensors.HEADER_CRC_KEY)) {
        m.put(k, v);
      }
    });
    m.put("model_format_version", loaded.metadata().getOrDefault("format_version", ""));
    if (loaded.model() instanceof RbmModel rbm) {
      m.put("visible_units",
          rbm.config().orientation() == Orientation.USER ? "items" : "users");
    }
    return m;
  }

  private static void arrays(Recommender model, String prefix, Map<String, Tensor> out) {
    if (model instanceof RbmModel rbm) {
      RbmParameters p = rbm.parameters();
      int v = p.numVisible();
      int k = p.levels();
      int f = p.hidden();
      int c = p.factors();
      out.put(prefix + "weights", Tensor.f32(p.weightsCopy(), v, k, f));
      out.put(prefix + "visible_bias", Tensor.f32(p.visibleBiasesCopy(), v, k));
      out.put(prefix + "hidden_bias", Tensor.f32(p.hiddenBiasesCopy(), f));
      if (p.conditional()) {
        out.put(prefix + "conditional_weights", Tensor.f32(p.implicitWeightsCopy(), v, f));
      }
      if (c > 0) {
        out.put(prefix + "factor_a", Tensor.f32(RbmArrays.factorLoadings(p), v, k, c));
        out.put(prefix + "factor_b", Tensor.f32(RbmArrays.factorWeights(p), c, f));
      }
      arrays(rbm.fallback(), prefix + "fallback_", out);
    } else if (model instanceof BiasBaseline m) {
      out.put(prefix + "global_mean", Tensor.scalar(m.mean()));
      out.put(prefix + "user_bias", Tensor.f64(m.userBiases()));
      out.put(prefix + "item_bias", Tensor.f64(m.itemBiases()));
    } else if (model instanceof BiasedMf m) {
      int f = m.config().factors();
      out.put(prefix + "global_mean", Tensor.scalar(m.mean()));
      out.put(prefix + "user_bias", Tensor.f64(m.userBiases()));
      out.put(prefix + "item_bias", Tensor.f64(m.itemBiases()));
      out.put(prefix + "user_factors", Tensor.f64(m.userFactors(), m.numUsers(), f));
      out.put(prefix + "item_factors", Tensor.f64(m.itemFactors(), m.numItems(), f));
    } else if (model instanceof SvdPlusPlus m) {
      int f = m.config().factors();
      out.put(prefix + "global_mean", Tensor.scalar(m.mean()));
      out.put(prefix + "user_bias", Tensor.f64(m.userBiases()));
      out.put(prefix + "item_bias", Tensor.f64(m.itemBiases()));
      out.put(prefix + "user_factors", Tensor.f64(m.userFactors(), m.numUsers(), f));
      out.put(prefix + "item_factors", Tensor.f64(m.itemFactors(), m.numItems(), f));
      out.put(prefix + "implicit_factors", Tensor.f64(m.implicitFactors(), m.numItems(), f));
    } else if (model instanceof GlobalMean m) {
      out.put(prefix + "global_mean", Tensor.scalar(m.mean()));
    } else {
      throw new IllegalArgumentException("cannot export a model of type "
          + model.getClass().getName());
    }
  }

  /**
   * The tensors with 8-byte types first, then 4-byte, then 1-byte (stable within each group),
   * so that every tensor of a safetensors export starts at a multiple of its element width.
   */
  private static Map<String, Tensor> alignedOrder(Map<String, Tensor> tensors) {
    Map<String, Tensor> ordered = new LinkedHashMap<>();
    for (int width : new int[] {8, 4, 1}) {
      tensors.forEach((name, t) -> {
        if (t.dtype().bytes() == width) {
          ordered.put(name, t);
        }
      });
    }
    return ordered;
  }

  private static Map<String, long[]> shapes(Map<String, Tensor> tensors) {
    Map<String, long[]> shapes = new LinkedHashMap<>();
    tensors.forEach((name, t) -> shapes.put(name, t.shape()));
    return shapes;
  }
}
