package org.rbmrec.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.rbmrec.progress.Progress;

/**
 * Progress as occasional plain lines, for stderr that goes to a log file or a pipe, where a
 * redrawn bar would fill the log with carriage returns. A task prints nothing at first, then one
 * line such as {@code rbmrec: parsing ratings.csv: 45% (45,000,000/100,000,000 B) after 10 s}
 * at most once per interval, and a final {@code … done} line only if it printed before; short
 * tasks stay silent.
 *
 * <p>{@link #advance(long)} is thread-safe and lock-free except when a line is due.
 */
public final class PlainProgress implements Progress {
  /** Ten seconds, the default time between lines. */
  public static final long DEFAULT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final PrintWriter err;
  private final long intervalNanos;
  private final LongSupplier clock;
  private volatile Task task;

  /**
   * @param err where lines go (stderr)
   * @param intervalNanos the least time between two lines of one task, in nanoseconds (≥ 0)
   * @param clock a monotonic clock in nanoseconds, {@code System::nanoTime} outside tests
   */
  public PlainProgress(PrintWriter err, long intervalNanos, LongSupplier clock) {
    this.err = Objects.requireNonNull(err, "err");
    if (intervalNanos < 0) {
      throw new IllegalArgumentException(
          "progress interval must be ≥ 0 ns, got " + intervalNanos);
    }
    this.intervalNanos = intervalNanos;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void start(String name, long total, String unit) {
    finish();
    long now = clock.getAsLong();
    task = new Task(name, total, unit == null ? "" : unit, now, now + intervalNanos);
  }

  @Override
  public void advance(long steps) {
    Task t = task;
    if (t == null) {
      return;
    }
    long done = t.done.addAndGet(steps);
    long now = clock.getAsLong();
    long due = t.nextLineAt.get();
    if (now - due >= 0 && t.nextLineAt.compareAndSet(due, now + intervalNanos)) {
      print(t, done, now, false);
    }
  }

  @Override
  public void finish() {
    Task t = task;
    task = null;
    if (t != null && t.printed) {
      print(t, t.done.get(), clock.getAsLong(), true);
    }
  }

  private void print(Task t, long done, long now, boolean finished) {
    StringBuilder line = new StringBuilder("rbmrec: ").append(t.name).append(": ");
    if (finished) {
      line.append("done, ").append(amount(done, t.unit));
    } else if (t.total > 0) {
      line.append(String.format(Locale.ROOT, "%.0f%% (", 100.0 * done / t.total))
          .append(count(done)).append('/').append(amount(t.total, t.unit)).append(')');
    } else {
      line.append(amount(done, t.unit));
    }
    long seconds = TimeUnit.NANOSECONDS.toSeconds(now - t.startedAt);
    line.append(finished ? " in " : " after ").append(seconds).append(" s");
    synchronized (err) {
      err.println(line);
      err.flush();
    }
    t.printed = true;
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String amount(long n, String unit) {
    return unit.isEmpty() ? count(n) : count(n) + " " + unit;
  }

  private static final class Task {
    final String name;
    final long total;
    final String unit;
    final long startedAt;
    final AtomicLong done = new AtomicLong();
    final AtomicLong nextLineAt;
    volatile boolean printed;

    Task(String name, long total, String unit, long startedAt, long firstLineAt) {
      this.name = name;
      this.total = total;
      this.unit = unit;
      this.startedAt = startedAt;
      this.nextLineAt = new AtomicLong(firstLineAt);
    }
  }
}
