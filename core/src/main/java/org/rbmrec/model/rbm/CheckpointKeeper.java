package org.rbmrec.model.rbm;

import java.util.LinkedHashMap;
import java.util.Map;
import org.rbmrec.data.DataException;
import org.rbmrec.data.Ratings;

/**
 * The trainer's side of {@link TrainingCheckpoint}: builds a checkpoint from the live training
 * state and saves it to the {@link CheckpointStore}, and restores a run from one. Remembers the
 * last checkpoint saved, for the divergence message.
 */
final class CheckpointKeeper {
  private static final String[] AVERAGE_NAMES = {"average.weights", "average.factor_b",
      "average.visible_bias", "average.hidden_bias", "average.conditional_weights"};

  /** Where a restored run continues. */
  record Position(int firstEpoch, int rowsDone, double reconSquaredError, long reconCount) {}

  private final RbmConfig config;
  private final CheckpointStore store;
  private final Map<String, String> fingerprint;
  private String lastGood;
  private long savedPosition = -1;

  CheckpointKeeper(RbmConfig config, CheckpointStore store, Map<String, String> fingerprint) {
    this.config = config;
    this.store = store;
    this.fingerprint = fingerprint;
  }

  /**
   * The data fingerprint of a run: counts and {@link Ratings#fingerprint()} of each part, and
   * the caller's facts as {@code run.KEY}.
   */
  static Map<String, String> fingerprint(Ratings training, Ratings implicit, Ratings validation,
      Map<String, String> runFacts) {
    Map<String, String> f = new LinkedHashMap<>();
    describe(f, "train", training);
    describe(f, "valid", validation);
    describe(f, "implicit", implicit);
    runFacts.forEach((k, v) -> f.put("run." + k, v));
    return f;
  }

  private static void describe(Map<String, String> f, String part, Ratings ratings) {
    f.put(part, ratings == null ? "none"
        : ratings.size() + " ratings, " + ratings.numUsers() + " users, " + ratings.numItems()
            + " items, scale " + ratings.scale().describe());
    f.put(part + ".hash", ratings == null ? "none" : Long.toHexString(ratings.fingerprint()));
  }

  /** Where the last checkpoint saved by this run (or resumed from) is, with its epoch; or null. */
  String lastGood() {
    return lastGood;
  }

  /** Whether there is anywhere to save. */
  boolean enabled() {
    return store != null;
  }

  /** The store's location, or null. */
  String location() {
    return store == null ? null : store.location();
  }

  /**
   * Saves the state after {@code epochsCompleted} epochs and {@code rowsDone} rows of the next
   * (whose reconstruction sums so far are given); does nothing without a store, or if this
   * run has just saved the same position.
   */
  void save(TrainingState state, int[] order, ParameterAverage average, int epochsCompleted,
      int rowsDone, double reconSquaredError, long reconCount) {
    long position = ((long) epochsCompleted << 32) | rowsDone;
    if (store == null || position == savedPosition) {
      return;
    }
    Map<String, Object> arrays = new LinkedHashMap<>();
    Map<String, long[]> shapes = new LinkedHashMap<>();
    Map<String, String> scalars = new LinkedHashMap<>();
    scalars.put("epochs_completed", Integer.toString(epochsCompleted));
    scalars.put("rows_done", Integer.toString(rowsDone));
    scalars.put("recon_sse", Double.toString(reconSquaredError));
    scalars.put("recon_count", Long.toString(reconCount));
    int count = average == null ? 0 : average.count();
    scalars.put("average.from", Integer.toString(count == 0 ? 0 : averageStart(config)));
    scalars.put("average.count", Integer.toString(count));
    state.snapshot(arrays, shapes, scalars);
    arrays.put("order", order);
    shapes.put("order", new long[] {order.length});
    if (count > 0) {
      double[][] sums = average.sums();
      for (int x = 0; x < sums.length; x++) {
        if (sums[x].length > 0) {
          arrays.put(AVERAGE_NAMES[x], sums[x]);
          shapes.put(AVERAGE_NAMES[x], new long[] {sums[x].length});
        }
      }
    }
    store.save(new TrainingCheckpoint(config, fingerprint, scalars, arrays, shapes));
    savedPosition = position;
    lastGood = store.location() + " (" + org.rbmrec.train.TrainingStoppedException.describe(
        epochsCompleted, rowsDone) + ")";
  }

  /**
   * Checks that {@code checkpoint} fits this run and overwrites the state, the row order and
   * the parameter sums with its own.
   *
   * @throws DataException naming what differs, or if the checkpoint is damaged
   */
  Position restore(TrainingCheckpoint checkpoint, TrainingState state, int[] order,
      ParameterAverage average) {
    checkpoint.checkResumable(config, fingerprint);
    int done = checkpoint.epochsCompleted();
    int rows = checkpoint.rowsDone();
    if (done < 0 || rows < 0 || rows >= Math.max(1, order.length)) {
      throw new DataException("checkpoint position epoch " + done + ", row " + rows
          + " is out of range");
    }
    state.restore(checkpoint);
    System.arraycopy(checkpoint.array("order", int[].class, order.length), 0, order, 0,
        order.length);
    if (average != null) {
      restoreAverage(checkpoint, average, done);
    }
    lastGood = location() == null ? null : location() + " ("
        + org.rbmrec.train.TrainingStoppedException.describe(done, rows) + ")";
    return new Position(done + 1, rows, checkpoint.doubleScalar("recon_sse"),
        checkpoint.longScalar("recon_count"));
  }

  /**
   * The sums fit the run if they cover exactly the epochs of its averaging window trained so
   * far; when the window starts after the checkpoint, they are not needed.
   */
  private void restoreAverage(TrainingCheckpoint checkpoint, ParameterAverage average, int done) {
    int start = averageStart(config);
    if (start > done) {
      return;
    }
    int from = checkpoint.intScalar("average.from");
    int count = checkpoint.intScalar("average.count");
    if (from != start || count != done - start + 1) {
      throw new DataException("cannot resume with epochs=" + config.epochs() + ": parameters"
          + " are averaged over the last " + config.averageEpochs() + " epochs, from epoch "
          + start + ", but the checkpoint has summed "
          + (count == 0 ? "none" : "epochs " + from + " to " + (from + count - 1))
          + "; use epochs=" + checkpoint.config().epochs() + " or at least epochs="
          + (done + config.averageEpochs()));
    }
    double[][] sums = average.sums();
    double[][] saved = new double[sums.length][];
    for (int x = 0; x < sums.length; x++) {
      saved[x] = sums[x].length == 0 ? sums[x]
          : checkpoint.array(AVERAGE_NAMES[x], double[].class, sums[x].length);
    }
    average.restore(saved, count);
  }

  /** The first epoch whose parameters are averaged (the trainer's rule). */
  static int averageStart(RbmConfig config) {
    return Math.max(1, config.epochs() - config.averageEpochs() + 1);
  }
}
