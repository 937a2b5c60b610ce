package org.rbmrec.model.rbm;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.function.IntConsumer;

/**
 * Runs independent tasks 0 … n-1 on a fixed number of threads. Tasks must write only their own
 * buffers; callers combine the buffers in task order afterwards, so results never depend on the
 * thread count.
 */
final class ChunkRunner implements AutoCloseable {
  private final ForkJoinPool pool;

  ChunkRunner(int threads) {
    this.pool = threads > 1 ? new ForkJoinPool(threads) : null;
  }

  /** Calls {@code task.accept(i)} for every i in [0, n), in parallel when there are threads. */
  void run(int n, IntConsumer task) {
    if (pool == null || n <= 1) {
      for (int i = 0; i < n; i++) {
        task.accept(i);
      }
      return;
    }
    pool.invoke(new Range(task, 0, n));
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdown();
    }
  }

  private static final class Range extends RecursiveAction {
    private static final long serialVersionUID = 1L;
    private final transient IntConsumer task;
    private final int from;
    private final int to;

    Range(IntConsumer task, int from, int to) {
      this.task = task;
      this.from = from;
      this.to = to;
    }

    @Override
    protected void compute() {
      if (to - from == 1) {
        task.accept(from);
        return;
      }
      int mid = (from + to) >>> 1;
      invokeAll(new Range(task, from, mid), new Range(task, mid, to));
    }
  }
}
