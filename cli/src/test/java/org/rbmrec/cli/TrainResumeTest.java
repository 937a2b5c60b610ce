package org.rbmrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rbmrec.model.io.CheckpointFiles;
import org.rbmrec.model.io.ModelFiles;
import org.rbmrec.model.rbm.RbmModel;
import org.rbmrec.model.rbm.RbmParameters;

/**
 * {@code train --resume}: a run trained for 2 epochs and resumed to 4 ends with the model of a
 * 4-epoch run, and its run folder covers all epochs; mismatched resumes, baselines and
 * diverging runs get one line and exit 2.
 */
class TrainResumeTest {
  @TempDir
  Path dir;

  private Path ratings;

  /** 60 users × 40 items, about two thirds rated, on 1..5 stars. */
  @BeforeEach
  void writeRatings() throws IOException {
    ratings = dir.resolve("ratings.csv");
    StringBuilder sb = new StringBuilder("user,item,rating\n");
    for (int u = 1; u <= 60; u++) {
      for (int i = 1; i <= 40; i++) {
        if ((u * 7 + i * 3) % 3 != 0) {
          sb.append(u).append(',').append(i).append(',').append(1 + (u * i + u / 7) % 5)
              .append('\n');
        }
      }
    }
    Files.writeString(ratings, sb);
  }

  /** A small fast RBM: momentum 0.9 from epoch 2, shared weights S. */
  private static final String[] SMALL = {"--hidden", "6", "--set", "batchSize=8",
      "--set", "chunkRows=2", "--set", "momentumEnd=0.9", "--set", "momentumSwitchEpoch=2",
      "--set", "sharedLearningRate=0.01", "--set", "monitorRows=20", "-q"};

  private CliRun train(String model, Path run, int epochs, String... extra) {
    List<String> args = new ArrayList<>(List.of("train", ratings.toString(), "--model", model,
        "--epochs", Integer.toString(epochs)));
    args.addAll(Arrays.asList(SMALL));
    args.addAll(Arrays.asList(extra));
    if (!args.contains("--threads")) {
      args.addAll(List.of("--threads", "1"));
    }
    if (run != null) {
      args.addAll(List.of("--out", run.toString()));
    }
    return CliRun.shipped(args.toArray(String[]::new));
  }

  private static RbmParameters parameters(Path run) {
    return ((RbmModel) ModelFiles.load(run.resolve(RunDirectory.MODEL)).model()).parameters();
  }

  private void assertResumeMatchesStraightRun(String model, String... extra) throws IOException {
    Path straight = dir.resolve(model + "-straight");
    Path resumed = dir.resolve(model + "-resumed");
    assertThat(train(model, straight, 4, extra).status()).isZero();
    CliRun first = train(model, resumed, 2, extra);
    assertThat(first.status()).as(first.err()).isZero();
    List<String> resume = new ArrayList<>(Arrays.asList(extra));
    resume.addAll(List.of("--resume", resumed.toString(), "--threads", "2"));
    CliRun second = train(model, null, 4, resume.toArray(String[]::new));
    assertThat(second.status()).as(second.err()).isZero();

    RbmParameters a = parameters(straight);
    RbmParameters b = parameters(resumed);
    assertThat(Arrays.equals(a.weightsCopy(), b.weightsCopy())).as(model + " W").isTrue();
    assertThat(Arrays.equals(a.visibleBiasesCopy(), b.visibleBiasesCopy())).isTrue();
    assertThat(Arrays.equals(a.hiddenBiasesCopy(), b.hiddenBiasesCopy())).isTrue();
    assertThat(Arrays.equals(a.implicitWeightsCopy(), b.implicitWeightsCopy())).isTrue();
    assertThat(Files.readAllLines(resumed.resolve(MetricsCsv.FILE_NAME))).hasSize(5);
    assertThat(MetricsCsv.read(resumed.resolve(MetricsCsv.FILE_NAME)).epochNumbers())
        .containsExactly(1, 2, 3, 4);
    JsonNode metrics = JsonOutput.mapper().readTree(
        resumed.resolve(RunDirectory.METRICS_JSON).toFile());
    assertThat(metrics.get("epochs")).hasSize(4);
    JsonNode result = JsonOutput.mapper().readTree(
        resumed.resolve(RunDirectory.RESULT_JSON).toFile());
    assertThat(result.get("rmse").asDouble()).isEqualTo(JsonOutput.mapper()
        .readTree(straight.resolve(RunDirectory.RESULT_JSON).toFile()).get("rmse").asDouble());
    assertThat(result.get("epochs").asInt()).isEqualTo(4);
    JsonNode runJson = JsonOutput.mapper().readTree(
        resumed.resolve(RunDirectory.RUN_JSON).toFile());
    assertThat(runJson.get("resumed_after").asText()).isEqualTo("epoch 2");
    assertThat(runJson.get("hyperparameters").get("epochs").asText()).isEqualTo("4");
  }

