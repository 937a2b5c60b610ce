package org.rbmrec.model.rbm;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Runs independent tasks 0 … n-1 on a fixed number of threads: the caller and
 * {@code threads − 1} workers, which claim tasks one at a time from a shared counter. Tasks
 * must write only their own buffers; callers combine the buffers in task order afterwards, so
 * results never depend on the thread count or on which thread ran which task.
 *
 * <p>Training calls this three times per mini-batch, often for well under a millisecond of
 * work, so handing work over must be cheap: between calls the workers spin for a short while
 * ({@value #SPIN_NANOS} ns) before parking, and the caller works too instead of waiting. (A
 * {@code ForkJoinPool} took 40–80 µs per call to wake its threads on these machines, more than
 * the work of a small batch.) Not thread-safe: one thread calls {@link #run} at a time.
 */
final class ChunkRunner implements AutoCloseable {
  /** How long an idle worker spins for the next call before it parks. */
  private static final long SPIN_NANOS = 200_000;

  private final Thread[] workers;
  /** The call's generation (high 32 bits) and its next unclaimed task (low 32 bits). */
  private final AtomicLong claims = new AtomicLong();
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  /** The current call, published whole so that a worker never mixes two calls' fields. */
  private volatile Call current = new Call(0, null, 0);
  private volatile boolean closed;
  private volatile Thread caller;

  ChunkRunner(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
    }
    this.workers = new Thread[threads - 1];
    for (int t = 0; t < workers.length; t++) {
      workers[t] = new Thread(this::workLoop, "rbmrec-train-" + (t + 1));
      workers[t].setDaemon(true);
      workers[t].start();
    }
  }

  /** Calls {@code task.accept(i)} for every i in [0, n), in parallel when there are threads. */
  void run(int n, IntConsumer task) {
    if (workers.length == 0 || n <= 1) {
      for (int i = 0; i < n; i++) {
        task.accept(i);
      }
      return;
    }
    Call call = new Call(current.generation + 1, task, n);
    this.caller = Thread.currentThread();
    done.set(0);
    failure.set(null);
    claims.set((long) call.generation << 32);
    current = call; // publishes the call (and the resets above) to the workers
    for (Thread worker : workers) {
      LockSupport.unpark(worker);
    }
    work(call);
    long start = System.nanoTime();
    while (done.get() < n) {
      if (System.nanoTime() - start < SPIN_NANOS) {
        Thread.onSpinWait();
      } else {
        LockSupport.parkNanos(this, 50_000);
      }
    }
    Throwable t = failure.get();
    if (t instanceof RuntimeException re) {
      throw re;
    }
    if (t instanceof Error e) {
      throw e;
    }
  }

  /**
   * Claims and runs tasks of {@code call} until none is left. A claim names its call's
   * generation, so a worker that holds a finished call can never take a task of the next one.
   */
  private void work(Call call) {
    int n = call.size;
    while (true) {
      long c = claims.get();
      int i = (int) c;
      if ((int) (c >>> 32) != call.generation || i >= n) {
        return;
      }
      if (!claims.compareAndSet(c, c + 1)) {
        continue;
      }
      try {
        if (failure.get() == null) {
          call.task.accept(i);
        }
      } catch (RuntimeException | Error e) {
        failure.compareAndSet(null, e);
      } finally {
        if (done.incrementAndGet() == n) {
          LockSupport.unpark(caller);
        }
      }
    }
  }

  private void workLoop() {
    int seen = 0;
    while (!closed) {
      long idleSince = System.nanoTime();
      Call call = current;
      while (call.generation == seen && !closed) {
        if (System.nanoTime() - idleSince < SPIN_NANOS) {
          Thread.onSpinWait();
        } else {
          LockSupport.park(this);
        }
        call = current;
      }
      if (closed) {
        return;
      }
      seen = call.generation;
      work(call);
    }
  }

  /** One call of {@link #run}: its generation, task and number of tasks. */
  private record Call(int generation, IntConsumer task, int size) {}

  @Override
  public void close() {
    closed = true;
    for (Thread worker : workers) {
      LockSupport.unpark(worker);
    }
  }
}
