package org.rbmrec.model.io;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.rbmrec.data.DataException;
import org.rbmrec.data.RatingScale;
import org.rbmrec.data.SparseRows;
import org.rbmrec.model.Recommender;
import org.rbmrec.model.baseline.BiasBaseline;
import org.rbmrec.model.baseline.BiasConfig;
import org.rbmrec.model.baseline.BiasedMf;
import org.rbmrec.model.baseline.BiasedMfConfig;
import org.rbmrec.model.baseline.GlobalMean;
import org.rbmrec.model.baseline.SvdPlusPlus;
import org.rbmrec.model.baseline.SvdPlusPlusConfig;
import org.rbmrec.model.rbm.IndicatorRows;
import org.rbmrec.model.rbm.Orientation;
import org.rbmrec.model.rbm.RbmArrays;
import org.rbmrec.model.rbm.RbmConfig;
import org.rbmrec.model.rbm.RbmModel;
import org.rbmrec.model.rbm.RbmParameters;

/**
 * Turns each supported model into tensors and metadata under a name prefix, and back; the
 * layout is documented in {@link ModelFiles}.
 */
final class ModelCodec {
  /** How deep fallbacks may nest (an RBM's fallback is normally a baseline: depth 1). */
  private static final int MAX_DEPTH = 4;

  private ModelCodec() {}

  static void encode(Recommender model, String prefix, Map<String, Tensor> tensors,
      Map<String, String> metadata) {
    RatingScale scale = model.scale();
    metadata.put(prefix + "model", kind(model));
    metadata.put(prefix + "scale.min", Double.toString(scale.min()));
    metadata.put(prefix + "scale.max", Double.toString(scale.max()));
    metadata.put(prefix + "scale.step", Double.toString(scale.step()));
    metadata.put(prefix + "num_users", Integer.toString(model.numUsers()));
    metadata.put(prefix + "num_items", Integer.toString(model.numItems()));
    if (model instanceof RbmModel rbm) {
      encodeRbm(rbm, prefix, tensors, metadata);
    } else if (model instanceof BiasBaseline m) {
      BaselineConfigs.put(m.config(), prefix, metadata);
      rows(m.seenRows(), prefix + "seen.", tensors);
      tensors.put(prefix + "global_mean", Tensor.scalar(m.mean()));
      tensors.put(prefix + "user_bias", Tensor.f64(m.userBiases()));
      tensors.put(prefix + "item_bias", Tensor.f64(m.itemBiases()));
    } else if (model instanceof BiasedMf m) {
      int f = m.config().factors();
      BaselineConfigs.put(m.config(), prefix, metadata);
      rows(m.seenRows(), prefix + "seen.", tensors);
      tensors.put(prefix + "global_mean", Tensor.scalar(m.mean()));
      tensors.put(prefix + "user_bias", Tensor.f64(m.userBiases()));
      tensors.put(prefix + "item_bias", Tensor.f64(m.itemBiases()));
      tensors.put(prefix + "user_factors", Tensor.f64(m.userFactors(), m.numUsers(), f));
      tensors.put(prefix + "item_factors", Tensor.f64(m.itemFactors(), m.numItems(), f));
    } else if (model instanceof SvdPlusPlus m) {
      int f = m.config().factors();
      BaselineConfigs.put(m.config(), prefix, metadata);
      rows(m.seenRows(), prefix + "seen.", tensors);
      tensors.put(prefix + "global_mean", Tensor.scalar(m.mean()));
      tensors.put(prefix + "user_bias", Tensor.f64(m.userBiases()));
      tensors.put(prefix + "item_bias", Tensor.f64(m.itemBiases()));
      tensors.put(prefix + "user_factors", Tensor.f64(m.userFactors(), m.numUsers(), f));
      tensors.put(prefix + "item_factors", Tensor.f64(m.itemFactors(), m.numItems(), f));
      tensors.put(prefix + "implicit_factors",
          Tensor.f64(m.implicitFactors(), m.numItems(), f));
    } else if (model instanceof GlobalMean m) {
      rows(m.seenRows(), prefix + "seen.", tensors);
      tensors.put(prefix + "global_mean", Tensor.scalar(m.mean()));
    } else {
      throw new IllegalArgumentException("cannot save a model of type "
          + model.getClass().getName() + " (" + model.name() + "); supported: RbmModel,"
          + " BiasBaseline, BiasedMf, SvdPlusPlus, GlobalMean");
    }
  }

