package org.rbmrec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rbmrec.model.io.CheckpointFiles;
import org.rbmrec.model.rbm.TrainingCheckpoint;

/**
 * A real {@code rbmrec train} process sent SIGTERM mid-training saves its checkpoint, prints one
 * line naming {@code --resume RUN_DIR} and exits with the signal's status; the same command with
 * {@code --resume} then finishes the run.
 */
class TrainSignalTest {
  @TempDir
  Path dir;

  @Test
  void sigtermSavesACheckpointAndTheRunResumesFromIt() throws Exception {
    assumeTrue(File.separatorChar == '/', "POSIX signals");
    Path ratings = dir.resolve("ratings.csv");
    StringBuilder sb = new StringBuilder("user,item,rating\n");
    for (int u = 1; u <= 300; u++) {
      for (int i = 1; i <= 80; i++) {
        if ((u * 7 + i * 3) % 3 != 0) {
          sb.append(u).append(',').append(i).append(',').append(1 + (u * i + u / 7) % 5)
              .append('\n');
        }
      }
    }
    Files.writeString(ratings, sb);
    Path run = dir.resolve("run");
    List<String> train = List.of("train", ratings.toString(), "--model", "rbm", "--hidden", "10",
        "--threads", "1", "-q", "--out", run.toString());
    String classPath = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx256m", "-cp", classPath,
        Main.class.getName()));
    command.addAll(train);
    command.addAll(List.of("--epochs", "100000"));
    Path err = dir.resolve("stderr.txt");
    Process process = new ProcessBuilder(command)
        .redirectOutput(dir.resolve("stdout.txt").toFile())
        .redirectError(err.toFile())
        .start();
    try {
      Path checkpoint = run.resolve(CheckpointFiles.FILE_NAME);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.exists(checkpoint) && process.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(checkpoint).exists();
      process.destroy();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      process.destroyForcibly();
    }
    assertThat(process.exitValue()).isEqualTo(128 + 15);
    List<String> lines = Files.readAllLines(err);
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).startsWith("rbmrec: interrupted after epoch")
        .contains("--resume " + run);

    TrainingCheckpoint saved = CheckpointFiles.read(run.resolve(CheckpointFiles.FILE_NAME));
    int epochs = saved.epochsCompleted() + 1;
    List<String> resume = new java.util.ArrayList<>(train);
    resume.addAll(List.of("--epochs", Integer.toString(epochs), "--resume", run.toString()));
    CliRun resumed = CliRun.shipped(resume.toArray(String[]::new));
    assertThat(resumed.status()).as(resumed.err()).isZero();
    assertThat(MetricsCsv.read(run.resolve(MetricsCsv.FILE_NAME)).epochs()).hasSize(epochs);
    assertThat(run.resolve(RunDirectory.MODEL)).isNotEmptyFile();
  }

  @Test
  void theHookWaitsUntilTheCommandHasFinished() throws Exception {
    StopOnSignal signal = StopOnSignal.install(java.time.Duration.ofSeconds(30));
    boolean[] finished = {false};
    Thread hook = new Thread(() -> finished[0] = signal.onShutdown());
    hook.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!signal.request().isRequested() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(signal.request().isRequested()).isTrue();
    assertThat(hook.isAlive()).isTrue();
    signal.close();
    hook.join(10_000);
    assertThat(hook.isAlive()).isFalse();
    assertThat(finished[0]).isTrue();
  }

  @Test
  void theHookGivesUpAfterItsBoundedWait() throws IOException {
    StopOnSignal signal = StopOnSignal.install(java.time.Duration.ofMillis(50));
    try {
      assertThat(signal.onShutdown()).isFalse();
      assertThat(signal.request().isRequested()).isTrue();
    } finally {
      signal.close();
    }
  }
}
