package org.rbmrec.model.rbm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.rbmrec.data.DataException;

/**
 * Everything needed to continue an RBM training run exactly where it stopped: the
 * configuration, a fingerprint of the data, the position (epochs completed, rows of the next
 * epoch done) and the named arrays of the training state. Plain data: it is written as a
 * safetensors file by {@code org.rbmrec.model.io.CheckpointFiles}, never by Java serialization.
 *
 * <p><b>Arrays</b> (name → float[], double[], int[] or byte[], with a shape), with V visible
 * units, K levels, F hidden units, C factors, R active rows and N training entries:
 * <ul>
 *   <li>parameters: {@code param.w} F32 (V, K, F), {@code param.b} F32 (V, K),
 *       {@code param.c} F32 (F), {@code param.d} F32 (V, F) (conditional), {@code param.a}
 *       F32 (V, K, C) and {@code param.bf} F32 (C, F) (factored);
 *   <li>momentum velocities of the same shapes: {@code velocity.w} (plain model),
 *       {@code velocity.b}, {@code velocity.c}, {@code velocity.d}, {@code velocity.a},
 *       {@code velocity.bf};
 *   <li>shared weights (sharedLearningRate &gt; 0): {@code shared.own} F32 (V, K, F), the own
 *       weights W', {@code shared.s} F32 (K, F) and its velocity {@code velocity.s} F32 (K, F);
 *   <li>lazily updated rows: {@code lazy.w.last} and {@code lazy.d.last} I32 (V), the step at
 *       which each row of W (W') and D was last brought up to date (all 0 at an epoch boundary);
 *   <li>persistent CD: {@code chains} U8 (N), each chain's current level per training entry;
 *   <li>{@code order} I32 (R): the active rows in the order of the current (or last) epoch's
 *       shuffle, which the next epoch's shuffle permutes;
 *   <li>parameter averaging (averageEpochs &gt; 1): {@code average.weights} F64 (W, or A when
 *       factored), {@code average.factor_b} F64 (factored), {@code average.visible_bias},
 *       {@code average.hidden_bias}, {@code average.conditional_weights} F64 (conditional): the
 *       sums of the parameters at the end of the epochs averaged so far.
 * </ul>
 *
 * <p><b>State scalars</b> (name → text): {@code epochs_completed}, {@code rows_done},
 * {@code recon_sse} and {@code recon_count} (the partial epoch's reconstruction error sums),
 * {@code average.from} and {@code average.count} (first epoch summed and number of epochs
 * summed, 0 when none), {@code lazy.w.now}, {@code lazy.w.rate}, {@code lazy.w.momentum} (and
 * the same for {@code lazy.d}).
 *
 * <p><b>Data fingerprint</b> (name → text): counts and a 64-bit hash of the training ratings
 * (users, items, levels, raw ids and scale) and of the validation and implicit ratings, plus
 * facts the caller adds (for the command line: the split and the validation fraction). A resume
 * must present the same fingerprint.
 *
 * <p>A checkpoint made by the trainer refers to the live training arrays: it is valid until
 * training continues, so a store must write it before returning.
 */
public final class TrainingCheckpoint {
  /** The hyperparameters a resumed run may change. */
  public static final Set<String> CHANGEABLE = Set.of("epochs", "threads");

  private final RbmConfig config;
  private final Map<String, String> fingerprint;
  private final Map<String, String> scalars;
  private final Map<String, Object> arrays;
  private final Map<String, long[]> shapes;

  /**
   * @param config the run's configuration
   * @param fingerprint the data fingerprint
   * @param scalars the state scalars
   * @param arrays the named arrays, each a float[], double[], int[] or byte[]
   * @param shapes the shape of each array; their product must equal the array's length
   * @throws IllegalArgumentException if an array is of another type or its shape does not fit
   */
  public TrainingCheckpoint(RbmConfig config, Map<String, String> fingerprint,
      Map<String, String> scalars, Map<String, Object> arrays, Map<String, long[]> shapes) {
    this.config = Objects.requireNonNull(config, "config");
    this.fingerprint = Collections.unmodifiableMap(new LinkedHashMap<>(fingerprint));
    this.scalars = Collections.unmodifiableMap(new LinkedHashMap<>(scalars));
    this.arrays = Collections.unmodifiableMap(new LinkedHashMap<>(arrays));
    this.shapes = Collections.unmodifiableMap(new LinkedHashMap<>(shapes));
    for (Map.Entry<String, Object> e : arrays.entrySet()) {
      long[] shape = shapes.get(e.getKey());
      if (shape == null) {
        throw new IllegalArgumentException("array '" + e.getKey() + "' has no shape");
      }
      long n = 1;
      for (long d : shape) {
        n *= d;
      }
      if (n != length(e.getKey(), e.getValue())) {
        throw new IllegalArgumentException("array '" + e.getKey() + "' has "
            + length(e.getKey(), e.getValue()) + " elements, its shape " + n);
      }
    }
  }

  /** The run's configuration. */
  public RbmConfig config() {
    return config;
  }

  /** The data fingerprint (see the class comment). */
  public Map<String, String> fingerprint() {
    return fingerprint;
  }

