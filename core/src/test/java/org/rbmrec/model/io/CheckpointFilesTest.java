package org.rbmrec.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rbmrec.data.DataException;
import org.rbmrec.model.rbm.RbmConfig;
import org.rbmrec.model.rbm.TrainingCheckpoint;

class CheckpointFilesTest {
  @TempDir
  Path dir;

  private static TrainingCheckpoint checkpoint() {
    Map<String, Object> arrays = new LinkedHashMap<>();
    Map<String, long[]> shapes = new LinkedHashMap<>();
    arrays.put("param.w", new float[] {0.5f, -1.25f, Float.MIN_VALUE, 3e-8f, 7f, -0f});
    shapes.put("param.w", new long[] {1, 2, 3});
    arrays.put("average.hidden_bias", new double[] {1e-300, 2.5});
    shapes.put("average.hidden_bias", new long[] {2});
    arrays.put("order", new int[] {4, 0, 2});
    shapes.put("order", new long[] {3});
    arrays.put("chains", new byte[] {0, 4, 2, 1});
    shapes.put("chains", new long[] {4});
    return new TrainingCheckpoint(RbmConfig.builder().hidden(3).seed(9).build(),
        Map.of("train", "6 ratings", "run.split", "u1"),
        Map.of("epochs_completed", "2", "rows_done", "32", "recon_sse", "0.1"),
        arrays, shapes);
  }

  @Test
  void aCheckpointReadsBackWithTheSameArraysShapesStateAndConfig() {
    Path file = dir.resolve(CheckpointFiles.FILE_NAME);
    TrainingCheckpoint written = checkpoint();
    CheckpointFiles.write(file, written);
    TrainingCheckpoint read = CheckpointFiles.read(file);
    assertThat(read.config()).isEqualTo(written.config());
    assertThat(read.fingerprint()).isEqualTo(written.fingerprint());
    assertThat(read.scalars()).isEqualTo(written.scalars());
    assertThat(read.epochsCompleted()).isEqualTo(2);
    assertThat(read.rowsDone()).isEqualTo(32);
    assertThat(read.arrays().keySet()).containsExactlyElementsOf(written.arrays().keySet());
    assertThat((float[]) read.arrays().get("param.w"))
        .containsExactly((float[]) written.arrays().get("param.w"));
    assertThat(read.shape("param.w")).containsExactly(1, 2, 3);
    assertThat((double[]) read.arrays().get("average.hidden_bias")).containsExactly(1e-300, 2.5);
    assertThat((int[]) read.arrays().get("order")).containsExactly(4, 0, 2);
    assertThat((byte[]) read.arrays().get("chains")).containsExactly(0, 4, 2, 1);
  }

  @Test
  void aFlippedByteIsDetected() throws IOException {
    Path file = dir.resolve(CheckpointFiles.FILE_NAME);
    CheckpointFiles.write(file, checkpoint());
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 3] ^= 1;
    Files.write(file, bytes);
    assertThatThrownBy(() -> CheckpointFiles.read(file))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("checksum");
  }

  @Test
  void aModelFileIsNotACheckpoint() {
    Path file = dir.resolve("model.safetensors");
    SafeTensors.write(file, Map.of("x", Tensor.f32(new float[] {1})),
        Map.of("format", ModelFiles.FORMAT, "format_version", "1"));
    assertThatThrownBy(() -> CheckpointFiles.read(file))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("not an rbmrec checkpoint");
  }

  @Test
  void anotherFormatVersionIsRefusedNamingIt() {
    Path file = dir.resolve("future.safetensors");
    SafeTensors.write(file, Map.of("x", Tensor.f32(new float[] {1})),
        Map.of("format", CheckpointFiles.FORMAT, "format_version", "99"));
    assertThatThrownBy(() -> CheckpointFiles.read(file))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("version '99'");
  }

  @Test
  void aShapeThatDoesNotFitItsArrayIsRefused() {
    assertThatThrownBy(() -> new TrainingCheckpoint(RbmConfig.defaults(), Map.of(), Map.of(),
        Map.of("order", new int[3]), Map.of("order", new long[] {4})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("order");
  }
}
