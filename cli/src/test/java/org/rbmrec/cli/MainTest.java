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
    return new CliServices((nameOrPath, dataDir, options, progress) -> {
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
  void shippedServicesLoadTheRealMl100kByNameFromTheDataFolder() throws Exception {
    CliRun r = CliRun.shipped("data", "info", "ml-100k", "--json", "-q", "--data-dir",
        System.getProperty("rbmrec.sharedData"));
    assertThat(r.status()).as(r.err()).isZero();
    var json = DataInfoCommandTest.singleJsonObject(r.out());
    assertThat(json.get("n_users").asInt()).isEqualTo(943);
    assertThat(json.get("n_items").asInt()).isEqualTo(1682);
    assertThat(json.get("n_ratings").asInt()).isEqualTo(100_000);
    assertThat(json.get("n_levels").asInt()).isEqualTo(5);
    assertThat(json.get("n_titles").asInt()).isEqualTo(1682);
  }

  @Test
  void shippedServicesReadAGenericRatingsFileByPath(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) throws Exception {
    java.nio.file.Path csv = dir.resolve("mine.csv");
    java.nio.file.Files.writeString(csv, "user;item;score\n1;10;0.5\n1;11;2.5\n2;10;5\n");
    CliRun r = CliRun.shipped("data", "info", csv.toString(), "--json");
    assertThat(r.status()).as(r.err()).isZero();
    var json = DataInfoCommandTest.singleJsonObject(r.out());
    assertThat(json.get("n_ratings").asInt()).isEqualTo(3);
    assertThat(json.get("n_levels").asInt()).isEqualTo(10);
  }

  @Test
  void aMissingPathIsAUserErrorThatSaysWhatWasLookedFor() {
    CliRun r = CliRun.shipped("data", "info", "/no/such/ratings.csv");
    assertThat(r.status()).isEqualTo(ExitCode.USER);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("/no/such/ratings.csv").contains("ml-100k");
  }

  @Test
  void aMalformedFileNamesTheFileAndLine(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) throws Exception {
    java.nio.file.Path csv = dir.resolve("bad.csv");
    java.nio.file.Files.writeString(csv, "1,10,4\n1,11,x\n");
    CliRun r = CliRun.shipped("data", "info", csv.toString());
    assertThat(r.status()).isEqualTo(ExitCode.USER);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("bad.csv:2").contains("1,11,x");
  }
}
