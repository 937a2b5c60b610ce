package org.rbmrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSynthCommandTest {
  @TempDir
  Path dir;

  @Test
  void writesACsvWithTheRequestedShapeAndReportsItAsJson() throws Exception {
    Path csv = dir.resolve("synth.csv");
    CliRun r = CliRun.run("data", "synth", "--users", "60", "--items", "40", "--ratings",
        "1500", "--seed", "7", "--json", "-o", csv.toString());
    assertThat(r.status()).as(r.err()).isZero();
    JsonNode json = DataInfoCommandTest.singleJsonObject(r.out());
    assertThat(json.get("n_users").asInt()).isEqualTo(60);
    assertThat(json.get("n_items").asInt()).isEqualTo(40);
    assertThat(json.get("n_ratings").asInt()).isEqualTo(1500);
    assertThat(json.get("n_levels").asInt()).isEqualTo(10);
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.get(0)).isEqualTo("userId,movieId,rating,timestamp");
    assertThat(lines).hasSize(1501);
  }

  @Test
  void theSameSeedWritesTheSameFile() throws Exception {
    Path a = dir.resolve("a.csv");
    Path b = dir.resolve("b.csv");
    CliRun.run("data", "synth", "--users", "30", "--items", "20", "--ratings", "600", "-o",
        a.toString());
    CliRun.run("data", "synth", "--users", "30", "--items", "20", "--ratings", "600", "-o",
        b.toString());
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
  }

  @Test
  void anImpossibleShapeIsAUserErrorOnOneLine() {
    CliRun r = CliRun.run("data", "synth", "--users", "2", "--items", "3", "--ratings", "100",
        "-o", dir.resolve("x.csv").toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("ratings must be in");
  }
}
