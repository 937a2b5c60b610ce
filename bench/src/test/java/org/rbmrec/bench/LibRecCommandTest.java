package org.rbmrec.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibRecCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** The folder holding ml-100k/ beside the clone, as Surefire's rbmrec.sharedData names it. */
  private static String sharedData() {
    String property = System.getProperty("rbmrec.sharedData");
    Path dir = property != null ? Path.of(property) : Path.of("..", "..", "shared", "data");
    assertThat(dir.resolve("ml-100k").resolve("u1.base")).exists();
    return dir.toAbsolutePath().normalize().toString();
  }

  private int run(String... args) {
    List<String> all = new ArrayList<>(List.of("librec", "--data-dir", sharedData(), "-q",
        "--threads", "1"));
    all.addAll(List.of(args));
    return BenchMain.run(all.toArray(new String[0]), new PrintWriter(out, true),
        new PrintWriter(err, true));
  }

  private JsonNode json() throws Exception {
    return new ObjectMapper().readTree(out.toString());
  }

  /** One fast run of both MFs (4 factors, 2 epochs), shared by the tests that only read it. */
  private static JsonNode mfRun;

  private static synchronized JsonNode mfRun() throws Exception {
    if (mfRun == null) {
      LibRecCommandTest test = new LibRecCommandTest();
      int status = test.run("--models", "mf", "--epochs", "2", "--factors", "4", "--json");
      assertThat(status).as(test.err.toString()).isZero();
      mfRun = test.json();
    }
    return mfRun;
  }

  @Test
  void jsonHasTheContractKeysForBothSides() throws Exception {
    JsonNode json = mfRun();
    assertThat(json.get("folds").toString()).isEqualTo("[\"u1\"]");
    for (String side : List.of("rbmrec", "librec")) {
      JsonNode mf = json.get(side).get("mf");
      assertThat(mf.has("rmse") && mf.has("mae") && mf.has("epoch_seconds")
          && mf.has("fit_seconds") && mf.has("hyperparameters")).as(side).isTrue();
      assertThat(mf.get("epochs").asInt()).as(side).isEqualTo(2);
      assertThat(mf.get("factors").asInt()).as(side).isEqualTo(4);
      assertThat(mf.get("rmse").asDouble()).as(side).isBetween(0.85, 1.2);
      assertThat(mf.get("per_fold").get(0).get("fold").asText()).as(side).isEqualTo("u1");
    }
    assertThat(json.get("librec").get("mf").get("note").asText()).startsWith("ok");
    assertThat(json.get("librec").get("mf").get("degenerate").asBoolean()).isFalse();
    assertThat(json.get("protocol").fieldNames()).toIterable().contains("seed", "threads",
        "java_version", "max_heap_mib", "processors", "date", "hyperparameters");
    assertThat(json.get("protocol").get("threads").asInt()).isEqualTo(1);
  }

  @Test
  void ratiosAreComputedFromTheReportedValues() throws Exception {
    JsonNode json = mfRun();
    JsonNode ours = json.get("rbmrec").get("mf");
    JsonNode theirs = json.get("librec").get("mf");
    JsonNode ratio = json.get("ratios").get("mf");
    assertThat(ratio.get("rmse_diff").asDouble()).isCloseTo(
        ours.get("rmse").asDouble() - theirs.get("rmse").asDouble(), within(1e-12));
    assertThat(ratio.get("fit_time_ratio").asDouble()).isCloseTo(
        theirs.get("fit_seconds").asDouble() / ours.get("fit_seconds").asDouble(),
        within(1e-9));
    assertThat(ratio.get("epoch_time_ratio").asDouble()).isCloseTo(
        theirs.get("epoch_seconds").asDouble() / ours.get("epoch_seconds").asDouble(),
        within(1e-9));
  }

  @Test
  void rbmsShareTheHiddenUnitsAndTheItemRbmIsHeldAgainstLibRecsRbm() throws Exception {
    int status = run("--models", "rbm,rbm-item", "--hidden", "5", "--epochs", "1", "--json");

    assertThat(status).as(err.toString()).isZero();
    JsonNode json = json();
    assertThat(json.get("rbmrec").get("rbm").get("hidden").asInt()).isEqualTo(5);
    assertThat(json.get("rbmrec").get("rbm_item").get("hidden").asInt()).isEqualTo(5);
    assertThat(json.get("librec").get("rbm").get("hidden").asInt()).isEqualTo(5);
    assertThat(json.get("rbmrec").get("rbm_item").get("label").asText()).contains("item-based");
    assertThat(json.get("ratios").get("rbm_item").get("versus").asText())
        .isEqualTo("librec.rbm");
    assertThat(json.get("librec").get("rbm").get("note").asText())
        .contains("one star too high");
    // rbm-item starts at CD-1, LibRec's k; the user-based rbm runs CD-3 throughout, so a short
    // CD-1 timing run gives its same-k figure.
    assertThat(json.get("ratios").get("rbm_item").has("epoch_time_ratio_same_cd_steps"))
        .isTrue();
    assertThat(json.get("ratios").get("rbm").has("epoch_time_ratio_same_cd_steps")).isTrue();
    assertThat(json.get("rbmrec").get("rbm").get("epoch_seconds_by_cd_steps").has("1")).isTrue();
    assertThat(json.get("librec").get("rbm").has("degenerate")).isTrue();
  }

  @Test
  void withoutJsonPrintsOneTableRowPerModel() {
    int status = run("--models", "mf", "--epochs", "1", "--factors", "2");

    assertThat(status).as(err.toString()).isZero();
    String[] lines = out.toString().split("\\R");
    assertThat(lines[0]).contains("model", "ours RMSE", "LibRec RMSE", "ours MAE", "LibRec MAE",
        "ours s/epoch", "LibRec s/epoch", "speed-up");
    assertThat(lines).hasSize(3);
    assertThat(lines[2]).startsWith("mf").endsWith("x");
  }

  @Test
  void unknownFoldIsAUserErrorOnOneLine() {
    int status = run("--folds", "u1,u9");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).startsWith("rbmrec: error: --folds: unknown fold \"u9\"")
        .hasLineCount(1);
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void unreadableDataIsAUserErrorOnOneLine(@TempDir Path empty) throws Exception {
    Files.writeString(empty.resolve("ml-100k.zip"), "not a zip");
    StringWriter e = new StringWriter();
    int status = BenchMain.run(new String[] {"librec", "-q", "--data-dir", empty.toString(),
        "--models", "mf"}, new PrintWriter(new StringWriter(), true), new PrintWriter(e, true));

    assertThat(status).isEqualTo(2);
    assertThat(e.toString()).startsWith("rbmrec: error: ").contains("ml-100k.zip")
        .hasLineCount(1);
  }
}