  /** The kind name stored in {@code model}. */
  static String kind(Recommender model) {
    if (model instanceof RbmModel) {
      return "rbm";
    }
    if (model instanceof BiasBaseline) {
      return "bias";
    }
    if (model instanceof BiasedMf) {
      return "biased-mf";
    }
    if (model instanceof SvdPlusPlus) {
      return "svd++";
    }
    if (model instanceof GlobalMean) {
      return "global-mean";
    }
    return model.name();
  }

  private static void encodeRbm(RbmModel rbm, String prefix, Map<String, Tensor> tensors,
      Map<String, String> metadata) {
    rbm.config().toProperties().forEach((k, v) -> metadata.put(prefix + "config." + k, v));
    RbmParameters p = rbm.parameters();
    int v = p.numVisible();
    int k = p.levels();
    int f = p.hidden();
    int c = p.factors();
    tensors.put(prefix + "weights", Tensor.f32(p.weightsCopy(), v, k, f));
    tensors.put(prefix + "visible_bias", Tensor.f32(p.visibleBiasesCopy(), v, k));
    tensors.put(prefix + "hidden_bias", Tensor.f32(p.hiddenBiasesCopy(), f));
    if (p.conditional()) {
      tensors.put(prefix + "conditional_weights", Tensor.f32(p.implicitWeightsCopy(), v, f));
      IndicatorRows indicator = rbm.indicatorRows();
      tensors.put(prefix + "indicator.row_pointers", Tensor.i32(indicator.rowPointers()));
      tensors.put(prefix + "indicator.columns", Tensor.i32(indicator.columns()));
    }
    if (c > 0) {
      tensors.put(prefix + "factor_a", Tensor.f32(RbmArrays.factorLoadings(p), v, k, c));
      tensors.put(prefix + "factor_b", Tensor.f32(RbmArrays.factorWeights(p), c, f));
    }
    rows(rbm.trainingRows(), prefix + "rows.", tensors);
    encode(rbm.fallback(), prefix + ModelFiles.FALLBACK, tensors, metadata);
  }

  private static void rows(SparseRows rows, String prefix, Map<String, Tensor> tensors) {
    tensors.put(prefix + "row_pointers", Tensor.i32(rows.rowPointers()));
    tensors.put(prefix + "columns", Tensor.i32(rows.columns()));
    tensors.put(prefix + "levels", Tensor.bytes(DType.U8, rows.levels()));
  }

  static Recommender decode(Reader in, String prefix, int depth) {
    if (depth > MAX_DEPTH) {
      throw in.inconsistent("fallback models nest deeper than " + MAX_DEPTH);
    }
    String kind = in.meta(prefix + "model");
    RatingScale scale = new RatingScale(in.number(prefix + "scale.min"),
        in.number(prefix + "scale.max"), in.number(prefix + "scale.step"));
    int numUsers = in.count(prefix + "num_users");
    int numItems = in.count(prefix + "num_items");
    Recommender model = switch (kind) {
      case "rbm" -> decodeRbm(in, prefix, scale, numUsers, numItems, depth);
      case "bias" -> BiasBaseline.of(scale, mean(in, prefix),
          in.vector(prefix + "user_bias", numUsers), in.vector(prefix + "item_bias", numItems),
          seen(in, prefix, scale, numUsers, numItems),
          BaselineConfigs.bias(in.prefixed(prefix + "config.")));
      case "biased-mf" -> {
        BiasedMfConfig config = BaselineConfigs.biasedMf(in.prefixed(prefix + "config."));
        int f = config.factors();
        yield BiasedMf.of(scale, mean(in, prefix),
            in.vector(prefix + "user_bias", numUsers), in.vector(prefix + "item_bias", numItems),
            in.matrix(prefix + "user_factors", numUsers, f),
            in.matrix(prefix + "item_factors", numItems, f),
            seen(in, prefix, scale, numUsers, numItems), config);
      }
      case "svd++" -> {
        SvdPlusPlusConfig config = BaselineConfigs.svdPlusPlus(in.prefixed(prefix + "config."));
        int f = config.factors();
        yield SvdPlusPlus.of(scale, mean(in, prefix),
            in.vector(prefix + "user_bias", numUsers), in.vector(prefix + "item_bias", numItems),
            in.matrix(prefix + "user_factors", numUsers, f),
            in.matrix(prefix + "item_factors", numItems, f),
            in.matrix(prefix + "implicit_factors", numItems, f),
            seen(in, prefix, scale, numUsers, numItems), config);
      }
      case "global-mean" ->
          GlobalMean.of(mean(in, prefix), scale, seen(in, prefix, scale, numUsers, numItems));
      default -> throw in.inconsistent("unknown model kind '" + kind + "' at '" + prefix
          + "model'");
    };
    if (model.numUsers() != numUsers || model.numItems() != numItems) {
      throw in.inconsistent(prefix + "model has " + model.numUsers() + " users and "
          + model.numItems() + " items, the metadata says " + numUsers + " and " + numItems);
    }
    return model;
  }

