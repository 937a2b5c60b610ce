package org.rbmrec.bench.librec;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real ml-100k folder beside the clone ({@code ../shared/data/ml-100k}, never inside it), found
 * through the system property {@code rbmrec.sharedData} that Surefire sets.
 */
final class BenchData {
  private BenchData() {}

  static Path ml100k() {
    String property = System.getProperty("rbmrec.sharedData");
    Path dir = (property != null ? Path.of(property) : Path.of("..", "..", "shared", "data"))
        .resolve("ml-100k");
    if (!Files.isRegularFile(dir.resolve("u1.base"))) {
      throw new IllegalStateException("the real ml-100k data is expected in " + dir.toAbsolutePath()
          + " (set -Drbmrec.sharedData)");
    }
    return dir.toAbsolutePath().normalize();
  }
}
