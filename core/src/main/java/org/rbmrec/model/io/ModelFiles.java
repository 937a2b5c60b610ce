package org.rbmrec.model.io;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.rbmrec.data.DataException;
import org.rbmrec.data.IdIndex;
import org.rbmrec.data.RatingScale;
import org.rbmrec.data.Ratings;
import org.rbmrec.model.Recommender;
import org.rbmrec.model.rbm.RbmConfig;

/**
 * The one model file of rbmrec: every {@link Recommender} it trains, saved as a
 * {@linkplain SafeTensors safetensors} file (conventionally {@code RUN_DIR/model.safetensors})
 * and loaded back so that it predicts and recommends exactly as before. Never Java
 * serialization.
 *
 * <p><b>Metadata</b> (all strings): {@code format = "rbmrec"}, {@code format_version = "1"},
 * {@code model} = the kind ({@code rbm}, {@code bias}, {@code biased-mf}, {@code svd++},
 * {@code global-mean}), {@code scale.min}, {@code scale.max}, {@code scale.step},
 * {@code num_users}, {@code num_items}, the configuration as {@code config.KEY} (for the RBM,
 * the keys of {@link RbmConfig#toProperties()}), the caller's provenance as
 * {@code provenance.KEY}, {@code rbmrec_version} when the build knows it, and the checksums
 * {@code crc32} and {@code header_crc32} (see {@link SafeTensors}), both checked on load.
 *
 * <p><b>Tensors</b>, with U users, I items, F factors or hidden units:
 * <ul>
 *   <li>{@code user_ids} I64 (U), {@code item_ids} I64 (I): the raw ids, index = position;
 *   <li>baselines: {@code seen.row_pointers} I32 (U+1), {@code seen.columns} I32 (nnz),
 *       {@code seen.levels} U8 (nnz): the training ratings by user (CSR, level indices);
 *       {@code global_mean} F64 (); {@code user_bias} F64 (U), {@code item_bias} F64 (I) (not
 *       for global-mean); {@code user_factors} F64 (U, F), {@code item_factors} F64 (I, F)
 *       (biased-mf, svd++); {@code implicit_factors} F64 (I, F) (svd++);
 *   <li>RBM, with V visible units and K levels: {@code weights} F32 (V, K, F),
 *       {@code visible_bias} F32 (V, K), {@code hidden_bias} F32 (F),
 *       {@code conditional_weights} F32 (V, F) and {@code indicator.row_pointers} I32,
 *       {@code indicator.columns} I32 (conditional only), {@code factor_a} F32 (V, K, C) and
 *       {@code factor_b} F32 (C, F) (factored only), and the training rows it conditions on,
 *       {@code rows.row_pointers} I32, {@code rows.columns} I32, {@code rows.levels} U8, in its
 *       orientation; its fallback model follows with every metadata key and tensor name
 *       prefixed by {@code fallback.} (for example {@code fallback.model = "bias"},
 *       {@code fallback.user_bias}).
 * </ul>
 *
 * <p>Loading validates everything (shapes, types, CSR structure, finite parameters); any
 * inconsistency, truncation or tampering is a {@link DataException} naming the file.
 */
public final class ModelFiles {
  /** The value of the {@code format} metadata key. */
  public static final String FORMAT = "rbmrec";
  /** The format version this class writes and reads. */
  public static final String FORMAT_VERSION = "1";
  /** The conventional file name inside a run folder. */
  public static final String FILE_NAME = "model.safetensors";

  static final String FALLBACK = "fallback.";
  private static final String PROVENANCE = "provenance.";

  private ModelFiles() {}