  private static double mean(Reader in, String prefix) {
    Tensor t = in.tensor(prefix + "global_mean", DType.F64);
    in.shape(prefix + "global_mean", t);
    return t.doubles()[0];
  }

  private static SparseRows seen(Reader in, String prefix, RatingScale scale, int numUsers,
      int numItems) {
    return in.rows(prefix + "seen.", numUsers, numItems, scale.levels());
  }

  private static RbmModel decodeRbm(Reader in, String prefix, RatingScale scale, int numUsers,
      int numItems, int depth) {
    RbmConfig config = RbmConfig.fromProperties(in.prefixed(prefix + "config."));
    boolean byUser = config.orientation() == Orientation.USER;
    int numRows = byUser ? numUsers : numItems;
    int v = byUser ? numItems : numUsers;
    int k = scale.levels();
    int f = config.hidden();
    int c = config.factors();
    float[] w = in.floats(prefix + "weights", v, k, f);
    float[] b = in.floats(prefix + "visible_bias", v, k);
    float[] hc = in.floats(prefix + "hidden_bias", f);
    float[] d = config.conditional() ? in.floats(prefix + "conditional_weights", v, f) : null;
    float[] a = c > 0 ? in.floats(prefix + "factor_a", v, k, c) : null;
    float[] bf = c > 0 ? in.floats(prefix + "factor_b", c, f) : null;
    RbmParameters params = RbmArrays.parameters(v, k, f, c, w, b, hc, d, a, bf);
    SparseRows rows = in.rows(prefix + "rows.", numRows, v, k);
    IndicatorRows indicator = null;
    if (config.conditional()) {
      int[] pointers = in.tensor(prefix + "indicator.row_pointers", DType.I32).ints();
      int[] columns = in.tensor(prefix + "indicator.columns", DType.I32).ints();
      if (pointers.length != numRows + 1) {
        throw in.inconsistent(prefix + "indicator.row_pointers has " + pointers.length
            + " entries, expected " + (numRows + 1));
      }
      indicator = RbmArrays.indicatorRows(pointers, columns, v);
    }
    Recommender fallback = decode(in, prefix + ModelFiles.FALLBACK, depth + 1);
    return new RbmModel(config, params, scale, rows, indicator, fallback);
  }

  /** Typed, checked access to the tensors and metadata of one file. */
  static final class Reader {
    private final Path file;
    private final Map<String, Tensor> tensors;
    private final Map<String, String> metadata;
    private final Set<String> used = new HashSet<>();

    Reader(Path file, SafeTensors.Contents contents) {
      this.file = file;
      this.tensors = contents.tensors();
      this.metadata = contents.metadata();
    }

    DataException inconsistent(String reason) {
      return new DataException("model file " + file + " is inconsistent: " + reason);
    }

    DataException inconsistent(String reason, Throwable cause) {
      return new DataException("model file " + file + " is inconsistent: " + reason, cause);
    }

    String meta(String key) {
      String value = metadata.get(key);
      if (value == null) {
        throw inconsistent("metadata key '" + key + "' is missing");
      }
      return value;
    }

    double number(String key) {
      try {
        return Double.parseDouble(meta(key));
      } catch (NumberFormatException e) {
        throw inconsistent("metadata '" + key + "' is not a number: " + meta(key), e);
      }
    }

    int count(String key) {
      try {
        int n = Integer.parseInt(meta(key));
        if (n < 0) {
          throw inconsistent("metadata '" + key + "' is negative: " + n);
        }
        return n;
      } catch (NumberFormatException e) {
        throw inconsistent("metadata '" + key + "' is not an integer: " + meta(key), e);
      }
    }

