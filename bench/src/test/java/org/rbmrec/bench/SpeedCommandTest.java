package org.rbmrec.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class SpeedCommandTest {
  private static final String[] TINY = {
    "speed", "--scale", "0.01", "--epochs", "1", "--hidden", "8", "--dense-users", "6",
    "--predictions", "3000", "--threads", "2", "-q"};
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return BenchMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private static String[] tiny(String... more) {
    String[] args = java.util.Arrays.copyOf(TINY, TINY.length + more.length);
    System.arraycopy(more, 0, args, TINY.length, more.length);
    return args;
  }

  @Test
  void printsOneJsonObjectWithTheContractKeys() throws Exception {
    int status = run(tiny("--json", "--conditional", "--librec-epochs", "1"));

    assertThat(status).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.isObject()).isTrue();
    for (String key : new String[] {
        "epoch_seconds", "cd5_epoch_seconds", "seconds_per_million_ratings",
        "item_epoch_seconds", "conditional_epoch_seconds", "predictions_per_second",
        "peak_heap_mb", "peak_rss_mb", "speedup_vs_dense", "dense_seconds_per_rating",
        "max_heap_mb", "threads", "processors", "n_ratings", "n_users", "n_items"}) {
      assertThat(json.has(key)).as(key).isTrue();
    }
    assertThat(json.get("epoch_seconds").asDouble()).isPositive();
    assertThat(json.get("speedup_vs_dense").asDouble()).isPositive();
    assertThat(json.get("predictions_per_second").asDouble()).isPositive();
    assertThat(json.get("n_predictions").asInt()).isEqualTo(3000);
    assertThat(json.get("n_ratings").asInt() + 3000).isEqualTo(json.get("n_ratings_total").asInt());
    assertThat(json.get("threads").asInt()).isEqualTo(2);
    assertThat(json.get("jvm").get("version").asText()).isNotEmpty();
    assertThat(json.get("peak_heap_mb").asDouble()).isPositive();
  }

  @Test
  void timesLibRecsRbmBesideOursOnAnMl1mShapedSetAtEqualHiddenUnits() throws Exception {
    int status = run(tiny("--json", "--skip-cd5", "--skip-dense", "--orientations", "user",
        "--librec-epochs", "1"));

    assertThat(status).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    JsonNode librec = json.get("librec");
    assertThat(librec.get("data").asText()).isEqualTo("synthetic ml-1m shape × 0.1");
    assertThat(librec.get("n_users").asInt()).isEqualTo(604);
    assertThat(librec.get("n_items").asInt()).isEqualTo(371);
    assertThat(librec.get("levels").asInt()).isEqualTo(5);
    assertThat(librec.get("hidden").asInt()).isEqualTo(8);
    assertThat(librec.get("epochs").asInt()).isEqualTo(1);
    assertThat(librec.get("librec_model").asText()).isEqualTo("RBMRecommender");
    double librecSeconds = librec.get("librec_epoch_seconds").asDouble();
    double oursSeconds = librec.get("rbmrec_epoch_seconds").asDouble();
    assertThat(librecSeconds).isPositive();
    assertThat(oursSeconds).isPositive();
    assertThat(librec.get("speedup_vs_librec").asDouble())
        .isCloseTo(librecSeconds / oursSeconds, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(json.get("speedup_vs_librec").asDouble())
        .isEqualTo(librec.get("speedup_vs_librec").asDouble());
    assertThat(librec.get("rbmrec_rmse").asDouble()).isBetween(0.5, 1.5);
    assertThat(librec.get("librec_rmse").asDouble()).isPositive();
    assertThat(librec.get("n_ratings").asInt() + librec.get("n_test").asInt()).isEqualTo(100_021);
  }

  @Test
  void skipLibRecLeavesTheComparisonOut() throws Exception {
    int status = run(tiny("--json", "--skip-cd5", "--skip-dense", "--orientations", "user",
        "--skip-librec"));

    assertThat(status).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("librec").isNull()).isTrue();
    assertThat(json.get("speedup_vs_librec").isNull()).isTrue();
  }

  @Test
  void librecEpochsBelowOneIsAUserError() {
    int status = run("speed", "--librec-epochs", "0", "--json");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("--librec-epochs").doesNotContain("Exception");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void withoutJsonPrintsATableOfTheMeasures() {
    int status = run(tiny("--skip-dense", "--skip-cd5", "--orientations", "item",
        "--skip-librec"));

    assertThat(status).isZero();
    assertThat(out.toString()).contains("epoch_seconds", "predictions_per_second")
        .doesNotContain("{");
  }

  @Test
  void anUnknownOrientationIsAUserError() {
    int status = run("speed", "--orientations", "movie", "--json");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("--orientations").doesNotContain("Exception");
    assertThat(out.toString()).isEmpty();
  }
}
