package org.rbmrec.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rbmrec.cli.hostile.CliOutcome.assertOneLineWithoutStackTrace;
import static org.rbmrec.cli.hostile.CliOutcome.assertUserError;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rbmrec.cli.CliRun;
import org.rbmrec.cli.ExitCode;

/**
 * A run folder is complete only once {@code train} has written everything: its completion
 * marker {@code complete.json} comes last and is removed when a new training starts there. A
 * failed or interrupted {@code train} therefore never leaves a folder that {@code evaluate} or
 * {@code recommend} accepts, even over an earlier finished run.
 */
class IncompleteRunFolderTest {
  @TempDir
  Path dir;

  private CliRun train(Path run, String... more) {
    String[] args = new String[] {"train", "tiny", "--model", "bias", "--split", "random:0.3",
        "--valid", "0", "-q", "--out", run.toString()};
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return CliRun.run(all);
  }

  private static void assertRefused(Path run) {
    for (String[] args : new String[][] {{"evaluate", run.toString(), "-q"},
        {"recommend", run.toString(), "--user", "7", "-q"}}) {
      CliRun r = CliRun.run(args);
      assertUserError(r);
      assertThat(r.err()).as(args[0]).contains(run + " holds an unfinished run");
    }
  }

  @Test
  void aFinishedTrainWritesTheMarkerLastAndItsRunIsAccepted() {
    Path run = dir.resolve("run");
    CliRun trained = train(run);
    assertThat(trained.status()).as(trained.err()).isZero();
    assertThat(run.resolve("complete.json")).isRegularFile();
    assertThat(CliRun.run("evaluate", run.toString(), "-q").status()).isZero();
  }

  @Test
  void aTrainThatFailsAfterSavingTheModelLeavesARunThatIsRefused() throws Exception {
    Path run = dir.resolve("run");
    assertThat(train(run).status()).isZero();
    // The second training fails when writing result.json, after run.json and the model.
    Files.delete(run.resolve("result.json"));
    Files.createDirectories(run.resolve("result.json").resolve("in-the-way"));
    CliRun failed = train(run, "--seed", "2");
    assertThat(failed.status()).isNotEqualTo(ExitCode.OK);
    assertOneLineWithoutStackTrace(failed);
    assertThat(run.resolve("model.safetensors")).isRegularFile();
    assertThat(run.resolve("complete.json")).doesNotExist();
    assertRefused(run);
  }

  @Test
  void aRunFolderWithoutItsMarkerIsRefused() throws Exception {
    Path run = dir.resolve("run");
    assertThat(train(run).status()).isZero();
    Files.delete(run.resolve("complete.json")); // as after a crash before the end
    assertRefused(run);
  }

  @Test
  void aBadCutOffFailsBeforeTrainingAndWritesNothing() {
    Path run = dir.resolve("run");
    CliRun r = train(run, "-k", "0");
    assertUserError(r);
    assertThat(r.err()).contains("k must be in [1, ");
    assertThat(run).doesNotExist();
  }
}