    /** The metadata entries under {@code prefix}, with the prefix removed. */
    Map<String, String> prefixed(String prefix) {
      Map<String, String> result = new LinkedHashMap<>();
      metadata.forEach((k, v) -> {
        if (k.startsWith(prefix)) {
          result.put(k.substring(prefix.length()), v);
        }
      });
      return result;
    }

    Tensor tensor(String name, DType dtype) {
      Tensor t = tensors.get(name);
      if (t == null) {
        throw inconsistent("tensor '" + name + "' is missing");
      }
      if (t.dtype() != dtype) {
        throw inconsistent("tensor '" + name + "' is " + t.dtype() + ", expected " + dtype);
      }
      requireFinite(name, t);
      used.add(name);
      return t;
    }

    /** A parameter that is NaN or infinite would make predictions NaN: refuse it. */
    private void requireFinite(String name, Tensor t) {
      if (t.dtype() == DType.F32) {
        float[] a = t.floats();
        for (int i = 0; i < a.length; i++) {
          if (!Float.isFinite(a[i])) {
            throw inconsistent("tensor '" + name + "' holds " + a[i] + " at element " + i);
          }
        }
      } else if (t.dtype() == DType.F64) {
        double[] a = t.doubles();
        for (int i = 0; i < a.length; i++) {
          if (!Double.isFinite(a[i])) {
            throw inconsistent("tensor '" + name + "' holds " + a[i] + " at element " + i);
          }
        }
      }
    }

    void shape(String name, Tensor t, long... expected) {
      if (!java.util.Arrays.equals(t.shape(), expected)) {
        throw inconsistent("tensor '" + name + "' has shape "
            + java.util.Arrays.toString(t.shape()) + ", expected "
            + java.util.Arrays.toString(expected));
      }
    }

    float[] floats(String name, long... shape) {
      Tensor t = tensor(name, DType.F32);
      shape(name, t, shape);
      return t.floats();
    }

    double[] vector(String name, int length) {
      Tensor t = tensor(name, DType.F64);
      shape(name, t, length);
      return t.doubles();
    }

    double[] matrix(String name, int rows, int columns) {
      Tensor t = tensor(name, DType.F64);
      shape(name, t, rows, columns);
      return t.doubles();
    }

    /**
     * CSR rows under {@code prefix} (row_pointers, columns, levels), checked: pointers from 0
     * to nnz, never decreasing and never above nnz; columns strictly increasing within a row
     * and in range; levels below {@code levels}.
     */
    SparseRows rows(String prefix, int numRows, int numColumns, int levels) {
      int[] pointers = tensor(prefix + "row_pointers", DType.I32).ints();
      int[] columns = tensor(prefix + "columns", DType.I32).ints();
      byte[] values = tensor(prefix + "levels", DType.U8).byteValues();
      int nnz = columns.length;
      if (pointers.length != numRows + 1 || values.length != nnz || pointers[0] != 0
          || pointers[numRows] != nnz) {
        throw inconsistent(prefix + "* do not describe " + numRows + " rows of " + nnz
            + " entries");
      }
      int[] rowOf = new int[nnz];
      for (int r = 0; r < numRows; r++) {
        if (pointers[r + 1] < pointers[r]) {
          throw inconsistent(prefix + "row_pointers decrease at row " + r);
        }
        if (pointers[r + 1] > nnz) {
          throw inconsistent(prefix + "row_pointers exceed the " + nnz + " entries at row " + r);
        }
        for (int q = pointers[r]; q < pointers[r + 1]; q++) {
          int col = columns[q];
          if (col < 0 || col >= numColumns || (q > pointers[r] && col <= columns[q - 1])) {
            throw inconsistent(prefix + "columns of row " + r
                + " are not strictly increasing in [0, " + numColumns + ")");
          }
          if (values[q] < 0 || values[q] >= levels) {
            throw inconsistent(prefix + "levels hold " + (values[q] & 0xff) + ", outside [0, "
                + levels + ")");
          }
          rowOf[q] = r;
        }
      }
      return SparseRows.fromTriplets(numRows, numColumns, rowOf, columns, values);
    }

    /** Throws if the file holds a tensor no model part read (a foreign or altered file). */
    void requireAllUsed() {
      for (String name : tensors.keySet()) {
        if (!used.contains(name)) {
          throw inconsistent("unexpected tensor '" + name + "'");
        }
      }
    }
  }
}
