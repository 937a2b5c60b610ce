package org.rbmrec.model.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rbmrec.data.DataException;
import org.rbmrec.model.rbm.CheckpointStore;
import org.rbmrec.model.rbm.RbmConfig;
import org.rbmrec.model.rbm.TrainingCheckpoint;

/**
 * The checkpoint file of an RBM training run ({@code RUN_DIR/checkpoint.safetensors}): a
 * {@linkplain SafeTensors safetensors} file, the same layout as the model files, written
 * atomically ({@link AtomicFiles}: a temporary file in the same folder, fsync, atomic rename) so
 * that a crash while writing leaves the previous checkpoint intact. Never Java serialization.
 *
 * <p><b>Metadata</b> (all strings): {@code format = "rbmrec-checkpoint"},
 * {@code format_version = "1"}, the configuration as {@code config.KEY} (the keys of
 * {@link RbmConfig#toProperties()}), the data fingerprint as {@code data.KEY}, the state
 * scalars as {@code state.KEY} ({@code state.epochs_completed}, {@code state.rows_done}, …),
 * {@code rbmrec_version} when the build knows it, and the checksums {@code crc32} and
 * {@code header_crc32}, both required and checked on load.
 *
 * <p><b>Tensors</b>: the arrays of {@link TrainingCheckpoint}, under the same names and with
 * their shapes: F32 for float arrays (parameters, velocities, shared weights), F64 for the
 * averaging sums, I32 for {@code order} and {@code lazy.*.last}, U8 for {@code chains}.
 */
public final class CheckpointFiles {
  /** The value of the {@code format} metadata key. */
  public static final String FORMAT = "rbmrec-checkpoint";
  /** The format version this class writes and reads. */
  public static final String FORMAT_VERSION = "1";
  /** The conventional file name inside a run folder. */
  public static final String FILE_NAME = "checkpoint.safetensors";

  private static final String CONFIG = "config.";
  private static final String DATA = "data.";
  private static final String STATE = "state.";

  private CheckpointFiles() {}

  /** A store that keeps the checkpoint in {@code file}, replacing it atomically on each save. */
  public static CheckpointStore store(Path file) {
    return new CheckpointStore() {
      @Override
      public void save(TrainingCheckpoint checkpoint) {
        write(file, checkpoint);
      }

      @Override
      public String location() {
        return file.toString();
      }
    };
  }

  /**
   * Writes {@code checkpoint} to {@code file} atomically.
   *
   * @throws DataException if the file cannot be written (the previous file is then intact)
   */
  public static void write(Path file, TrainingCheckpoint checkpoint) {
    SafeTensors.write(file, tensors(checkpoint), metadata(checkpoint));
  }

  /** Writes the bytes of {@link #write(Path, TrainingCheckpoint)} to a stream. */
  public static void write(OutputStream out, TrainingCheckpoint checkpoint) throws IOException {
    SafeTensors.write(out, tensors(checkpoint), metadata(checkpoint));
  }

  private static Map<String, String> metadata(TrainingCheckpoint checkpoint) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("format", FORMAT);
    metadata.put("format_version", FORMAT_VERSION);
    checkpoint.config().toProperties().forEach((k, v) -> metadata.put(CONFIG + k, v));
    checkpoint.fingerprint().forEach((k, v) -> metadata.put(DATA + k, v));
    checkpoint.scalars().forEach((k, v) -> metadata.put(STATE + k, v));
    String version = CheckpointFiles.class.getPackage().getImplementationVersion();
    if (version != null) {
      metadata.put("rbmrec_version", version);
    }
    return metadata;
  }

  private static Map<String, Tensor> tensors(TrainingCheckpoint checkpoint) {
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    checkpoint.arrays().forEach((name, data) -> {
      long[] shape = checkpoint.shape(name);
      Tensor t;
      if (data instanceof float[] a) {
        t = Tensor.f32(a, shape);
      } else if (data instanceof double[] a) {
        t = Tensor.f64(a, shape);
      } else if (data instanceof int[] a) {
        t = Tensor.i32(a, shape);
      } else {
        t = Tensor.bytes(DType.U8, (byte[]) data, shape);
      }
      tensors.put(name, t);
    });
    return tensors;
  }

  /**
   * Reads a checkpoint written by {@link #write}.
   *
   * @throws DataException if the file is missing, not an rbmrec checkpoint, of another format
   *     version, truncated, corrupted or its configuration is invalid
   */
  public static TrainingCheckpoint read(Path file) {
    SafeTensors.Contents contents = SafeTensors.read(file);
    Map<String, String> metadata = contents.metadata();
    if (!FORMAT.equals(metadata.get("format"))) {
      throw new DataException(file + " is not an rbmrec checkpoint (metadata format is "
          + quoted(metadata.get("format")) + ")");
    }
    if (!FORMAT_VERSION.equals(metadata.get("format_version"))) {
      throw new DataException(file + " has checkpoint format version "
          + quoted(metadata.get("format_version")) + "; this build reads version "
          + FORMAT_VERSION);
    }
    if (!metadata.containsKey(SafeTensors.CRC_KEY)
        || !metadata.containsKey(SafeTensors.HEADER_CRC_KEY)) {
      throw new DataException(file + " is an rbmrec checkpoint without its checksums");
    }
    RbmConfig config;
    try {
      config = RbmConfig.fromProperties(prefixed(metadata, CONFIG));
    } catch (IllegalArgumentException e) {
      throw new DataException("checkpoint " + file + " has an invalid configuration: "
          + e.getMessage(), e);
    }
    Map<String, Object> arrays = new LinkedHashMap<>();
    Map<String, long[]> shapes = new LinkedHashMap<>();
    contents.tensors().forEach((name, t) -> {
      Object data = switch (t.dtype()) {
        case F32 -> t.floats();
        case F64 -> t.doubles();
        case I32 -> t.ints();
        case U8 -> t.byteValues();
        default -> throw new DataException("checkpoint " + file + ": tensor '" + name
            + "' has unexpected type " + t.dtype());
      };
      arrays.put(name, data);
      shapes.put(name, t.shape());
    });
    return new TrainingCheckpoint(config, prefixed(metadata, DATA), prefixed(metadata, STATE),
        arrays, shapes);
  }

  private static Map<String, String> prefixed(Map<String, String> metadata, String prefix) {
    Map<String, String> result = new LinkedHashMap<>();
    metadata.forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        result.put(k.substring(prefix.length()), v);
      }
    });
    return result;
  }

  private static String quoted(String s) {
    return s == null ? "missing" : "'" + s + "'";
  }
}
