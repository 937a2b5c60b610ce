package org.rbmrec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.rbmrec.progress.Progress;

class ProgressTest {
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  @Test
  void consoleBarDrawsOnStderrAndNothingOnStdout() throws Exception {
    PrintStream realOut = System.out;
    ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    try {
      System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
      ConsoleProgress progress = new ConsoleProgress(new PrintWriter(err), 80);
      progress.start("parsing ratings", 1000, "ratings");
      ExecutorService pool = Executors.newFixedThreadPool(2);
      for (int t = 0; t < 2; t++) {
        pool.submit(() -> {
          for (int i = 0; i < 500; i++) {
            progress.advance(1);
          }
        });
      }
      pool.shutdown();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
      progress.finish();
    } finally {
      System.setOut(realOut);
    }
    assertThat(capturedOut.size()).isZero();
    assertThat(err.toString()).contains("parsing ratings").contains("1000/1000");
  }

  @Test
  void plainProgressIsSilentForShortTasks() {
    StringWriter err = new StringWriter();
    AtomicLong now = new AtomicLong();
    Progress p = new PlainProgress(new PrintWriter(err), 10 * SECOND, now::get);
    p.start("loading", 100, "ratings");
    now.set(3 * SECOND);
    p.advance(100);
    p.finish();
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void plainProgressPrintsAtMostOneLinePerIntervalAndADoneLine() {
    StringWriter err = new StringWriter();
    AtomicLong now = new AtomicLong();
    Progress p = new PlainProgress(new PrintWriter(err), 10 * SECOND, now::get);
    p.start("loading", 100, "ratings");
    for (int i = 1; i <= 100; i++) {
      now.set(i * SECOND / 2); // 50 s in total: due at 10, 20, 30, 40, 50 s
      p.advance(1);
    }
    p.finish();
    String[] lines = err.toString().split("\\R");
    assertThat(lines).hasSize(6);
    assertThat(lines[0]).isEqualTo("rbmrec: loading: 20% (20/100 ratings) after 10 s");
    assertThat(lines[5]).isEqualTo("rbmrec: loading: done, 100 ratings in 50 s");
  }

  @Test
  void plainProgressWithUnknownTotalPrintsTheCount() {
    StringWriter err = new StringWriter();
    AtomicLong now = new AtomicLong();
    Progress p = new PlainProgress(new PrintWriter(err), SECOND, now::get);
    p.start("reading", -1, "B");
    now.set(2 * SECOND);
    p.advance(12_345);
    assertThat(err.toString()).isEqualTo("rbmrec: reading: 12,345 B after 2 s"
        + System.lineSeparator());
  }

  @Test
  void quietProgressIsNone() {
    assertThat(ConsoleProgress.forStderr(new PrintWriter(new StringWriter()), true))
        .isSameAs(Progress.NONE);
  }

  @Test
  void withoutATerminalProgressIsPlainLines() {
    assumeTrue(!ConsoleProgress.stderrIsTerminal(), "the test JVM's stderr is no terminal");
    assertThat(ConsoleProgress.forStderr(new PrintWriter(new StringWriter()), false))
        .isInstanceOf(PlainProgress.class);
  }
}