  @Test
  void twoEpochsResumedToFourGiveTheModelOfFourStraightEpochs() throws IOException {
    assertResumeMatchesStraightRun("rbm");
  }

  @Test
  void thePersistentCdVariantResumesExactly() throws IOException {
    assertResumeMatchesStraightRun("rbm", "--set", "persistent=true");
  }

  @Test
  void theConditionalVariantResumesExactly() throws IOException {
    assertResumeMatchesStraightRun("rbm-cond");
  }

  @Test
  void aCheckpointIsWrittenAtTheEndOfEveryEpoch() {
    Path run = dir.resolve("epochs");
    assertThat(train("rbm", run, 3).status()).isZero();
    assertThat(CheckpointFiles.read(run.resolve(CheckpointFiles.FILE_NAME)).epochsCompleted())
        .isEqualTo(3);
  }

  @Test
  void resumingWithAnotherHyperparameterIsRefusedNamingIt() {
    Path run = dir.resolve("hyper");
    assertThat(train("rbm", run, 2).status()).isZero();
    CliRun r = train("rbm", null, 4, "--set", "learningRate=0.05", "--resume", run.toString());
    assertThat(r.status()).isEqualTo(ExitCode.USER);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("learningRate (checkpoint 0.4, now 0.05)");
  }

  @Test
  void resumingWithAnotherSplitIsRefusedNamingTheDifference() {
    Path run = dir.resolve("split");
    assertThat(train("rbm", run, 2).status()).isZero();
    CliRun r = train("rbm", null, 4, "--split", "random:0.2", "--resume", run.toString());
    assertThat(r.status()).isEqualTo(ExitCode.USER);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("data differ").contains("run.split");
  }

  @Test
  void resumingAFinishedRunWithTheSameEpochsSaysHowToTrainFurther() {
    Path run = dir.resolve("finished");
    assertThat(train("rbm", run, 2).status()).isZero();
    CliRun r = train("rbm", null, 2, "--resume", run.toString());
    assertThat(r.status()).isEqualTo(ExitCode.USER);
    assertThat(r.err()).contains("finished all 2 epochs").contains("more epochs");
  }

  @Test
  void resumingABaselineIsRefusedBecauseItKeepsNoCheckpoint() {
    Path run = dir.resolve("bias");
    CliRun fresh = CliRun.shipped("train", ratings.toString(), "--model", "bias", "-q",
        "--out", run.toString());
    assertThat(fresh.status()).as(fresh.err()).isZero();
    assertThat(run.resolve(CheckpointFiles.FILE_NAME)).doesNotExist();
    CliRun r = CliRun.shipped("train", ratings.toString(), "--model", "bias", "-q",
        "--resume", run.toString());
    assertThat(r.status()).isEqualTo(ExitCode.USER);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("model bias").contains("keeps no checkpoint");
  }

  @Test
  void resumingAFolderWithoutCheckpointIsAUserError() throws IOException {
    Path run = dir.resolve("empty");
    Files.createDirectories(run);
    Files.writeString(run.resolve(RunDirectory.RUN_JSON), "{}");
    CliRun r = train("rbm", null, 2, "--resume", run.toString());
    assertThat(r.status()).isEqualTo(ExitCode.USER);
    assertThat(r.err()).contains("has no checkpoint.safetensors");
  }

  @Test
  void aHugeLearningRateStopsWithOneLineNamingTheEpochAndTheLastGoodCheckpoint() {
    Path run = dir.resolve("diverged");
    CliRun r = train("rbm", run, 30, "--set", "learningRate=10", "--set", "weightDecay=0.9");
    assertThat(r.status()).isEqualTo(ExitCode.USER);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("diverged in epoch").contains("try learningRate=1.0");
    Path checkpoint = run.resolve(CheckpointFiles.FILE_NAME);
    int lastGood = CheckpointFiles.read(checkpoint).epochsCompleted();
    assertThat(lastGood).isPositive();
    assertThat(r.err()).contains("diverged in epoch " + (lastGood + 1))
        .contains(checkpoint + " (epoch " + lastGood + "), is kept");
  }
}
