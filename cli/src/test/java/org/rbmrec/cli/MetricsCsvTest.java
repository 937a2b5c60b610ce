package org.rbmrec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rbmrec.data.DataException;
import org.rbmrec.data.MalformedDataException;
import org.rbmrec.train.EpochReport;

class MetricsCsvTest {
  @TempDir
  Path dir;

  @Test
  void writtenReportsReadBackWithMissingMetricsAsNaN() throws IOException {
    Path file = dir.resolve("run/metrics.csv");
    try (MetricsCsv.Writer w = MetricsCsv.Writer.create(file, List.of("train_rmse",
        "free_energy_gap"))) {
      w.onEpoch(new EpochReport(1, 1.5, Map.of("train_rmse", 1.1, "free_energy_gap", 0.25)));
      w.onEpoch(new EpochReport(2, 1.25, Map.of("train_rmse", 0.95)));
    }
    assertThat(Files.readAllLines(file)).containsExactly(
        "epoch,seconds,train_rmse,free_energy_gap", "1,1.5,1.1,0.25", "2,1.25,0.95,");
    MetricsCsv.Contents c = MetricsCsv.read(file);
    assertThat(c.metricNames()).containsExactly("train_rmse", "free_energy_gap");
    assertThat(c.epochNumbers()).containsExactly(1, 2);
    assertThat(c.column("train_rmse")).containsExactly(1.1, 0.95);
    assertThat(c.column("free_energy_gap")[1]).isNaN();
    assertThat(c.epochs().get(1).seconds()).isEqualTo(1.25);
  }

  @Test
  void everyLineIsOnDiskBeforeClose() throws IOException {
    Path file = dir.resolve("metrics.csv");
    MetricsCsv.Writer w = MetricsCsv.Writer.create(file, List.of("valid_rmse"));
    w.onEpoch(new EpochReport(1, 2.0, Map.of("valid_rmse", 0.99)));
    assertThat(MetricsCsv.read(file).epochs()).hasSize(1);
    w.close();
  }

  @Test
  void writerRefusesMetricsOutsideItsColumns() throws IOException {
    try (MetricsCsv.Writer w = MetricsCsv.Writer.create(dir.resolve("m.csv"), List.of("a"))) {
      assertThatThrownBy(() -> w.onEpoch(new EpochReport(1, 1, Map.of("b", 1.0))))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("metric b");
    }
  }

  @Test
  void badNumberNamesFileLineAndColumn() throws IOException {
    Path file = dir.resolve("metrics.csv");
    Files.writeString(file, "epoch,seconds,train_rmse\n1,1.0,0.9\n2,1.0,oops\n");
    assertThatThrownBy(() -> MetricsCsv.read(file))
        .isInstanceOf(MalformedDataException.class)
        .hasMessageContaining("metrics.csv:3:")
        .hasMessageContaining("train_rmse")
        .hasMessageContaining("oops");
  }

  @Test
  void wrongHeaderIsMalformed() throws IOException {
    Path file = dir.resolve("metrics.csv");
    Files.writeString(file, "step,rmse\n1,0.9\n");
    assertThatThrownBy(() -> MetricsCsv.read(file))
        .isInstanceOf(MalformedDataException.class).hasMessageContaining(":1:");
  }

  @Test
  void missingFileIsADataException() {
    assertThatThrownBy(() -> MetricsCsv.read(dir.resolve("absent.csv")))
        .isInstanceOf(DataException.class).hasMessageContaining("not found");
  }
}
