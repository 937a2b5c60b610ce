package org.rbmrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.rbmrec.data.io.ItemTitles;
import org.rbmrec.data.io.LoadedRatings;
import org.rbmrec.data.source.Dataset;

class DataInfoCommandTest {
  /** Parses stdout as exactly one JSON object, failing on anything after it. */
  static JsonNode singleJsonObject(String stdout) throws IOException {
    try (JsonParser parser = JsonOutput.mapper().createParser(stdout)) {
      JsonNode node = JsonOutput.mapper().readTree(parser);
      assertThat(parser.nextToken()).as("nothing after the JSON object").isNull();
      assertThat(node.isObject()).isTrue();
      return node;
    }
  }

  @Test
  void jsonHasTheCountsDensityHistogramAndQuantiles() throws IOException {
    CliRun r = CliRun.run("data", "info", "--json", "tiny");
    assertThat(r.status()).isZero();
    JsonNode json = singleJsonObject(r.out());
    assertThat(json.get("n_users").asInt()).isEqualTo(3);
    assertThat(json.get("n_items").asInt()).isEqualTo(4);
    assertThat(json.get("n_ratings").asInt()).isEqualTo(6);
    assertThat(json.get("n_levels").asInt()).isEqualTo(5);
    assertThat(json.get("density").asDouble()).isEqualTo(0.5);
    assertThat(json.get("histogram").get("5").asLong()).isEqualTo(2);
    assertThat(json.get("histogram").get("2").asLong()).isZero();
    assertThat(json.get("ratings_per_user").get("max").asDouble()).isEqualTo(3);
    assertThat(json.get("ratings_per_item").get("min").asDouble()).isEqualTo(1);
    assertThat(json.get("first_timestamp").asLong()).isEqualTo(1_000_000_000L);
    assertThat(json.get("dataset").asText()).isEqualTo("tiny");
  }

  private static Dataset withNotices(ItemTitles titles, String notice) {
    return new Dataset("tiny", new LoadedRatings(CliRun.tinyData().ratings(), titles,
        List.of(notice), "tiny"), Optional.empty(), Path.of("tiny"));
  }

  @Test
  void jsonStdoutIsOneObjectAndNoticesGoToStderr() throws IOException {
    Dataset data = withNotices(ItemTitles.of(new long[] {100}, new String[] {"A"}),
        "dropped 2 duplicate ratings");
    CliRun r = CliRun.run(CliRun.services(data), "data", "info", "--json", "tiny");
    singleJsonObject(r.out());
    assertThat(r.err()).contains("dropped 2 duplicate ratings");
    assertThat(r.out()).doesNotContain("dropped");
  }

  @Test
  void quietSuppressesNotices() {
    Dataset data = withNotices(ItemTitles.empty(), "a notice");
    CliRun r = CliRun.run(CliRun.services(data), "data", "info", "--quiet", "tiny");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void tableShowsSizesHistogramAndQuantiles() {
    CliRun r = CliRun.run("data", "info", "tiny");
    assertThat(r.status()).isZero();
    assertThat(r.out()).contains("users", "ratings", "density", "0.5000 (50.00%)",
        "1..5 step 1 (5 levels)", "2001-09-09");
    assertThat(r.out()).containsPattern("(?m)^\\s*5\\s+2\\s+33\\.3%$");
    assertThat(r.out()).containsPattern("(?m)^user\\s+1\\s+");
  }

  @Test
  void markdownPrintsPipeTables() {
    CliRun r = CliRun.run("data", "info", "--markdown", "tiny");
    assertThat(r.out()).contains("| rating | count | share |", "|---:|---:|---:|");
  }

  @Test
  void resolverReceivesTheNameAndDataDir() {
    String[] seen = new String[2];
    CliServices services = new CliServices((nameOrPath, dataDir, options, progress) -> {
      seen[0] = nameOrPath;
      seen[1] = String.valueOf(dataDir);
      return CliRun.tinyData();
    });
    CliRun.run(services, "data", "info", "--data-dir", "/tmp/d", "ml-1m");
    assertThat(seen).containsExactly("ml-1m", "/tmp/d");
  }

  @Test
  void halfStarHistogramKeysAreTheRatingValues() throws IOException {
    org.rbmrec.data.Ratings halfStars = org.rbmrec.data.Ratings.of(
        new int[] {0, 0}, new int[] {0, 1}, new byte[] {0, 9}, null,
        org.rbmrec.data.IdIndex.of("user", 1), org.rbmrec.data.IdIndex.of("item", 1, 2),
        org.rbmrec.data.RatingScale.HALF_STARS);
    CliRun r = CliRun.run(CliRun.services(Dataset.inMemory("half", halfStars)),
        "data", "info", "--json", "half");
    JsonNode json = singleJsonObject(r.out());
    assertThat(json.get("n_levels").asInt()).isEqualTo(10);
    assertThat(json.get("histogram").fieldNames()).toIterable()
        .containsExactly("0.5", "1", "1.5", "2", "2.5", "3", "3.5", "4", "4.5", "5");
    assertThat(json.get("histogram").get("0.5").asLong()).isEqualTo(1);
    assertThat(json.get("first_timestamp").isNull()).isTrue();
  }
}
