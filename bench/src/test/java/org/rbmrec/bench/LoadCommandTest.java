package org.rbmrec.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rbmrec.cli.JsonOutput;

class LoadCommandTest {
  @TempDir
  Path dir;

  private static JsonNode run(int expectedStatus, String... args) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = BenchMain.run(args, new PrintWriter(out), new PrintWriter(err));
    assertThat(status).as(err.toString()).isEqualTo(expectedStatus);
    return expectedStatus == 0 ? JsonOutput.mapper().readTree(out.toString()) : null;
  }

  @Test
  void aSmallSyntheticFileIsParsedCachedAndReloadedWithTheContractKeys() throws Exception {
    JsonNode json = run(0, "load", "--scale", "0.007", "--json", "-q");
    assertThat(json.get("n_ratings").asInt()).isPositive();
    for (String key : new String[] {"parse_seconds", "cached_reload_seconds", "peak_heap_mb",
        "generate_seconds", "write_seconds", "max_heap_mb"}) {
      assertThat(json.get(key).asDouble()).as(key).isPositive();
    }
  }

  @Test
  void aGivenFileIsMeasuredWithoutWritingACacheBesideIt() throws Exception {
    Path csv = dir.resolve("r.csv");
    Files.writeString(csv, "1,1,4\n1,2,3\n2,1,5\n");
    JsonNode json = run(0, "load", csv.toString(), "--json", "-q");
    assertThat(json.get("n_ratings").asInt()).isEqualTo(3);
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(csv);
    }
  }

  @Test
  void aMissingFileIsAUserError() throws Exception {
    run(2, "load", dir.resolve("none.csv").toString());
  }
}
