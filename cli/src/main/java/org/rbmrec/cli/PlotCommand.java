package org.rbmrec.cli;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.rbmrec.data.DataException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rbmrec plot RUN_DIR...}: learning curves from each run's {@code metrics.csv} (see
 * {@link MetricsCsv}) into one PNG (see {@link LearningCurvePlot}). With {@code --json} it
 * prints {@code {"out", "runs", "metrics", "panels", "width", "height"}}.
 */
@Command(
    name = "plot",
    description = "Plot learning curves (metrics per epoch) of training runs to a PNG.")
public final class PlotCommand implements Callable<Integer> {
  /** The default image name. */
  public static final String DEFAULT_FILE = "learning_curves.png";

  @Mixin
  private CommonOptions common;

  @Parameters(
      arity = "1..*",
      paramLabel = "RUN_DIR",
      description = "Run directories holding metrics.csv (or metrics.csv files themselves).")
  private List<Path> runDirs;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE.png",
      description = "The PNG to write (default: RUN_DIR/" + DEFAULT_FILE + " for one run, ./"
          + DEFAULT_FILE + " for several).")
  private Path out;

  @Option(
      names = "--metrics",
      split = ",",
      paramLabel = "NAME",
      description = "Metrics to plot, comma-separated, such as train_rmse,valid_rmse,"
          + "free_energy_gap (default: every metric in the files).")
  private List<String> metrics;

  @Option(names = "--width", paramLabel = "PX", defaultValue = "900",
      description = "Image width in pixels (default: ${DEFAULT-VALUE}).")
  private int width;

  @Option(names = "--panel-height", paramLabel = "PX", defaultValue = "420",
      description = "Height of each panel in pixels (default: ${DEFAULT-VALUE}).")
  private int panelHeight;

  @Override
  public Integer call() throws Exception {
    LearningCurvePlot.Size size = new LearningCurvePlot.Size(width, panelHeight);
    List<LearningCurvePlot.Run> runs = readRuns();
    List<String> wanted = chosenMetrics(runs);
    BufferedImage image = LearningCurvePlot.render(runs, wanted, size);
    Path target = out != null ? out
        : runs.size() == 1 ? runDir(runDirs.get(0)).resolve(DEFAULT_FILE) : Path.of(DEFAULT_FILE);
    LearningCurvePlot.writePng(image, target);
    int panels = image.getHeight() / size.panelHeight();
    if (common.json()) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("out", target.toAbsolutePath().toString());
      json.put("runs", runs.size());
      json.put("metrics", wanted);
      json.put("panels", panels);
      json.put("width", image.getWidth());
      json.put("height", image.getHeight());
      JsonOutput.write(common.out(), json);
    } else {
      common.out().println("wrote " + target + " (" + image.getWidth() + "×" + image.getHeight()
          + " px, " + runs.size() + (runs.size() == 1 ? " run, " : " runs, ") + panels
          + (panels == 1 ? " panel)" : " panels)"));
      common.out().flush();
    }
    return ExitCode.OK;
  }

  private List<LearningCurvePlot.Run> readRuns() {
    List<LearningCurvePlot.Run> runs = new ArrayList<>();
    Set<String> labels = new HashSet<>();
    for (Path given : runDirs) {
      Path file = metricsFile(given);
      Path dir = runDir(given);
      String base = dir.getFileName() == null ? given.toString() : dir.getFileName().toString();
      String label = base;
      for (int n = 2; !labels.add(label); n++) {
        label = base + " (" + n + ")";
      }
      runs.add(new LearningCurvePlot.Run(label, MetricsCsv.read(file)));
    }
    return runs;
  }

  private static Path metricsFile(Path given) {
    if (Files.isRegularFile(given)) {
      return given;
    }
    if (!Files.isDirectory(given)) {
      throw new DataException("run directory not found: " + given);
    }
    Path file = given.resolve(MetricsCsv.FILE_NAME);
    if (!Files.isRegularFile(file)) {
      throw new DataException(given + " has no " + MetricsCsv.FILE_NAME
          + "; is it a training run directory?");
    }
    return file;
  }

  private static Path runDir(Path given) {
    Path absolute = given.toAbsolutePath().normalize();
    return Files.isRegularFile(absolute) ? absolute.getParent() : absolute;
  }

  private List<String> chosenMetrics(List<LearningCurvePlot.Run> runs) {
    Set<String> available = new LinkedHashSet<>();
    for (LearningCurvePlot.Run run : runs) {
      available.addAll(run.metrics().metricNames());
    }
    if (metrics == null || metrics.isEmpty()) {
      if (available.isEmpty()) {
        throw new DataException("the metrics files have no metric columns to plot");
      }
      return List.copyOf(available);
    }
    for (String metric : metrics) {
      if (!available.contains(metric)) {
        throw new DataException("metric " + metric + " is in no metrics.csv; available: "
            + String.join(", ", available));
      }
    }
    return List.copyOf(new LinkedHashSet<>(metrics));
  }
}
