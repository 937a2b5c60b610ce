package org.rbmrec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rbmrec.data.split.SplitSpec;

class CompareCommandTest {
  private static final String SHARED = System.getProperty("rbmrec.sharedData");

  @TempDir
  Path dir;

  private static CliRun shipped(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new CliRun(status, out.toString(), err.toString());
  }

  private static JsonNode result(JsonNode json, String model) {
    for (JsonNode r : json.get("results")) {
      if (r.get("model").asText().equals(model)) {
        return r;
      }
    }
    throw new AssertionError("no result for " + model + " in " + json);
  }

  /** 40 users × 30 items, 900 ratings on 1..5 stars. */
  private static String genericRatings() {
    StringBuilder sb = new StringBuilder("user,item,rating\n");
    for (int u = 1; u <= 40; u++) {
      for (int i = 1; i <= 30; i++) {
        if ((u * 7 + i * 3) % 4 != 0) {
          sb.append(u).append(',').append(i).append(',').append(1 + (u + i) % 5).append('\n');
        }
      }
    }
    return sb.toString();
  }

  @Test
  void biasAndMeanOnTwoOfficialFoldsReportPerFoldResultsAndTheirMeans() throws Exception {
    CliRun r = shipped("compare", "ml-100k", "--data-dir", SHARED, "--models", "bias,mean",
        "--folds", "u1,u2", "--json", "-q", "--out", dir.resolve("c").toString());
    assertThat(r.status()).as(r.err()).isZero();
    JsonNode json = DataInfoCommandTest.singleJsonObject(r.out());
    assertThat(json.get("folds")).extracting(JsonNode::asText).containsExactly("u1", "u2");
    assertThat(json.get("seed").asLong()).isEqualTo(42);
    assertThat(json.get("results")).hasSize(2);
    for (JsonNode model : json.get("results")) {
      JsonNode perFold = model.get("per_fold");
      assertThat(perFold).hasSize(2);
      assertThat(perFold.get(0).get("fold").asText()).isEqualTo("u1");
      assertThat(perFold.get(1).get("n_test").asInt()).isEqualTo(20_000);
      for (String metric : List.of("rmse", "mae", "fit_seconds", "predict_seconds")) {
        double a = perFold.get(0).get(metric).asDouble();
        double b = perFold.get(1).get(metric).asDouble();
        assertThat(model.get(metric).asDouble()).as(metric).isCloseTo((a + b) / 2,
            within(1e-12));
      }
      double a = perFold.get(0).get("rmse").asDouble();
      double b = perFold.get(1).get("rmse").asDouble();
      assertThat(model.get("rmse_std").asDouble())
          .isCloseTo(Math.abs(a - b) / Math.sqrt(2), within(1e-12));
    }
    assertThat(result(json, "bias").get("rmse").asDouble())
        .isLessThan(result(json, "mean").get("rmse").asDouble());
  }

  @Test
  void theFolderHoldsMarkdownWithTableAndProtocolCsvAndJson() throws Exception {
    Path folder = dir.resolve("files");
    CliRun r = shipped("compare", "ml-100k", "--data-dir", SHARED, "--models", "bias,mean",
        "--folds", "u1,u2", "-q", "--out", folder.toString());
    assertThat(r.status()).as(r.err()).isZero();
    String markdown = Files.readString(folder.resolve("compare.md"));
    assertThat(markdown).contains("| model | RMSE | MAE | NDCG@10 | fit s | predict s |")
        .contains("## Protocol").contains("Folds: u1, u2").contains("seed 42")
        .contains("processors").contains("max heap").contains("Java ");
    List<String> csv = Files.readAllLines(folder.resolve("compare.csv"));
    assertThat(csv.get(0)).isEqualTo(
        "model,fold,rmse,mae,ndcg,fit_seconds,predict_seconds,n_test,n_fallback");
    assertThat(csv).hasSize(1 + 2 * 2 + 2 * 2).anyMatch(line -> line.startsWith("bias,mean,"));
    JsonNode json = JsonOutput.mapper().readTree(folder.resolve("compare.json").toFile());
    assertThat(json.get("results")).hasSize(2);
    assertThat(r.out()).contains("bias").contains("±");
  }

  @Test
  void ml100kDefaultsToFoldU1AndASingleFoldHasNoStandardDeviation() throws Exception {
    CliRun r = shipped("compare", "ml-100k", "--data-dir", SHARED, "--models", "bias",
        "--json", "-q", "--out", dir.resolve("one").toString());
    assertThat(r.status()).as(r.err()).isZero();
    JsonNode json = DataInfoCommandTest.singleJsonObject(r.out());
    assertThat(json.get("folds")).extracting(JsonNode::asText).containsExactly("u1");
    JsonNode bias = result(json, "bias");
    assertThat(bias.get("rmse").asDouble()).isBetween(0.90, 0.99);
    assertThat(bias.get("rmse_std").isNull()).isTrue();
    assertThat(json.get("protocol").get("processors").asInt()).isPositive();
  }

