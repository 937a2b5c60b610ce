package org.rbmrec.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one training epoch measured.
 *
 * @param epoch 1-based epoch number
 * @param seconds wall-clock seconds the epoch took
 * @param metrics named values in insertion order, for example {@code train_rmse},
 *     {@code valid_rmse}, {@code recon_error}, {@code free_energy_gap}; keys are snake_case
 */
public record EpochReport(int epoch, double seconds, Map<String, Double> metrics) {
  public EpochReport {
    if (epoch < 1) {
      throw new IllegalArgumentException("epoch must be ≥ 1, got " + epoch);
    }
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  /** The metric {@code name}, or NaN if it was not measured. */
  public double metric(String name) {
    Double value = metrics.get(name);
    return value == null ? Double.NaN : value;
  }
}
