package org.rbmrec.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.rbmrec.cli.CliRun;
import org.rbmrec.cli.ExitCode;

/** Test helper: what every failed command line must look like, and JSON output read back. */
final class CliOutcome {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CliOutcome() {}

  /**
   * A user error: exit 2, exactly one line on stderr, {@code rbmrec: error: …}, no stack trace,
   * nothing on stdout.
   */
  static void assertUserError(CliRun r) {
    assertThat(r.status()).as("status; stderr: %s", r.err()).isEqualTo(ExitCode.USER);
    assertOneLineWithoutStackTrace(r);
    assertThat(r.err()).startsWith("rbmrec: error: ");
    assertThat(r.out()).isEmpty();
  }

  /** Success, or a user error as in {@link #assertUserError}: never an internal error. */
  static void assertOkOrUserError(CliRun r) {
    if (r.status() != ExitCode.OK) {
      assertUserError(r);
    }
  }

  static void assertOneLineWithoutStackTrace(CliRun r) {
    assertThat(r.errLines()).as(r.err()).hasSize(1);
    assertThat(r.err()).doesNotContain("\tat ", "at org.");
  }

  /** The one JSON object on stdout. */
  static JsonNode json(CliRun r) {
    assertThat(r.out().strip()).startsWith("{").endsWith("}");
    try {
      return MAPPER.readTree(r.out());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
