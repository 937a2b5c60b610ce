package org.rbmrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;
import org.rbmrec.data.DataException;
import org.rbmrec.data.MalformedDataException;
import org.rbmrec.data.RatingScale;

class MainTest {
  private static CliServices failingWith(RuntimeException e) {
    return new CliServices((nameOrPath, dataDir, progress) -> {
      throw e;
    });
  }

  @Test
  void helpListsTheCommandsAndTheExitCodes() {
    CliRun r = CliRun.run("--help");
    assertThat(r.status()).isZero();
    assertThat(r.out()).contains("data", "plot", "Exit codes:", "130", "user error");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void subcommandHelpAlsoListsTheExitCodesAndCommonOptions() {
    CliRun r = CliRun.run("data", "info", "--help");
    assertThat(r.status()).isZero();
    assertThat(r.out()).contains("Exit codes:", "--json", "--seed", "--data-dir", "--threads",
        "--debug");
  }

  @Test
  void versionPrintsTheProjectVersion() {
    CliRun r = CliRun.run("--version");
    assertThat(r.status()).isZero();
    assertThat(r.out()).startsWith("rbmrec ").doesNotContain("unknown").doesNotContain("${");
  }

  @Test
  void unknownOptionIsOneLineUserErrorWithoutStackTrace() {
    CliRun r = CliRun.run("data", "info", "--bogus", "ml-100k");
    assertThat(r.status()).isEqualTo(ExitCode.USER);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).startsWith("rbmrec: error: Unknown option: '--bogus'")
        .contains("rbmrec data info --help").doesNotContain("\tat ");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void mistypedCommandSuggestsTheNearestOne() {
    CliRun r = CliRun.run("plto");
    assertThat(r.status()).isEqualTo(ExitCode.USER);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("'plto'", "did you mean plot?");
  }

  @Test
  void missingSubcommandIsAUserError() {
    CliRun r = CliRun.run("data");
    assertThat(r.status()).isEqualTo(ExitCode.USER);
    assertThat(r.errLines()).hasSize(1);
  }

  @Test
  void threadsBelowOneIsAUserErrorNamingTheOption() {
    CliRun r = CliRun.run("data", "info", "--threads", "0", "x");
    assertThat(r.status()).isEqualTo(ExitCode.USER);
    assertThat(r.err()).contains("--threads must be ≥ 1, got 0");
  }

  @Test
  void dataExceptionIsOneLineUserError() {
    CliRun r = CliRun.run(failingWith(new MalformedDataException("ratings.csv", 17,
        "expected a numeric rating, found \"x\"", "3,4,x")), "data", "info", "ratings.csv");
    assertThat(r.status()).isEqualTo(ExitCode.USER);
    assertThat(r.errLines()).containsExactly(
        "rbmrec: error: ratings.csv:17: expected a numeric rating, found \"x\" in line \"3,4,x\"");
  }

  @Test
  void multiLineMessagesAreFoldedIntoOneLine() {
    CliRun r = CliRun.run(failingWith(new DataException("first part\n  second part")),
        "data", "info", "x");
    assertThat(r.errLines()).containsExactly("rbmrec: error: first part second part");
  }

  @Test
  void configValidationIllegalArgumentIsAUserError() {
    CliRun r = CliRun.run(failingWith(new IllegalArgumentException("unused")), "data", "info",
        "x");
    assertThat(r.status()).isEqualTo(ExitCode.USER);
    IllegalArgumentException fromConfig = null;
    try {
      new RatingScale(1, 5, -1);
    } catch (IllegalArgumentException e) {
      fromConfig = e;
    }
    CliRun config = CliRun.run(failingWith(fromConfig), "data", "info", "x");
    assertThat(config.status()).isEqualTo(ExitCode.USER);
    assertThat(config.errLines()).containsExactly(
        "rbmrec: error: rating scale step must be > 0, got -1.0");
  }

  @Test
  void missingFileIsAUserErrorNamingTheFile() {
    CliRun r = CliRun.run(failingWith(new UncheckedIOException(
        new NoSuchFileException("/data/missing.csv"))), "data", "info", "x");
    assertThat(r.status()).isEqualTo(ExitCode.USER);
    assertThat(r.errLines()).containsExactly(
        "rbmrec: error: /data/missing.csv: no such file or directory");
  }

  @Test
  void unexpectedExceptionIsOneLineInternalError() {
    CliRun r = CliRun.run(failingWith(new IllegalStateException("boom")), "data", "info", "x");
    assertThat(r.status()).isEqualTo(ExitCode.INTERNAL);
    assertThat(r.errLines()).containsExactly("rbmrec: internal error:"
        + " java.lang.IllegalStateException: boom (run with --debug for the stack trace)");
  }

  @Test
  void debugAddsTheStackTraceAfterTheLine() {
    CliRun r = CliRun.run(failingWith(new IllegalStateException("boom")), "data", "info",
        "--debug", "x");
    assertThat(r.status()).isEqualTo(ExitCode.INTERNAL);
    assertThat(r.errLines()[0]).startsWith("rbmrec: internal error:");
    assertThat(r.err()).contains("\tat org.rbmrec.cli.");
  }

  @Test
  void debugIsAcceptedBeforeTheSubcommandToo() {
    CliRun r = CliRun.run(failingWith(new IllegalStateException("boom")), "--debug", "data",
        "info", "x");
    assertThat(r.err()).contains("\tat ");
  }

  @Test
  void interruptionExitsWith130() {
    CliRun r = CliRun.run(failingWith(new UncheckedIOException(
        new ClosedByInterruptException())), "data", "info", "x");
    assertThat(r.status()).isEqualTo(ExitCode.INTERRUPTED);
    assertThat(r.errLines()).containsExactly("rbmrec: interrupted");
  }

  @Test
  void shippedServicesSayLoadingIsNotBuiltInAsAnInternalError() {
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    int status = Main.run(new String[] {"data", "info", "ml-100k"},
        new java.io.PrintWriter(out), new java.io.PrintWriter(err));
    assertThat(status).isEqualTo(ExitCode.INTERNAL);
    assertThat(err.toString()).contains("not built into");
  }
}
