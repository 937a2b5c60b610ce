package org.rbmrec.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rbmrec.data.DataException;

class AtomicFilesTest {
  @TempDir Path dir;

  private String[] folder() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
    }
  }

  @Test
  void replacesTheFileWithTheNewContent() throws IOException {
    Path file = dir.resolve("model.safetensors");
    Files.writeString(file, "old");
    AtomicFiles.write(file, out -> out.write("new content".getBytes()));
    assertThat(Files.readString(file)).isEqualTo("new content");
    assertThat(folder()).containsExactly("model.safetensors");
  }

  @Test
  void aWriterFailingMidwayLeavesTheOldFileIntactAndNoTemporaryFile() throws IOException {
    Path file = dir.resolve("model.safetensors");
    Files.writeString(file, "previous model");
    assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
      out.write(new byte[200_000]);
      throw new IOException("disk full");
    })).isInstanceOf(DataException.class).hasMessageContaining("disk full");
    assertThat(Files.readString(file)).isEqualTo("previous model");
    assertThat(folder()).containsExactly("model.safetensors");
  }

  @Test
  void aRuntimeFailureInTheWriterAlsoLeavesTheOldFileIntact() throws IOException {
    Path file = dir.resolve("export.npz");
    Files.writeString(file, "previous");
    assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
      out.write(1);
      throw new IllegalStateException("bug");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(Files.readString(file)).isEqualTo("previous");
    assertThat(folder()).containsExactly("export.npz");
  }

  @Test
  void aMissingFolderIsADataException() {
    assertThatThrownBy(() -> AtomicFiles.write(dir.resolve("absent/model.safetensors"),
        out -> out.write(1)))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("does not exist");
  }
}
