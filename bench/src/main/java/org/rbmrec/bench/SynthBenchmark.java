package org.rbmrec.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.rbmrec.data.Ratings;
import org.rbmrec.data.synth.SyntheticConfig;
import org.rbmrec.data.synth.SyntheticRatings;
import org.rbmrec.progress.Progress;

/**
 * Times the synthetic generator on the ml-20m shape (or a scaled one) and the CSV writer, and
 * prints one JSON line:
 * {@code {"n_ratings":…, "generate_seconds":…, "write_seconds":…, "peak_heap_mb":…}}.
 *
 * <p>Usage: {@code SynthBenchmark [factor] [csv]}: factor in (0, 1] scales the ml-20m shape
 * (default 1); the CSV goes to {@code csv} if given, otherwise to a temporary file that is
 * deleted afterwards.
 */
public final class SynthBenchmark {
  private SynthBenchmark() {}

  public static void main(String[] args) throws IOException {
    double factor = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
    Path keep = args.length > 1 ? Path.of(args[1]) : null;
    SyntheticConfig config = SyntheticConfig.ml20mShape().scaled(factor);

    long t0 = System.nanoTime();
    Ratings ratings = SyntheticRatings.generate(config, Progress.NONE).ratings();
    double generateSeconds = (System.nanoTime() - t0) / 1e9;

    Path csv = keep != null ? keep : Files.createTempFile("rbmrec-synth-", ".csv");
    double writeSeconds;
    long bytes;
    try {
      long t1 = System.nanoTime();
      SyntheticRatings.write(ratings, csv);
      writeSeconds = (System.nanoTime() - t1) / 1e9;
      bytes = Files.size(csv);
    } finally {
      if (keep == null) {
        Files.deleteIfExists(csv);
      }
    }
    System.out.println(String.format(Locale.ROOT,
        "{\"n_ratings\":%d, \"n_users\":%d, \"n_items\":%d, \"threads\":%d,"
            + " \"generate_seconds\":%.3f, \"write_seconds\":%.3f, \"csv_mb\":%.1f,"
            + " \"peak_heap_mb\":%.1f}",
        ratings.size(), ratings.numUsers(), ratings.numItems(),
        Runtime.getRuntime().availableProcessors(), generateSeconds, writeSeconds,
        bytes / 1e6, peakHeapBytes() / 1e6));
  }

  /** The sum over heap memory pools of their peak usage, in bytes. */
  private static long peakHeapBytes() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
