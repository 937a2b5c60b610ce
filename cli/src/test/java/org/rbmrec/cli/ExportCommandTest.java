package org.rbmrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rbmrec.data.Ratings;
import org.rbmrec.model.baseline.BiasBaseline;
import org.rbmrec.model.baseline.BiasConfig;
import org.rbmrec.model.io.ModelFiles;
import org.rbmrec.model.io.SafeTensors;
import org.rbmrec.train.EpochListener;

class ExportCommandTest {
  @TempDir Path dir;

  /** A run folder holding a bias model trained on the tiny data set. */
  private Path runDir() throws Exception {
    Path run = Files.createDirectories(dir.resolve("run"));
    Ratings ratings = CliRun.tinyData().ratings();
    BiasBaseline model = BiasBaseline.fit(ratings, BiasConfig.defaults(), EpochListener.NONE);
    ModelFiles.save(model, ratings, run.resolve(ModelFiles.FILE_NAME), Map.of("seed", "42"));
    return run;
  }

  @Test
  void writesAnNpzBesideTheModelByDefaultAndDescribesItAsJson() throws Exception {
    Path run = runDir();
    CliRun result = CliRun.run("export", run.toString(), "--json");
    assertThat(result.status()).as(result.err()).isEqualTo(ExitCode.OK);
    Path npz = run.resolve("export.npz");
    assertThat(Files.size(npz)).isPositive();
    JsonNode json = JsonOutput.mapper().readTree(result.out());
    assertThat(json.get("path").asText()).isEqualTo(npz.toAbsolutePath().toString());
    assertThat(json.get("format").asText()).isEqualTo("npz");
    assertThat(json.get("model").asText()).isEqualTo("bias");
    assertThat(json.get("tensors").get("user_bias").toString()).isEqualTo("[3]");
    assertThat(json.get("tensors").get("item_bias").toString()).isEqualTo("[4]");
    assertThat(json.get("tensors").get("global_mean").toString()).isEqualTo("[]");
    assertThat(json.get("tensors").has("metadata_json")).isTrue();
  }

  @Test
  void writesSafetensorsWhereAskedThatReadBack() throws Exception {
    Path run = runDir();
    Path target = dir.resolve("bias.safetensors");
    CliRun result = CliRun.run("export", run.toString(), "--format", "safetensors", "--out",
        target.toString());
    assertThat(result.status()).as(result.err()).isEqualTo(ExitCode.OK);
    assertThat(result.out()).contains("wrote " + target).contains("user_ids");
    SafeTensors.Contents contents = SafeTensors.read(target);
    assertThat(contents.tensors().get("user_ids").longs()).containsExactly(7, 8, 9);
    assertThat(contents.metadata()).containsEntry("provenance.seed", "42");
  }

  @Test
  void aMissingRunFolderIsAUserErrorOnOneLine() {
    CliRun result = CliRun.run("export", dir.resolve("nope").toString());
    assertThat(result.status()).isEqualTo(ExitCode.USER);
    assertThat(result.errLines()).hasSize(1);
    assertThat(result.err()).contains("does not exist");
  }

  @Test
  void aRunFolderWithoutAModelIsAUserErrorOnOneLine() {
    CliRun result = CliRun.run("export", dir.toString());
    assertThat(result.status()).isEqualTo(ExitCode.USER);
    assertThat(result.errLines()).hasSize(1);
    assertThat(result.err()).contains("has no model.safetensors");
  }

  @Test
  void aCorruptModelFileIsAUserErrorOnOneLine() throws Exception {
    Path run = runDir();
    Path file = run.resolve(ModelFiles.FILE_NAME);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 3] ^= 1;
    Files.write(file, bytes);
    CliRun result = CliRun.run("export", run.toString());
    assertThat(result.status()).isEqualTo(ExitCode.USER);
    assertThat(result.errLines()).hasSize(1);
    assertThat(result.err()).contains("checksum");
    assertThat(Files.exists(run.resolve("export.npz"))).isFalse();
  }

  @Test
  void anUnknownFormatIsABadOption() throws Exception {
    CliRun result = CliRun.run("export", runDir().toString(), "--format", "pickle");
    assertThat(result.status()).isEqualTo(ExitCode.USER);
    assertThat(result.err()).contains("--format must be safetensors or npz, got 'pickle'");
  }
}
