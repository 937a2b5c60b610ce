package org.rbmrec.train;

/**
 * Training stopped because a {@link StopRequest} asked it to, after writing a checkpoint from
 * which it can continue exactly.
 */
public final class TrainingStoppedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int epochsCompleted;
  private final int rowsDone;
  private final String checkpoint;

  /**
   * @param epochsCompleted epochs fully trained
   * @param rowsDone rows of epoch {@code epochsCompleted + 1} already trained (0 at an epoch
   *     boundary)
   * @param checkpoint where the checkpoint was written, or null if training had nowhere to
   *     write one
   */
  public TrainingStoppedException(int epochsCompleted, int rowsDone, String checkpoint) {
    super("training stopped after " + describe(epochsCompleted, rowsDone)
        + (checkpoint == null ? " (no checkpoint was written)"
            : "; checkpoint written to " + checkpoint));
    this.epochsCompleted = epochsCompleted;
    this.rowsDone = rowsDone;
    this.checkpoint = checkpoint;
  }

  /** "epoch 3" or "epoch 3 and 120 rows of epoch 4". */
  public static String describe(int epochsCompleted, int rowsDone) {
    return rowsDone == 0 ? "epoch " + epochsCompleted
        : "epoch " + epochsCompleted + " and " + rowsDone + " rows of epoch "
            + (epochsCompleted + 1);
  }

  /** Epochs fully trained. */
  public int epochsCompleted() {
    return epochsCompleted;
  }

  /** Rows of the next epoch already trained; 0 at an epoch boundary. */
  public int rowsDone() {
    return rowsDone;
  }

  /** Where the checkpoint was written, or null. */
  public String checkpoint() {
    return checkpoint;
  }
}
