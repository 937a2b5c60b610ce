package org.rbmrec.model.rbm;

import java.util.Map;
import java.util.function.BooleanSupplier;
import org.rbmrec.train.StopRequest;

/**
 * How a training run is checkpointed, resumed and stopped.
 *
 * @param checkpoints where to save a checkpoint at the end of every epoch and when stopped, or
 *     null for none
 * @param resumeFrom a checkpoint to continue from, or null to start afresh; it must match the
 *     data and every hyperparameter but epochs and threads
 * @param stop polled at every mini-batch boundary: when it answers true, training saves a
 *     checkpoint and stops; usually a {@link StopRequest}; null for never
 * @param runFacts facts about the run that must not change on resume (for example the split),
 *     added to the data fingerprint as {@code run.KEY}
 */
public record TrainingControl(
    CheckpointStore checkpoints, TrainingCheckpoint resumeFrom, BooleanSupplier stop,
    Map<String, String> runFacts) {
  public TrainingControl {
    runFacts = runFacts == null ? Map.of()
        : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(runFacts));
  }

  /** No checkpoints, no resume, no stop. */
  public static TrainingControl none() {
    return new TrainingControl(null, null, null, Map.of());
  }

  /** Whether a stop has been requested. */
  boolean stopRequested() {
    return stop != null && stop.getAsBoolean();
  }
}
