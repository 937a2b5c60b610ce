package org.rbmrec.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/** Peak memory of this JVM: heap pools (resettable) and the process's resident set. */
final class MemoryPeaks {
  private MemoryPeaks() {}

  /** Collects garbage, then starts the heap pools' peaks afresh. */
  static void reset() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /**
   * The sum over heap pools of each pool's peak use since {@link #reset()}, in MiB: an upper
   * bound of the true peak, since pools peak at different moments.
   */
  static double heapMb() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum / (1024.0 * 1024.0);
  }

  /** The process's peak resident set ({@code VmHWM}) in MiB, or NaN where /proc is missing. */
  static double residentMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          String[] parts = line.trim().split("\\s+");
          return Long.parseLong(parts[1]) / 1024.0;
        }
      }
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
    return Double.NaN;
  }

  /** The JVM's maximum heap in MiB. */
  static double maxHeapMb() {
    return Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0);
  }
}
