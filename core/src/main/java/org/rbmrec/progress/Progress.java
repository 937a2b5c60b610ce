package org.rbmrec.progress;

/**
 * Receives progress of one long task at a time. Implementations must be thread-safe in
 * {@link #advance(long)}, which worker threads may call concurrently.
 */
public interface Progress {
  /** Progress that goes nowhere. */
  Progress NONE = new Progress() {
    @Override
    public void start(String task, long total, String unit) {}

    @Override
    public void advance(long steps) {}

    @Override
    public void finish() {}
  };

  /**
   * Starts a task.
   *
   * @param task a short label such as "parsing ratings.csv"
   * @param total the number of steps, or -1 when unknown
   * @param unit what a step is, such as "B" for bytes or "epoch"
   */
  void start(String task, long total, String unit);

  /** Records that {@code steps} more steps are done. */
  void advance(long steps);

  /** Ends the current task. */
  void finish();
}
