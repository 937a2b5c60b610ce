package org.rbmrec.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rbmrec.data.Ratings;
import org.rbmrec.data.synth.CsvRatingsWriter;
import org.rbmrec.data.synth.SyntheticConfig;
import org.rbmrec.data.synth.SyntheticRatings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rbmrec data synth --out FILE}: generates a synthetic rating set shaped like ml-20m
 * (power-law item popularity and user activity, ratings from a planted low-rank model) and
 * writes it as an ml-20m-style {@code userId,movieId,rating,timestamp} CSV that every reader
 * loads. With {@code --json}: {@code {"path", "n_users", "n_items", "n_ratings", "n_levels",
 * "seed", "generate_seconds", "write_seconds"}}.
 */
@Command(
    name = "synth",
    description = "Generate synthetic ratings shaped like ml-20m (or scaled down) as a CSV file.")
public final class DataSynthCommand implements Callable<Integer> {
  @Mixin
  private CommonOptions common;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true,
      description = "The CSV file to write.")
  private Path out;

  @Option(names = "--scale", paramLabel = "F", defaultValue = "1",
      description = "Shrink users, items and ratings by this factor in (0, 1] (default: 1, the"
          + " full ml-20m shape: 138,493 users, 26,744 items, 20,000,263 ratings).")
  private double scale;

  @Option(names = "--users", paramLabel = "N", description = "Number of users (overrides --scale).")
  private Integer users;

  @Option(names = "--items", paramLabel = "N", description = "Number of items (overrides --scale).")
  private Integer items;

  @Option(names = "--ratings", paramLabel = "N",
      description = "Number of ratings (overrides --scale).")
  private Integer ratings;

  @Override
  public Integer call() {
    SyntheticConfig config = config();
    long t0 = System.nanoTime();
    SyntheticRatings synth = SyntheticRatings.generate(config, common.progress(), common.threads());
    long t1 = System.nanoTime();
    Ratings data = synth.ratings();
    CsvRatingsWriter.write(data, out, common.progress());
    long t2 = System.nanoTime();
    if (common.json()) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("path", out.toAbsolutePath().toString());
      json.put("n_users", data.numUsers());
      json.put("n_items", data.numItems());
      json.put("n_ratings", data.size());
      json.put("n_levels", data.scale().levels());
      json.put("seed", config.seed());
      json.put("generate_seconds", (t1 - t0) / 1e9);
      json.put("write_seconds", (t2 - t1) / 1e9);
      JsonOutput.write(common.out(), json);
    } else {
      common.out().printf(java.util.Locale.ROOT,
          "wrote %,d ratings of %,d users on %,d items to %s (generated in %.1f s, written in"
              + " %.1f s)%n",
          data.size(), data.numUsers(), data.numItems(), out, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
      common.out().flush();
    }
    return ExitCode.OK;
  }

  private SyntheticConfig config() {
    SyntheticConfig config = SyntheticConfig.ml20mShape().withSeed(common.seed());
    if (scale != 1) {
      config = config.scaled(scale);
    }
    if (users != null || items != null || ratings != null) {
      int u = users != null ? users : config.users();
      int i = items != null ? items : config.items();
      int r = ratings != null ? ratings : config.ratings();
      int min = Math.min(config.minRatingsPerUser(), Math.max(1, r / Math.max(1, u)));
      config = config.withShape(u, i, r, Math.min(min, i));
    }
    return config;
  }
}
