package org.rbmrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate} and {@code recommend} on a bias-baseline run trained on ml-100k u1. */
class EvaluateAndRecommendCommandTest {
  private static final String SHARED = System.getProperty("rbmrec.sharedData");

  @TempDir
  static Path dir;

  private static Path run;
  private static JsonNode trained;

  @BeforeAll
  static void train() throws Exception {
    run = dir.resolve("bias-run");
    CliRun r = CliRun.shipped("train", "ml-100k", "--data-dir", SHARED, "--model", "bias",
        "--json", "-q", "--out", run.toString());
    assertThat(r.status()).as(r.err()).isZero();
    trained = DataInfoCommandTest.singleJsonObject(r.out());
  }

  @Test
  void evaluatingTheRunGivesTheMetricsTrainReported() throws Exception {
    CliRun r = CliRun.shipped("evaluate", run.toString(), "--json", "-q");
    assertThat(r.status()).as(r.err()).isZero();
    JsonNode json = DataInfoCommandTest.singleJsonObject(r.out());
    assertThat(json.get("model").asText()).isEqualTo("bias");
    assertThat(json.get("rmse").asDouble()).isEqualTo(trained.get("rmse").asDouble());
    assertThat(json.get("mae").asDouble()).isEqualTo(trained.get("mae").asDouble());
    assertThat(json.get("n_test").asInt()).isEqualTo(20_000);
    assertThat(json.get("n_fallback").asInt()).isEqualTo(trained.get("n_fallback").asInt());
    assertThat(json.get("ndcg").asDouble()).isBetween(0.0, 1.0);
    for (String key : new String[] {"k", "relevance_threshold", "precision", "recall", "ndcg",
        "map", "hit_rate", "coverage", "n_users_ranked"}) {
      assertThat(json.get(key)).as(key).isEqualTo(trained.get(key));
    }
  }

  @Test
  void anotherTestFileIsMappedByRawIdsAndUnknownOrTrainedPairsAreCounted() throws Exception {
    Path test = dir.resolve("extra.tsv");
    // 1 6 is in u1.test; 1 1 is in u1.base; 99999 is an unknown user.
    Files.writeString(test, "1\t6\t5\n1\t1\t5\n99999\t1\t3\n");
    CliRun r = CliRun.shipped("evaluate", run.toString(), "--test", test.toString(), "--json",
        "-q");
    assertThat(r.status()).as(r.err()).isZero();
    JsonNode json = DataInfoCommandTest.singleJsonObject(r.out());
    assertThat(json.get("n_test").asInt()).isEqualTo(1);
    assertThat(json.get("n_unknown").asInt()).isEqualTo(1);
    assertThat(json.get("n_in_training").asInt()).isEqualTo(1);
  }

  @Test
  void recommendationsAreUnratedItemsBestFirstWithTitles() throws Exception {
    CliRun r = CliRun.shipped("recommend", run.toString(), "--user", "1", "-n", "5", "--json",
        "-q");
    assertThat(r.status()).as(r.err()).isZero();
    JsonNode json = DataInfoCommandTest.singleJsonObject(r.out());
    assertThat(json.get("user").asLong()).isEqualTo(1);
    JsonNode items = json.get("items");
    assertThat(items).hasSize(5);
    Set<Long> ratedInTraining = new HashSet<>();
    for (String line : Files.readAllLines(Path.of(SHARED, "ml-100k", "u1.base"))) {
      String[] f = line.split("\t");
      if (f[0].equals("1")) {
        ratedInTraining.add(Long.parseLong(f[1]));
      }
    }
    double previous = Double.POSITIVE_INFINITY;
    for (JsonNode item : items) {
      assertThat(ratedInTraining).doesNotContain(item.get("item").asLong());
      assertThat(item.get("title").asText()).isNotBlank();
      assertThat(item.get("score").asDouble()).isLessThanOrEqualTo(previous);
      previous = item.get("score").asDouble();
    }
  }

  @Test
  void anUnknownUserIsAUserErrorOnOneLine() {
    CliRun r = CliRun.shipped("recommend", run.toString(), "--user", "99999", "--no-titles");
    assertThat(r.status()).isEqualTo(ExitCode.USER);
    assertThat(r.errLines()).containsExactly(
        "rbmrec: error: unknown user id 99999: it does not occur in the training data");
  }

  @Test
  void aMissingRunFolderIsAUserError() {
    CliRun r = CliRun.shipped("evaluate", dir.resolve("nope").toString());
    assertThat(r.status()).isEqualTo(ExitCode.USER);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("no run folder");
  }

  @Test
  void dataThatChangedSinceTrainingIsRefused() throws Exception {
    Path csv = dir.resolve("small.csv");
    Files.writeString(csv, "1,1,4\n1,2,3\n2,1,5\n2,3,2\n3,2,4\n3,3,1\n4,1,2\n4,2,5\n5,3,3\n"
        + "5,1,4\n6,2,2\n6,3,5\n");
    Path smallRun = dir.resolve("small-run");
    CliRun trainedSmall = CliRun.shipped("train", csv.toString(), "--model", "mean", "-q",
        "--out", smallRun.toString(), "--valid", "0");
    assertThat(trainedSmall.status()).as(trainedSmall.err()).isZero();
    Files.writeString(csv, "1,1,4\n1,2,3\n2,1,5\n", java.nio.file.StandardOpenOption.APPEND);
    CliRun r = CliRun.shipped("evaluate", smallRun.toString(), "-q");
    assertThat(r.status()).isEqualTo(ExitCode.USER);
    assertThat(r.err()).contains("differs from the data this run was trained on");
  }
}
