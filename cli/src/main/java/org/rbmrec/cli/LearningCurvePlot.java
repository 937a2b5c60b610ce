package org.rbmrec.cli;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.rbmrec.data.DataException;

/**
 * Learning curves: metrics per epoch of one or more runs, drawn with XChart and stacked into one
 * PNG. Metrics are grouped into panels by the part of their name after the last underscore, so
 * {@code train_rmse} and {@code valid_rmse} share an "rmse" panel while {@code free_energy_gap}
 * gets a "gap" panel below it; panels appear in the order their first metric is listed. Every
 * panel is {@code width × panelHeight} pixels, so the image is {@code width × (panels ×
 * panelHeight)}. Epochs where a metric was not measured (NaN) are left out of its line.
 *
 * <p>Rendering needs no display; {@link Main#main} and {@code bin/rbmrec} run Java with
 * {@code java.awt.headless=true}.
 */
public final class LearningCurvePlot {
  private LearningCurvePlot() {}

  /**
   * One run's curves.
   *
   * @param label the name shown in legends, such as the run directory's name
   * @param metrics the run's per-epoch metrics
   */
  public record Run(String label, MetricsCsv.Contents metrics) {
    public Run {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(metrics, "metrics");
    }
  }

  /**
   * Image size.
   *
   * @param width pixels, in [200, 8000]
   * @param panelHeight pixels per panel, in [150, 4000]
   */
  public record Size(int width, int panelHeight) {
    public Size {
      if (width < 200 || width > 8000) {
        throw new IllegalArgumentException("plot width must be in [200, 8000] px, got " + width);
      }
      if (panelHeight < 150 || panelHeight > 4000) {
        throw new IllegalArgumentException(
            "plot panel height must be in [150, 4000] px, got " + panelHeight);
      }
    }

    /** 900 × 420 pixels per panel. */
    public static Size defaults() {
      return new Size(900, 420);
    }
  }

  /** Groups metric names into panels by the suffix after their last underscore, in order. */
  public static List<List<String>> panels(List<String> metrics) {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (String metric : metrics) {
      groups.computeIfAbsent(suffix(metric), s -> new ArrayList<>()).add(metric);
    }
    return new ArrayList<>(groups.values());
  }

  private static String suffix(String metric) {
    int underscore = metric.lastIndexOf('_');
    return underscore < 0 ? metric : metric.substring(underscore + 1);
  }

  /**
   * Draws the learning curves of {@code metrics} for every run.
   *
   * @throws DataException if no run has a finite value of any of the metrics
   */
  public static BufferedImage render(List<Run> runs, List<String> metrics, Size size) {
    List<XYChart> charts = new ArrayList<>();
    for (List<String> panel : panels(metrics)) {
      XYChart chart = chart(runs, panel, size);
      if (!chart.getSeriesMap().isEmpty()) {
        charts.add(chart);
      }
    }
    if (charts.isEmpty()) {
      throw new DataException("nothing to plot: no run has a value for " + metrics);
    }
    BufferedImage image = new BufferedImage(
        size.width(), size.panelHeight() * charts.size(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      for (int p = 0; p < charts.size(); p++) {
        g.drawImage(BitmapEncoder.getBufferedImage(charts.get(p)), 0, p * size.panelHeight(),
            null);
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  private static XYChart chart(List<Run> runs, List<String> panel, Size size) {
    XYChart chart = new XYChartBuilder()
        .width(size.width())
        .height(size.panelHeight())
        .title(String.join(", ", panel))
        .xAxisTitle("epoch")
        .yAxisTitle(suffix(panel.get(0)))
        .build();
    chart.getStyler()
        .setLegendPosition(Styler.LegendPosition.InsideNE)
        .setChartBackgroundColor(Color.WHITE)
        .setMarkerSize(5);
    chart.getStyler().setXAxisDecimalPattern("0");
    for (Run run : runs) {
      for (String metric : panel) {
        if (!run.metrics().metricNames().contains(metric)) {
          continue;
        }
        double[][] xy = finitePoints(run.metrics().epochNumbers(), run.metrics().column(metric));
        if (xy[0].length == 0) {
          continue;
        }
        String name = runs.size() == 1 ? metric : run.label() + ": " + metric;
        XYSeries series = chart.addSeries(name, xy[0], xy[1]);
        series.setMarker(SeriesMarkers.CIRCLE);
      }
    }
    return chart;
  }

  private static double[][] finitePoints(double[] x, double[] y) {
    double[] fx = new double[x.length];
    double[] fy = new double[y.length];
    int n = 0;
    for (int i = 0; i < x.length; i++) {
      if (Double.isFinite(y[i])) {
        fx[n] = x[i];
        fy[n] = y[i];
        n++;
      }
    }
    return new double[][] {Arrays.copyOf(fx, n), Arrays.copyOf(fy, n)};
  }

  /** Writes {@code image} as a PNG, replacing {@code file} atomically where possible. */
  public static void writePng(BufferedImage image, Path file) throws IOException {
    Path target = file.toAbsolutePath();
    Files.createDirectories(target.getParent());
    Path temp = Files.createTempFile(target.getParent(), ".plot-", ".png.tmp");
    try {
      if (!ImageIO.write(image, "png", temp.toFile())) {
        throw new IOException("no PNG writer available");
      }
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
