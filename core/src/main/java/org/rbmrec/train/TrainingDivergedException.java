package org.rbmrec.train;

import org.rbmrec.data.DataException;

/**
 * Training produced NaN or infinite parameters or metrics. A user-facing problem (the
 * hyperparameters, almost always a learning rate too high), so a {@link DataException}: the
 * command line prints its one-line message and exits with status 2. The diverged state is never
 * written over the last good checkpoint.
 */
public final class TrainingDivergedException extends DataException {
  private static final long serialVersionUID = 1L;

  private final int epoch;
  private final String lastGoodCheckpoint;

  /**
   * @param message the whole one-line message, naming the epoch, the likely cause and the last
   *     good checkpoint
   * @param epoch the 1-based epoch in which training diverged
   * @param lastGoodCheckpoint where the last good checkpoint is, or null if none was written
   */
  public TrainingDivergedException(String message, int epoch, String lastGoodCheckpoint) {
    super(message);
    this.epoch = epoch;
    this.lastGoodCheckpoint = lastGoodCheckpoint;
  }

  /** The 1-based epoch in which training diverged. */
  public int epoch() {
    return epoch;
  }

  /** Where the last good checkpoint is, or null if none was written. */
  public String lastGoodCheckpoint() {
    return lastGoodCheckpoint;
  }
}