  /** The state scalars (see the class comment). */
  public Map<String, String> scalars() {
    return scalars;
  }

  /** The named arrays, in a fixed order (see the class comment). */
  public Map<String, Object> arrays() {
    return arrays;
  }

  /** The shape of array {@code name}. */
  public long[] shape(String name) {
    long[] shape = shapes.get(name);
    if (shape == null) {
      throw new IllegalArgumentException("no array '" + name + "' in the checkpoint");
    }
    return shape.clone();
  }

  /** Epochs fully trained. */
  public int epochsCompleted() {
    return intScalar("epochs_completed");
  }

  /** Rows of epoch {@link #epochsCompleted()} + 1 already trained; 0 at an epoch boundary. */
  public int rowsDone() {
    return intScalar("rows_done");
  }

  /**
   * Checks that a run with {@code current} on data with {@code currentFingerprint} may continue
   * from this checkpoint: the same data, every hyperparameter but {@link #CHANGEABLE} equal, and
   * epochs left to train.
   *
   * @throws DataException naming every difference, or saying that nothing is left to train
   */
  public void checkResumable(RbmConfig current, Map<String, String> currentFingerprint) {
    List<String> data = differences(fingerprint, currentFingerprint, Set.of());
    if (!data.isEmpty()) {
      throw new DataException("cannot resume: the data differ from the checkpoint's ("
          + String.join("; ", data) + ")");
    }
    List<String> hyper =
        differences(config.toProperties(), current.toProperties(), CHANGEABLE);
    if (!hyper.isEmpty()) {
      throw new DataException("cannot resume: hyperparameters differ from the checkpoint's ("
          + String.join("; ", hyper) + "); only epochs and threads may change");
    }
    int done = epochsCompleted();
    if (done > current.epochs() || (done == current.epochs() && rowsDone() > 0)) {
      throw new DataException("cannot resume: the checkpoint has already trained "
          + org.rbmrec.train.TrainingStoppedException.describe(done, rowsDone())
          + ", more than the " + current.epochs() + " epochs asked");
    }
    if (done == current.epochs()) {
      throw new DataException("nothing to resume: the checkpoint has finished all " + done
          + " epochs; ask for more epochs (for example epochs=" + (done + 10)
          + ") to train further");
    }
  }

  /** "key (checkpoint X, now Y)" for every key whose values differ, keys in {@code skip} aside. */
  static List<String> differences(Map<String, String> saved, Map<String, String> now,
      Set<String> skip) {
    Set<String> keys = new java.util.LinkedHashSet<>(saved.keySet());
    keys.addAll(now.keySet());
    List<String> out = new ArrayList<>();
    for (String key : keys) {
      if (skip.contains(key)) {
        continue;
      }
      String a = saved.get(key);
      String b = now.get(key);
      if (!Objects.equals(a, b)) {
        out.add(key + " (checkpoint " + (a == null ? "absent" : a) + ", now "
            + (b == null ? "absent" : b) + ")");
      }
    }
    return out;
  }

  int intScalar(String name) {
    return (int) longScalar(name);
  }

  long longScalar(String name) {
    try {
      return Long.parseLong(scalar(name));
    } catch (NumberFormatException e) {
      throw new DataException("checkpoint state '" + name + "' is not an integer: "
          + scalar(name), e);
    }
  }

  double doubleScalar(String name) {
    try {
      return Double.parseDouble(scalar(name));
    } catch (NumberFormatException e) {
      throw new DataException("checkpoint state '" + name + "' is not a number: "
          + scalar(name), e);
    }
  }

  float floatScalar(String name) {
    try {
      return Float.parseFloat(scalar(name));
    } catch (NumberFormatException e) {
      throw new DataException("checkpoint state '" + name + "' is not a number: "
          + scalar(name), e);
    }
  }

  String scalar(String name) {
    String value = scalars.get(name);
    if (value == null) {
      throw new DataException("checkpoint state '" + name + "' is missing");
    }
    return value;
  }

  /** Array {@code name} of the given type and exact length. */
  <T> T array(String name, Class<T> type, int length) {
    Object data = arrays.get(name);
    if (data == null) {
      throw new DataException("checkpoint array '" + name + "' is missing");
    }
    if (!type.isInstance(data) || length(name, data) != length) {
      throw new DataException("checkpoint array '" + name + "' is a "
          + data.getClass().getSimpleName() + " of " + length(name, data)
          + " elements, expected a " + type.getSimpleName() + " of " + length);
    }
    return type.cast(data);
  }

  /** Copies array {@code name} into {@code to}, checking its type and length. */
  void copyInto(String name, float[] to) {
    System.arraycopy(array(name, float[].class, to.length), 0, to, 0, to.length);
  }

  private static int length(String name, Object data) {
    if (data instanceof float[] a) {
      return a.length;
    }
    if (data instanceof double[] a) {
      return a.length;
    }
    if (data instanceof int[] a) {
      return a.length;
    }
    if (data instanceof byte[] a) {
      return a.length;
    }
    throw new IllegalArgumentException("array '" + name + "' must be a float[], double[], int[]"
        + " or byte[], got " + (data == null ? "null" : data.getClass().getSimpleName()));
  }
}
