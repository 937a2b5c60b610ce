package org.rbmrec.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.rbmrec.cli.CommonOptions;
import org.rbmrec.cli.JsonOutput;
import org.rbmrec.data.Ratings;
import org.rbmrec.data.io.DelimitedRatingsReader;
import org.rbmrec.data.io.LoadedRatings;
import org.rbmrec.data.io.RatingsLoader;
import org.rbmrec.data.io.ReaderOptions;
import org.rbmrec.data.synth.CsvRatingsWriter;
import org.rbmrec.data.synth.SyntheticConfig;
import org.rbmrec.data.synth.SyntheticRatings;
import org.rbmrec.progress.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rbmrec bench load [FILE] [--scale F]}: how fast ratings load. Without FILE it first
 * writes a synthetic ratings CSV of ml-20m's shape (20,000,263 ratings; scaled by
 * {@code --scale}) into a temporary folder. It then parses the file, writes its binary cache,
 * reloads it from the cache (checking that the reload equals the parse), and prints one JSON
 * object: {@code file, n_ratings, n_users, n_items, generate_seconds, write_seconds,
 * parse_seconds, parse_and_cache_write_seconds, cached_reload_seconds, peak_heap_mb,
 * peak_rss_mb, max_heap_mb, processors}. {@code peak_heap_mb} is the heap peak during the parse
 * alone (see {@link MemoryProbe#peakHeapMb()}).
 */
@Command(
    name = "load",
    description = "Time parsing a ratings file, writing its cache and reloading it (default: a"
        + " synthetic ml-20m-shaped ratings.csv).")
public final class LoadCommand implements Callable<Integer> {
  @Mixin
  private CommonOptions common;

  @Parameters(paramLabel = "FILE", arity = "0..1",
      description = "A ratings file (default: generate a synthetic ml-20m-shaped one).")
  private Path file;

  @Option(names = "--scale", paramLabel = "F", defaultValue = "1",
      description = "Shrink the synthetic data by this factor in (0, 1] (default: 1).")
  private double scale;

  @Override
  public Integer call() throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    Path work = Files.createTempDirectory("rbmrec-bench-load-");
    try {
      Path source = file;
      if (source == null) {
        source = work.resolve("ratings.csv");
        SyntheticConfig config = SyntheticConfig.ml20mShape().withSeed(common.seed());
        if (scale != 1) {
          config = config.scaled(scale);
        }
        long t0 = System.nanoTime();
        Ratings synthetic =
            SyntheticRatings.generate(config, common.progress(), common.threads()).ratings();
        long t1 = System.nanoTime();
        CsvRatingsWriter.write(synthetic, source, common.progress());
        json.put("generate_seconds", (t1 - t0) / 1e9);
        json.put("write_seconds", (System.nanoTime() - t1) / 1e9);
      } else if (!Files.isRegularFile(source)) {
        throw new org.rbmrec.data.DataException("no ratings file " + source);
      }
      measure(source, work.resolve("cache"), json);
    } finally {
      deleteTree(work);
    }
    if (common.json()) {
      JsonOutput.write(common.out(), json);
    } else {
      json.forEach((k, v) -> common.out().printf(Locale.ROOT, "%-30s %s%n", k,
          v instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : v));
      common.out().flush();
    }
    return 0;
  }

  private void measure(Path source, Path cacheDir, Map<String, Object> json) throws IOException {
    ReaderOptions options = ReaderOptions.defaults();
    // Caches go to the temporary folder, never beside the user's file.
    RatingsLoader loader = new RatingsLoader(cacheDir);
    Files.createDirectories(cacheDir);
    MemoryProbe.resetHeapPeaks();
    long t0 = System.nanoTime();
    LoadedRatings parsed = new DelimitedRatingsReader(options).read(source, Progress.NONE);
    double parseSeconds = (System.nanoTime() - t0) / 1e9;
    double peakHeap = MemoryProbe.peakHeapMb();
    long fingerprint = parsed.ratings().fingerprint();
    Ratings shape = parsed.ratings();
    json.put("file", file == null ? "synthetic ml-20m shape (scale " + scale + ")"
        : source.toAbsolutePath().toString());
    json.put("n_ratings", shape.size());
    json.put("n_users", shape.numUsers());
    json.put("n_items", shape.numItems());
    parsed = null;
    shape = null;

    // A link in the temporary folder, so the cache is written there and not beside the file.
    Path copy = cacheDir.resolve(source.getFileName());
    try {
      Files.createSymbolicLink(copy, source.toAbsolutePath());
    } catch (UnsupportedOperationException | IOException e) {
      Files.copy(source, copy);
    }
    long t1 = System.nanoTime();
    loader.loadCached(copy, options, Progress.NONE);
    double parseAndWrite = (System.nanoTime() - t1) / 1e9;
    System.gc();
    long t2 = System.nanoTime();
    LoadedRatings cached = loader.loadCached(copy, options, Progress.NONE);
    double reload = (System.nanoTime() - t2) / 1e9;
    if (cached.notices().stream().noneMatch(s -> s.startsWith("loaded parsed ratings"))) {
      throw new IllegalStateException("the second load did not come from the cache");
    }
    if (cached.ratings().fingerprint() != fingerprint) {
      throw new IllegalStateException("the cached data differ from the parsed data");
    }
    json.put("parse_seconds", parseSeconds);
    json.put("parse_and_cache_write_seconds", parseAndWrite);
    json.put("cached_reload_seconds", reload);
    json.put("peak_heap_mb", peakHeap);
    json.put("peak_rss_mb", MemoryProbe.peakRssMb());
    json.put("max_heap_mb", MemoryProbe.maxHeapMb());
    json.put("processors", Runtime.getRuntime().availableProcessors());
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + root, e);
    }
  }
}
