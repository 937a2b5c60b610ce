package org.rbmrec.train;

import java.util.function.BooleanSupplier;

/**
 * A request, from any thread, that training stop at its next safe point (for the RBM: the next
 * mini-batch boundary), write a checkpoint and throw {@link TrainingStoppedException}. The
 * command line's shutdown hook sets it on SIGINT or SIGTERM; tests and embedding code call
 * {@link #request()} directly. Once requested it stays requested.
 */
public final class StopRequest implements BooleanSupplier {
  private volatile boolean requested;

  /** Asks training to stop at its next safe point; safe to call from any thread, repeatedly. */
  public void request() {
    requested = true;
  }

  /** Whether {@link #request()} has been called. */
  public boolean isRequested() {
    return requested;
  }

  /** The same as {@link #isRequested()}. */
  @Override
  public boolean getAsBoolean() {
    return requested;
  }
}
