package org.rbmrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
  private static final String SHARED = System.getProperty("rbmrec.sharedData");

  @TempDir
  Path dir;


  @Test
  void trainingTheBiasBaselineOnMl100kReportsTestMetricsAtTheTopLevel() throws Exception {
    Path run = dir.resolve("bias");
    CliRun r = CliRun.shipped("train", "ml-100k", "--data-dir", SHARED, "--model", "bias", "--json",
        "-q", "--out", run.toString());
    assertThat(r.status()).as(r.err()).isZero();
    JsonNode json = DataInfoCommandTest.singleJsonObject(r.out());
    assertThat(json.get("model").asText()).isEqualTo("bias");
    assertThat(json.get("n_test").asInt()).isEqualTo(20_000);
    assertThat(json.get("rmse").asDouble()).isBetween(0.90, 0.99);
    assertThat(json.get("mae").asDouble()).isLessThan(json.get("rmse").asDouble());
    assertThat(json.has("n_fallback")).isTrue();
    assertThat(json.get("split").asText()).isEqualTo("u1");
  }

  @Test
  void anRbmRunFolderHoldsConfigMetricsCurvesAndResult() throws Exception {
    Path run = dir.resolve("rbm");
    CliRun r = CliRun.shipped("train", "ml-100k", "--data-dir", SHARED, "--epochs", "2", "--hidden",
        "10", "--json", "-q", "--out", run.toString());
    assertThat(r.status()).as(r.err()).isZero();
    JsonNode json = DataInfoCommandTest.singleJsonObject(r.out());
    assertThat(json.get("epochs").asInt()).isEqualTo(2);
    assertThat(json.get("rmse").asDouble()).isBetween(0.85, 1.2);
    JsonNode runJson = JsonOutput.mapper().readTree(run.resolve("run.json").toFile());
    assertThat(runJson.get("hyperparameters").get("hidden").asText()).isEqualTo("10");
    assertThat(runJson.get("seed").asLong()).isEqualTo(42);
    assertThat(runJson.get("rbmrec_version").asText()).isNotBlank();
    assertThat(Files.readAllLines(run.resolve("metrics.csv"))).hasSize(3);
    assertThat(run.resolve("learning_curves.png")).isNotEmptyFile();
    assertThat(org.rbmrec.model.io.ModelFiles.load(run.resolve("model.safetensors")).kind())
        .isEqualTo("rbm");
    assertThat(JsonOutput.mapper().readTree(run.resolve("result.json").toFile())
        .get("rmse").asDouble()).isEqualTo(json.get("rmse").asDouble());
  }

  @Test
  void aConfigFileAndSetFlagsChooseHyperparameters() throws Exception {
    Path config = dir.resolve("mf.properties");
    Files.writeString(config, "factors = 5\nepochs = 3\n");
    Path run = dir.resolve("mf");
    CliRun r = CliRun.shipped("train", "ml-100k", "--data-dir", SHARED, "--model", "mf", "--config",
        config.toString(), "--set", "learningRate=0.02", "--json", "-q", "--out",
        run.toString());
    assertThat(r.status()).as(r.err()).isZero();
    JsonNode hyper = JsonOutput.mapper().readTree(run.resolve("run.json").toFile())
        .get("hyperparameters");
    assertThat(hyper.get("factors").asText()).isEqualTo("5");
    assertThat(hyper.get("epochs").asText()).isEqualTo("3");
    assertThat(hyper.get("learningRate").asText()).isEqualTo("0.02");
    assertThat(hyper.get("seed").asText()).isEqualTo("42");
  }

  @Test
  void anUnknownHyperparameterIsAUserErrorListingTheKnownOnes() {
    CliRun r = CliRun.shipped("train", "ml-100k", "--data-dir", SHARED, "--model", "mf", "--set",
        "learnrate=0.1", "--out", dir.resolve("x").toString());
    assertThat(r.status()).isEqualTo(ExitCode.USER);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("learnrate").contains("learningRate");
  }

  @Test
  void anUnknownModelIsAUserErrorListingTheModels() {
    CliRun r = CliRun.shipped("train", "ml-100k", "--data-dir", SHARED, "--model", "dbn");
    assertThat(r.status()).isEqualTo(ExitCode.USER);
    assertThat(r.err()).contains("dbn").contains("rbm-item");
  }

  @Test
  void hiddenUnitsDoNotApplyToTheBiasBaseline() {
    CliRun r = CliRun.shipped("train", "ml-100k", "--data-dir", SHARED, "--model", "bias",
        "--hidden", "10");
    assertThat(r.status()).isEqualTo(ExitCode.USER);
    assertThat(r.err()).contains("--hidden does not apply to model bias");
  }

  @Test
  void aGenericRatingsFileTrainsWithARandomSplit() throws Exception {
    Path csv = dir.resolve("ratings.csv");
    StringBuilder sb = new StringBuilder("user,item,rating\n");
    for (int u = 1; u <= 40; u++) {
      for (int i = 1; i <= 30; i++) {
        if ((u * 7 + i * 3) % 4 != 0) {
          sb.append(u).append(',').append(i).append(',').append(1 + (u + i) % 5).append('\n');
        }
      }
    }
    Files.writeString(csv, sb);
    CliRun r = CliRun.shipped("train", csv.toString(), "--model", "bias", "--json", "-q", "--out",
        dir.resolve("generic").toString());
    assertThat(r.status()).as(r.err()).isZero();
    JsonNode json = DataInfoCommandTest.singleJsonObject(r.out());
    assertThat(json.get("split").asText()).startsWith("random:0.1");
    assertThat(json.get("n_test").asInt()).isEqualTo(90);
  }

  @Test
  void readerFlagsDescribeAFileWithAnotherLayoutAndEvaluateReusesThem() throws Exception {
    Path file = dir.resolve("odd.txt");
    StringBuilder sb = new StringBuilder();
    for (int u = 1; u <= 30; u++) {
      for (int i = 1; i <= 20; i++) {
        if ((u + 2 * i) % 3 != 0) {
          sb.append(i).append('|').append(u).append("|x|").append(1 + (u * i) % 10).append('\n');
        }
      }
    }
    Files.writeString(file, sb);
    Path run = dir.resolve("odd-run");
    CliRun r = CliRun.shipped("train", file.toString(), "--sep", "pipe", "--no-header",
        "--columns", "1,0,3", "--rating-scale", "1:10:1", "--model", "bias", "--json", "-q",
        "--out", run.toString());
    assertThat(r.status()).as(r.err()).isZero();
    JsonNode runJson = JsonOutput.mapper().readTree(run.resolve("run.json").toFile());
    assertThat(runJson.get("reader").get("columns").asText()).isEqualTo("1,0,3");
    CliRun evaluated = CliRun.shipped("evaluate", run.toString(), "--json", "-q");
    assertThat(evaluated.status()).as(evaluated.err()).isZero();
    assertThat(DataInfoCommandTest.singleJsonObject(evaluated.out()).get("rmse").asDouble())
        .isEqualTo(DataInfoCommandTest.singleJsonObject(r.out()).get("rmse").asDouble());
  }

  @Test
  void aMalformedReaderFlagIsAUserError() {
    CliRun r = CliRun.shipped("train", "ml-100k", "--data-dir", SHARED, "--columns", "0,1");
    assertThat(r.status()).isEqualTo(ExitCode.USER);
    assertThat(r.err()).contains("--columns must be U,I,R or U,I,R,T");
  }

  @Test
  void sparkWithoutTheSparkModuleIsAUserErrorSayingHowToRunIt() {
    Path run = dir.resolve("spark");
    CliRun r = CliRun.run("train", "tiny", "--model", "rbm", "--spark", "local[2]", "--out",
        run.toString());
    assertThat(r.status()).isEqualTo(ExitCode.USER);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("--spark needs rbmrec's spark module", "bin/rbmrec");
    assertThat(run).doesNotExist();
  }
}