  /**
   * A loaded model with what is needed to use it on raw ids.
   *
   * @param model the model, over dense indices
   * @param users the raw user ids (index ↔ raw id)
   * @param items the raw item ids
   * @param scale the rating scale
   * @param metadata every metadata entry of the file
   */
  public record Loaded(
      Recommender model, IdIndex users, IdIndex items, RatingScale scale,
      Map<String, String> metadata) {
    public Loaded {
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(users, "users");
      Objects.requireNonNull(items, "items");
      Objects.requireNonNull(scale, "scale");
      metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** The model kind: rbm, bias, biased-mf, svd++ or global-mean. */
    public String kind() {
      return metadata.getOrDefault("model", "");
    }

    /** The provenance given when saving, without the {@code provenance.} prefix. */
    public Map<String, String> provenance() {
      Map<String, String> p = new LinkedHashMap<>();
      metadata.forEach((k, v) -> {
        if (k.startsWith(PROVENANCE)) {
          p.put(k.substring(PROVENANCE.length()), v);
        }
      });
      return p;
    }
  }

  /**
   * Saves {@code model}, trained on {@code training}, whose id indices it takes.
   *
   * @see #save(Recommender, IdIndex, IdIndex, Path, Map)
   */
  public static void save(Recommender model, Ratings training, Path file,
      Map<String, String> provenance) {
    save(model, training.userIds(), training.itemIds(), file, provenance);
  }

  /**
   * Saves {@code model} to {@code file} atomically (a failure leaves any previous file intact).
   *
   * @param users raw user ids, one per model user index
   * @param items raw item ids, one per model item index
   * @param provenance free-form facts about the run (data fingerprint, seed, command line…),
   *     stored as {@code provenance.KEY}
   * @throws IllegalArgumentException if the model kind is not supported or the id indices do
   *     not match the model's sizes
   * @throws DataException if the file cannot be written
   */
  public static void save(Recommender model, IdIndex users, IdIndex items, Path file,
      Map<String, String> provenance) {
    if (users.size() != model.numUsers() || items.size() != model.numItems()) {
      throw new IllegalArgumentException("id indices have " + users.size() + " users and "
          + items.size() + " items, the model " + model.numUsers() + " and " + model.numItems());
    }
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("format", FORMAT);
    metadata.put("format_version", FORMAT_VERSION);
    tensors.put("user_ids", Tensor.i64(users.rawIds()));
    tensors.put("item_ids", Tensor.i64(items.rawIds()));
    ModelCodec.encode(model, "", tensors, metadata);
    String version = ModelFiles.class.getPackage().getImplementationVersion();
    if (version != null) {
      metadata.put("rbmrec_version", version);
    }
    provenance.forEach((k, v) -> metadata.put(PROVENANCE + k, v));
    SafeTensors.write(file, tensors, metadata);
  }

  /** Saves a loaded model again, keeping its provenance. */
  public static void save(Loaded loaded, Path file) {
    save(loaded.model(), loaded.users(), loaded.items(), file, loaded.provenance());
  }

  /**
   * Loads a model written by {@link #save}.
   *
   * @throws DataException if the file is missing, not an rbmrec model file, of another format
   *     version, truncated, corrupted or inconsistent
   */
  public static Loaded load(Path file) {
    SafeTensors.Contents contents = SafeTensors.read(file);
    Map<String, String> metadata = contents.metadata();
    if (!FORMAT.equals(metadata.get("format"))) {
      throw new DataException(file + " is a safetensors file but not an rbmrec model file"
          + " (metadata format is " + quoted(metadata.get("format")) + ")");
    }
    if (!FORMAT_VERSION.equals(metadata.get("format_version"))) {
      throw new DataException(file + " has model format version "
          + quoted(metadata.get("format_version")) + "; this build reads version "
          + FORMAT_VERSION);
    }
    if (!metadata.containsKey(SafeTensors.CRC_KEY)
        || !metadata.containsKey(SafeTensors.HEADER_CRC_KEY)) {
      throw new DataException(file + " is an rbmrec model file without its checksums");
    }
    ModelCodec.Reader reader = new ModelCodec.Reader(file, contents);
    try {
      long[] userIds = reader.tensor("user_ids", DType.I64).longs();
      long[] itemIds = reader.tensor("item_ids", DType.I64).longs();
      Recommender model = ModelCodec.decode(reader, "", 0);
      if (model.numUsers() != userIds.length || model.numItems() != itemIds.length) {
        throw reader.inconsistent("the id lists have " + userIds.length + " users and "
            + itemIds.length + " items, the model " + model.numUsers() + " and "
            + model.numItems());
      }
      reader.requireAllUsed();
      return new Loaded(model, IdIndex.of("user", userIds), IdIndex.of("item", itemIds),
          model.scale(), metadata);
    } catch (IllegalArgumentException e) {
      throw reader.inconsistent(e.getMessage(), e);
    }
  }

  private static String quoted(String s) {
    return s == null ? "missing" : "'" + s + "'";
  }
}
