package org.rbmrec.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One of rbmrec's models trained on one fold and scored on its test ratings.
 *
 * @param model rbmrec's model name, e.g. "rbm" or "rbm-item"
 * @param fold the split, e.g. "u1"
 * @param rmse root mean squared error on the test ratings, in stars
 * @param mae mean absolute error on the test ratings, in stars
 * @param fitSeconds wall-clock seconds of training alone (no data loading, no prediction)
 * @param epochs epochs run, as counted by the training's epoch listener, ≥ 1
 * @param hyperparameters the model's complete configuration, in order; unmodifiable
 * @param epochSecondsByCdSteps for an RBM, the mean wall-clock seconds of its epochs grouped by
 *     the number of Gibbs steps k of CD-k they ran (from each epoch's report, which also times
 *     the epoch's training-RMSE monitor), in increasing k; empty for other models; unmodifiable
 */
public record OwnResult(
    String model,
    String fold,
    double rmse,
    double mae,
    double fitSeconds,
    int epochs,
    Map<String, String> hyperparameters,
    Map<Integer, Double> epochSecondsByCdSteps) {

  public OwnResult {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(fold, "fold");
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
    }
    if (!(fitSeconds >= 0)) {
      throw new IllegalArgumentException("fitSeconds must be >= 0, got " + fitSeconds);
    }
    hyperparameters = Collections.unmodifiableMap(new LinkedHashMap<>(hyperparameters));
    epochSecondsByCdSteps = Collections.unmodifiableMap(new TreeMap<>(epochSecondsByCdSteps));
  }

  /** {@code fitSeconds / epochs}: seconds per epoch, as LibRec's are measured. */
  public double epochSeconds() {
    return fitSeconds / epochs;
  }
}
