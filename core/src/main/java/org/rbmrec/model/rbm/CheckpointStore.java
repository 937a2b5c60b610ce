package org.rbmrec.model.rbm;

/**
 * Where training keeps its checkpoint: {@link #save} replaces the previous one atomically, so a
 * failure while saving leaves the previous checkpoint intact.
 * {@code org.rbmrec.model.io.CheckpointFiles#store} keeps it in a file.
 */
public interface CheckpointStore {
  /**
   * Replaces the stored checkpoint with {@code checkpoint}, which refers to live training
   * arrays: write it before returning.
   */
  void save(TrainingCheckpoint checkpoint);

  /** Where the checkpoint is, for messages (for example its path). */
  String location();
}
