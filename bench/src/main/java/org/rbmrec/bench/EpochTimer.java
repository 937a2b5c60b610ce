package org.rbmrec.bench;

import java.util.Arrays;
import org.rbmrec.data.Ratings;
import org.rbmrec.model.baseline.GlobalMean;
import org.rbmrec.model.rbm.RbmConfig;
import org.rbmrec.model.rbm.RbmModel;
import org.rbmrec.model.rbm.RbmTrainer;
import org.rbmrec.progress.Progress;

/**
 * Trains an RBM and keeps the wall time of each epoch as the trainer reports it (from the
 * epoch's shuffle to its last mini-batch update and the flush of lazily updated rows; with
 * {@code monitorRows = 0} and no validation set, nothing else). Setting up the parameters (the
 * N(0, σ²) draw of W) is outside the epochs and not counted.
 */
final class EpochTimer {
  /**
   * One timed training.
   *
   * @param model the trained model
   * @param epochSeconds wall seconds of each epoch, in order
   */
  record Timed(RbmModel model, double[] epochSeconds) {
    /** The median of the epoch times (the mean of the middle two for an even count). */
    double medianSeconds() {
      return median(epochSeconds);
    }
  }

  private EpochTimer() {}

  /**
   * Trains {@code config} on {@code training} ({@code implicit} feeds the conditional RBM, may
   * be null) {@code repeat} times and returns the last model with every epoch's time.
   */
  static Timed time(Ratings training, Ratings implicit, RbmConfig config, int repeat,
      Progress progress) {
    if (repeat < 1) {
      throw new IllegalArgumentException("repeat must be ≥ 1, got " + repeat);
    }
    double[] seconds = new double[repeat * config.epochs()];
    int[] next = {0};
    RbmModel model = null;
    GlobalMean fallback = GlobalMean.fit(training);
    for (int r = 0; r < repeat; r++) {
      model = new RbmTrainer(config).train(training, implicit, null, fallback,
          report -> seconds[next[0]++] = report.seconds(), progress);
    }
    return new Timed(model, seconds);
  }

  /** The median of {@code values} (not modified); NaN when empty. */
  static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int m = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
  }
}
