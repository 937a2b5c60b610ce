package org.rbmrec.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.rbmrec.train.StopRequest;

/**
 * Turns SIGINT and SIGTERM during training into a {@link StopRequest}: a JVM shutdown hook asks
 * training to stop at its next mini-batch boundary, then waits (at most {@code maxWait}) until
 * the command has saved its checkpoint and printed its message ({@link #close()}), so the JVM
 * does not exit in the middle. The JVM's exit status is then the signal's: 130 for SIGINT, 143
 * for SIGTERM. Install it only around the work that honours the request.
 */
final class StopOnSignal implements AutoCloseable {
  /** How long the hook waits for the checkpoint by default. */
  static final Duration DEFAULT_WAIT = Duration.ofMinutes(2);

  private final StopRequest stop = new StopRequest();
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Duration maxWait;
  private final Thread hook;

  private StopOnSignal(Duration maxWait) {
    this.maxWait = maxWait;
    this.hook = new Thread(this::onShutdown, "rbmrec-stop-training");
  }

  /** Registers the shutdown hook. */
  static StopOnSignal install(Duration maxWait) {
    StopOnSignal signal = new StopOnSignal(maxWait);
    Runtime.getRuntime().addShutdownHook(signal.hook);
    return signal;
  }

  /** The request the hook sets; pass it to training. */
  StopRequest request() {
    return stop;
  }

  /**
   * What the hook does: requests the stop, then waits until {@link #close()} or {@code maxWait}.
   *
   * @return whether the command finished within the wait
   */
  boolean onShutdown() {
    stop.request();
    try {
      return finished.await(maxWait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * The command is done with training (stopped, finished or failed) and has printed what it
   * had to: releases a waiting hook and unregisters it.
   */
  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running (or has run): it returns now that the latch is open.
    }
  }
}
