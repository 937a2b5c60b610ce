package org.rbmrec.bench.librec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibRecMainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return LibRecMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void printsOneJsonObjectWithTheDocumentedKeys() throws Exception {
    int status = run("--data", BenchData.ml100k().toString(), "--models", "mf",
        "--mf-factors", "5", "--mf-epochs", "3", "--folds", "u1");

    assertThat(status).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    assertThat(json.get("folds").get(0).asText()).isEqualTo("u1");
    JsonNode mf = json.get("librec").get("mf");
    assertThat(mf.has("rmse") && mf.has("mae") && mf.has("epoch_seconds")
        && mf.has("fit_seconds") && mf.has("note") && mf.has("hyperparameters")).isTrue();
    assertThat(mf.get("rmse").asDouble()).isBetween(0.85, 1.2);
    assertThat(mf.get("per_fold").get(0).get("fold").asText()).isEqualTo("u1");
    assertThat(mf.get("per_fold").get(0).get("rmse").asDouble())
        .isEqualTo(mf.get("rmse").asDouble());
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void unknownOptionIsAUsageErrorOnOneLine() {
    int status = run("--colour", "blue");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
        "librec bench: unknown option --colour" + System.lineSeparator());
    assertThat(out.size()).isZero();
  }

  @Test
  void invalidHyperparameterNamesTheParameterAndRange() {
    int status = run("--rbm-hidden", "0");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("hiddenUnits must be in [1, 100000], got 0");
  }

  @Test
  void unknownFoldIsAUsageError() {
    int status = run("--folds", "u1,u9");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--folds").contains("u9");
  }

  @Test
  void folderWithoutTheFoldFilesIsADataError(@TempDir Path empty) {
    int status = run("--data", empty.toString(), "--models", "mf");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("u1.base").contains("not found");
  }
}