  @Test
  void epochsAndHiddenGoOnlyToTheModelsTheyFit() throws Exception {
    CliRun r = shipped("compare", "ml-100k", "--data-dir", SHARED, "--models", "bias,mf",
        "--epochs", "3", "--hidden", "5", "--set", "learningRate=0.02", "--json", "-q",
        "--out", dir.resolve("opts").toString());
    assertThat(r.status()).as(r.err()).isZero();
    JsonNode json = DataInfoCommandTest.singleJsonObject(r.out());
    JsonNode mf = result(json, "mf").get("hyperparameters");
    assertThat(mf.get("factors").asText()).isEqualTo("5");
    assertThat(mf.get("epochs").asText()).isEqualTo("3");
    assertThat(mf.get("learningRate").asText()).isEqualTo("0.02");
    JsonNode bias = result(json, "bias").get("hyperparameters");
    assertThat(bias.get("iterations").asText()).isEqualTo("3");
  }

  @Test
  void aGenericRatingsFileIsComparedOnCrossValidationFolds() throws Exception {
    Path csv = dir.resolve("ratings.csv");
    Files.writeString(csv, genericRatings());
    CliRun r = shipped("compare", csv.toString(), "--models", "bias,mean", "--cv", "3",
        "--json", "-q", "--out", dir.resolve("cv").toString());
    assertThat(r.status()).as(r.err()).isZero();
    JsonNode json = DataInfoCommandTest.singleJsonObject(r.out());
    assertThat(json.get("folds")).extracting(JsonNode::asText)
        .containsExactly("cv:3:1", "cv:3:2", "cv:3:3");
    int tested = 0;
    for (JsonNode fold : result(json, "bias").get("per_fold")) {
      tested += fold.get("n_test").asInt();
    }
    assertThat(tested).isEqualTo(900);
  }

  @Test
  void rowsOfFinishedFoldsAreKeptWhenALaterFoldFails() throws Exception {
    Path csv = dir.resolve("ratings.csv");
    Files.writeString(csv, genericRatings());
    Path folder = dir.resolve("partial");
    CliRun r = shipped("compare", csv.toString(), "--models", "bias,mean", "--folds",
        "cv:3:1,user:k=25", "-q", "--out", folder.toString());
    assertThat(r.status()).isEqualTo(ExitCode.USER);
    assertThat(r.err()).contains("leaves the test part empty");
    assertThat(Files.readAllLines(folder.resolve("compare.csv"))).hasSize(3)
        .anyMatch(line -> line.startsWith("bias,cv:3:1,"))
        .anyMatch(line -> line.startsWith("mean,cv:3:1,"));
    assertThat(folder.resolve("compare.md")).doesNotExist();
  }

  @Test
  void anOfficialFoldOnOtherDataIsAUserErrorBeforeAnyTraining() throws Exception {
    Path csv = dir.resolve("ratings.csv");
    Files.writeString(csv, genericRatings());
    Path folder = dir.resolve("official");
    CliRun r = shipped("compare", csv.toString(), "--models", "bias", "--folds", "cv:3:1,u2",
        "-q", "--out", folder.toString());
    assertThat(r.status()).isEqualTo(ExitCode.USER);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("u2").contains("not ml-100k");
    assertThat(folder.resolve("compare.csv")).doesNotExist();
  }

  @Test
  void progressNoticesNameEachModelAndFold() {
    CliRun r = shipped("compare", "ml-100k", "--data-dir", SHARED, "--models", "bias,mean",
        "--json", "--out", dir.resolve("notices").toString());
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.err()).contains("bias on u1: RMSE").contains("mean on u1: RMSE");
  }

  @Test
  void anUnknownModelIsAUserErrorOfOneLine() {
    CliRun r = shipped("compare", "ml-100k", "--data-dir", SHARED, "--models", "bias,dbn",
        "--out", dir.resolve("x").toString());
    assertThat(r.status()).isEqualTo(ExitCode.USER);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("dbn").contains("rbm-item");
  }

  @Test
  void aBadFoldSpecIsAUserError() {
    CliRun r = shipped("compare", "ml-100k", "--data-dir", SHARED, "--models", "bias",
        "--folds", "u1,cv:5:9", "--out", dir.resolve("x").toString());
    assertThat(r.status()).isEqualTo(ExitCode.USER);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("cv:5:9");
  }

  @Test
  void aHyperparameterNoModelHasIsAUserError() {
    CliRun r = shipped("compare", "ml-100k", "--data-dir", SHARED, "--models", "bias,mf",
        "--set", "learnrate=0.1", "--out", dir.resolve("x").toString());
    assertThat(r.status()).isEqualTo(ExitCode.USER);
    assertThat(r.err()).contains("learnrate").contains("learningRate");
  }

  @Test
  void foldsAndCvTogetherAreAUserError() {
    CliRun r = shipped("compare", "ml-100k", "--data-dir", SHARED, "--models", "bias",
        "--folds", "u1", "--cv", "5", "--out", dir.resolve("x").toString());
    assertThat(r.status()).isEqualTo(ExitCode.USER);
    assertThat(r.err()).contains("--folds").contains("--cv");
  }

  @Test
  void aPerUserSpecKeepsItsMinSuffixWhenFoldsAreSplitOnCommas() {
    assertThat(CompareCommand.parseFolds("u1, user:0.2,min=3,cv:4:2"))
        .extracting(SplitSpec::describe)
        .containsExactly("u1", "user:0.2,min=3", "cv:4:2");
  }
}
