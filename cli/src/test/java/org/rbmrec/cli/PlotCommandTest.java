package org.rbmrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rbmrec.train.EpochReport;

class PlotCommandTest {
  @TempDir
  Path dir;

  private Path run(String name, double offset) throws IOException {
    Path runDir = dir.resolve(name);
    try (MetricsCsv.Writer w = MetricsCsv.Writer.create(runDir.resolve(MetricsCsv.FILE_NAME),
        List.of("train_rmse", "valid_rmse", "free_energy_gap"))) {
      for (int epoch = 1; epoch <= 6; epoch++) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("train_rmse", 1.2 - 0.05 * epoch + offset);
        m.put("valid_rmse", 1.25 - 0.03 * epoch + offset);
        if (epoch % 2 == 0) {
          m.put("free_energy_gap", 0.1 * epoch);
        }
        w.onEpoch(new EpochReport(epoch, 0.5, m));
      }
    }
    return runDir;
  }

  @Test
  void writesAPngWithOnePanelPerMetricGroup() throws IOException {
    Path a = run("a", 0);
    Path b = run("b", 0.02);
    Path png = dir.resolve("out/curves.png");
    CliRun r = CliRun.run("plot", a.toString(), b.toString(), "--out", png.toString(),
        "--width", "640", "--panel-height", "300");
    assertThat(r.status()).as(r.err()).isZero();
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isEqualTo(640);
    assertThat(image.getHeight()).isEqualTo(2 * 300); // rmse panel + gap panel
  }

  @Test
  void defaultsToThePngInsideASingleRunDirectory() throws IOException {
    Path a = run("only", 0);
    CliRun r = CliRun.run("plot", a.toString(), "--metrics", "valid_rmse");
    assertThat(r.status()).as(r.err()).isZero();
    BufferedImage image = ImageIO.read(a.resolve(PlotCommand.DEFAULT_FILE).toFile());
    assertThat(image.getWidth()).isEqualTo(900);
    assertThat(image.getHeight()).isEqualTo(420);
  }

  @Test
  void jsonReportsWhatWasWritten() throws IOException {
    Path a = run("a", 0);
    CliRun r = CliRun.run("plot", "--json", a.toString(), "--metrics",
        "train_rmse,free_energy_gap");
    JsonNode json = DataInfoCommandTest.singleJsonObject(r.out());
    assertThat(json.get("panels").asInt()).isEqualTo(2);
    assertThat(json.get("height").asInt()).isEqualTo(840);
    assertThat(Files.exists(Path.of(json.get("out").asText()))).isTrue();
  }

  @Test
  void missingRunDirectoryIsOneLineUserError() {
    CliRun r = CliRun.run("plot", dir.resolve("nope").toString());
    assertThat(r.status()).isEqualTo(ExitCode.USER);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).startsWith("rbmrec: error: run directory not found: ");
  }

  @Test
  void unknownMetricIsAUserErrorListingTheAvailableOnes() throws IOException {
    Path a = run("a", 0);
    CliRun r = CliRun.run("plot", a.toString(), "--metrics", "test_mae");
    assertThat(r.status()).isEqualTo(ExitCode.USER);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("test_mae", "train_rmse, valid_rmse, free_energy_gap");
  }

  @Test
  void tooSmallWidthIsAUserError() throws IOException {
    Path a = run("a", 0);
    CliRun r = CliRun.run("plot", a.toString(), "--width", "10");
    assertThat(r.status()).isEqualTo(ExitCode.USER);
    assertThat(r.err()).contains("plot width must be in [200, 8000] px, got 10");
  }

  @Test
  void metricsAreGroupedIntoPanelsByNameSuffix() {
    assertThat(LearningCurvePlot.panels(
        List.of("train_rmse", "free_energy_gap", "valid_rmse", "recon_error")))
        .containsExactly(List.of("train_rmse", "valid_rmse"), List.of("free_energy_gap"),
            List.of("recon_error"));
  }
}
