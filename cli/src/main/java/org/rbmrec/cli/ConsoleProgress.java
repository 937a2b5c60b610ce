package org.rbmrec.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.rbmrec.progress.Progress;

/**
 * A live progress bar on a terminal's stderr, drawn by the me.tongfei progressbar library and
 * redrawn in place with carriage returns. It writes only to the writer given (stderr), never to
 * stdout. {@link #advance(long)} is thread-safe; {@link #start} and {@link #finish} are called
 * by the thread that owns the task.
 *
 * <p>Use {@link #forStderr} to pick the right kind of progress: this bar when stderr is a
 * terminal, {@link PlainProgress} (occasional plain lines) when it goes to a file or a pipe, and
 * nothing with {@code --quiet}.
 */
public final class ConsoleProgress implements Progress {
  private static final int DEFAULT_WIDTH = 100;
  private static final int UPDATE_MILLIS = 250;

  private final PrintWriter err;
  private final int width;
  private volatile ProgressBar bar;
  private int lastLength; // guarded by err

  /**
   * @param err where the bar is drawn (stderr)
   * @param width the widest line the bar may draw, in characters (≥ 20)
   */
  public ConsoleProgress(PrintWriter err, int width) {
    this.err = Objects.requireNonNull(err, "err");
    if (width < 20) {
      throw new IllegalArgumentException("progress bar width must be ≥ 20, got " + width);
    }
    this.width = width;
  }

  /**
   * Progress for a command's stderr: nothing when {@code quiet}; a live bar when stderr is a
   * terminal (see {@link #stderrIsTerminal()}); otherwise a plain line at most every 10 seconds,
   * so that logs stay short.
   */
  public static Progress forStderr(PrintWriter err, boolean quiet) {
    if (quiet) {
      return Progress.NONE;
    }
    if (stderrIsTerminal()) {
      return new ConsoleProgress(err, terminalWidth());
    }
    return new PlainProgress(err, PlainProgress.DEFAULT_INTERVAL_NANOS, System::nanoTime);
  }

  /**
   * Whether the process's stderr is an interactive terminal. On Linux this reads where
   * {@code /proc/self/fd/2} points (a {@code /dev/pts/N} or {@code /dev/ttyN} device); elsewhere
   * it falls back to {@code System.console() != null}, which in Java 17 asks about stdin and
   * stdout instead. {@code TERM=dumb} always counts as no terminal.
   */
  public static boolean stderrIsTerminal() {
    if ("dumb".equals(System.getenv("TERM"))) {
      return false;
    }
    Path fd2 = Path.of("/proc/self/fd/2");
    if (Files.isSymbolicLink(fd2)) {
      try {
        String target = Files.readSymbolicLink(fd2).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      } catch (IOException | SecurityException | UnsupportedOperationException e) {
        return System.console() != null;
      }
    }
    return System.console() != null;
  }

  private static int terminalWidth() {
    String columns = System.getenv("COLUMNS");
    if (columns != null) {
      try {
        return Math.max(20, Integer.parseInt(columns.trim()) - 1);
      } catch (NumberFormatException e) {
        return DEFAULT_WIDTH;
      }
    }
    return DEFAULT_WIDTH;
  }

  @Override
  public synchronized void start(String task, long total, String unit) {
    finish();
    ProgressBarBuilder builder = new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(total < 0 ? -1 : total)
        .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
        .setUpdateIntervalMillis(UPDATE_MILLIS)
        .setConsumer(new DelegatingProgressBarConsumer(this::draw, width));
    if ("B".equals(unit)) {
      builder.setUnit(" MB", 1_000_000).showSpeed();
    } else if (unit != null && !unit.isEmpty()) {
      builder.setUnit(" " + unit, 1);
    }
    bar = builder.build();
  }

  private void draw(String rendered) {
    synchronized (err) {
      err.print('\r');
      err.print(rendered);
      // Blank out what is left of a longer previous line.
      int shorter = lastLength - rendered.length();
      if (shorter > 0) {
        err.print(" ".repeat(shorter));
      }
      lastLength = rendered.length();
      err.flush();
    }
  }

  @Override
  public void advance(long steps) {
    ProgressBar current = bar;
    if (current != null) {
      current.stepBy(steps);
    }
  }

  @Override
  public synchronized void finish() {
    ProgressBar current = bar;
    if (current != null) {
      bar = null;
      current.close();
      synchronized (err) {
        err.println();
        err.flush();
        lastLength = 0;
      }
    }
  }
}
