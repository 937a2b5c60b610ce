package org.rbmrec.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.rbmrec.data.io.DelimitedRatingsReader;
import org.rbmrec.data.io.LoadedRatings;
import org.rbmrec.data.io.RatingsCache;
import org.rbmrec.data.io.RatingsLoader;
import org.rbmrec.data.io.ReaderOptions;
import org.rbmrec.progress.Progress;

/**
 * End-to-end loading benchmark (not a timed test): parses a ratings file, writes its binary
 * cache, reloads it from the cache (checking that the reloaded data have the parsed data's
 * fingerprint), and prints one JSON object:
 * {@code {"file":…, "n_ratings":…, "n_users":…, "n_items":…, "parse_seconds":…,
 * "parse_and_cache_write_seconds":…, "cached_reload_seconds":…, "peak_heap_mb":…,
 * "max_heap_mb":…, "processors":…}}.
 *
 * <p>{@code peak_heap_mb} is the sum over heap memory pools of each pool's peak usage during the
 * parse (pools peak at different moments, so this is an upper bound of the true peak).
 *
 * <p>Usage: {@code java -Xmx3g -cp … org.rbmrec.bench.LoadBenchmark RATINGS_FILE [CACHE_DIR]};
 * the cache is written beside the file, or in CACHE_DIR when the file's folder is read-only.
 */
public final class LoadBenchmark {
  private LoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: LoadBenchmark RATINGS_FILE [CACHE_DIR]");
      System.exit(2);
    }
    Path file = Path.of(args[0]);
    Path cacheDir = args.length > 1 ? Path.of(args[1]) : null;
    ReaderOptions options = ReaderOptions.defaults();
    RatingsLoader loader = new RatingsLoader(cacheDir);
    RatingsCache cache = new RatingsCache(cacheDir);
    Files.deleteIfExists(RatingsCache.primaryPath(file));
    if (cache.fallbackPath(file) != null) {
      Files.deleteIfExists(cache.fallbackPath(file));
    }

    System.gc();
    resetPeaks();
    long t0 = System.nanoTime();
    LoadedRatings parsed = new DelimitedRatingsReader(options).read(file, Progress.NONE);
    double parseSeconds = (System.nanoTime() - t0) / 1e9;
    double peakHeapMb = peakHeapBytes() / (1024.0 * 1024.0);

    long t1 = System.nanoTime();
    loader.loadCached(file, options, Progress.NONE); // cache miss: parses again, then writes
    double parseAndWriteSeconds = (System.nanoTime() - t1) / 1e9;
    int n = parsed.ratings().size();
    long parsedFingerprint = parsed.ratings().fingerprint();
    parsed = null;

    System.gc();
    long t2 = System.nanoTime();
    LoadedRatings cached = loader.loadCached(file, options, Progress.NONE);
    double reloadSeconds = (System.nanoTime() - t2) / 1e9;
    boolean hit = cached.notices().stream().anyMatch(s -> s.startsWith("loaded parsed ratings"));
    if (!hit || cached.ratings().size() != n) {
      throw new IllegalStateException("the second load did not come from the cache");
    }
    if (cached.ratings().fingerprint() != parsedFingerprint) {
      throw new IllegalStateException("the cached data differ from the parsed data");
    }

    System.out.println(String.format(Locale.ROOT,
        "{\"file\": \"%s\", \"n_ratings\": %d, \"n_users\": %d, \"n_items\": %d,"
            + " \"parse_seconds\": %.3f, \"parse_and_cache_write_seconds\": %.3f,"
            + " \"cached_reload_seconds\": %.3f, \"peak_heap_mb\": %.1f,"
            + " \"max_heap_mb\": %.1f, \"processors\": %d}",
        jsonEscape(file.toAbsolutePath().toString()), n, cached.ratings().numUsers(),
        cached.ratings().numItems(), parseSeconds, parseAndWriteSeconds, reloadSeconds,
        peakHeapMb, Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0),
        Runtime.getRuntime().availableProcessors()));
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long peakHeapBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static String jsonEscape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
