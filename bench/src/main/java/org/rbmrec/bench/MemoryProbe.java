package org.rbmrec.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Memory and load figures of this JVM: heap pool peaks (resettable), the process's peak RSS,
 * its CPU time and the system load (other processes on a shared machine slow the timings).
 */
final class MemoryProbe {
  private static final Path STATUS = Path.of("/proc/self/status");

  private MemoryProbe() {}

  /** Collects garbage, then restarts the peak usage of every heap pool from its current use. */
  static void resetHeapPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** The sum over heap pools of their peak usage since the last reset, in MB (10⁶ bytes). */
  static double peakHeapMb() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak / 1e6;
  }

  /** CPU seconds used by this process so far (all threads), or NaN if unsupported. */
  static double processCpuSeconds() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      long nanos = os.getProcessCpuTime();
      return nanos < 0 ? Double.NaN : nanos / 1e9;
    }
    return Double.NaN;
  }

  /** The system load average over the last minute, or null if unavailable. */
  static Double loadAverage() {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return load < 0 ? null : load;
  }

  /** The maximum heap ({@code -Xmx}) in MB (10⁶ bytes). */
  static double maxHeapMb() {
    return Runtime.getRuntime().maxMemory() / 1e6;
  }

  /**
   * The peak resident set size of this process ({@code VmHWM} of {@code /proc/self/status}) in
   * MB (10⁶ bytes), or null where that file does not exist or has no such line.
   */
  static Double peakRssMb() {
    List<String> lines;
    try {
      lines = Files.readAllLines(STATUS);
    } catch (IOException | SecurityException e) {
      return null;
    }
    return parseHighWaterMark(lines);
  }

  /** The {@code VmHWM: N kB} line's value in MB, or null. */
  static Double parseHighWaterMark(List<String> statusLines) {
    for (String line : statusLines) {
      if (line.startsWith("VmHWM:")) {
        String[] parts = line.substring(6).trim().split("\\s+");
        try {
          return Long.parseLong(parts[0]) * 1024 / 1e6;
        } catch (NumberFormatException e) {
          return null;
        }
      }
    }
    return null;
  }
}
