package org.rbmrec.bench.librec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One peer library's model trained on one fold and scored on its test ratings.
 *
 * @param library the peer, e.g. "LibRec 2.0.0"
 * @param model the peer's model class, e.g. "BiasedMFRecommender"
 * @param fold the split, e.g. "u1"
 * @param rmse root mean squared error on the test ratings, in stars
 * @param mae mean absolute error on the test ratings, in stars
 * @param fitSeconds wall-clock seconds of training alone (no data loading, no prediction)
 * @param epochSeconds {@code fitSeconds / epochs}
 * @param epochs epochs run
 * @param hyperparameters the peer's configuration keys and values used, in order; unmodifiable
 * @param note what else a reader must know: prediction sanity ("ok" or "DEGENERATE ..." with
 *     figures), disagreements with the peer's own evaluators, seeding caveats
 */
public record PeerResult(
    String library,
    String model,
    String fold,
    double rmse,
    double mae,
    double fitSeconds,
    double epochSeconds,
    int epochs,
    Map<String, String> hyperparameters,
    String note) {

  public PeerResult {
    Objects.requireNonNull(library, "library");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(fold, "fold");
    Objects.requireNonNull(note, "note");
    hyperparameters = Collections.unmodifiableMap(new LinkedHashMap<>(hyperparameters));
    if (epochs < 0) {
      throw new IllegalArgumentException("epochs must be >= 0, got " + epochs);
    }
  }
}
