package org.rbmrec.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the real MovieLens data in {@code ../shared/data} beside the clone (never inside it:
 * its licence forbids redistribution). Surefire passes the folder as the system property
 * {@code rbmrec.sharedData}.
 */
public final class SharedData {
  private SharedData() {}

  /** The {@code shared/data} folder. */
  public static Path dataDir() {
    String property = System.getProperty("rbmrec.sharedData");
    Path dir = property != null ? Path.of(property) : Path.of("..", "shared", "data");
    if (!Files.isDirectory(dir.resolve("ml-100k"))) {
      dir = Path.of("..", "..", "shared", "data");
    }
    if (!Files.isDirectory(dir.resolve("ml-100k"))) {
      throw new IllegalStateException(
          "the real ml-100k data is expected in ../shared/data/ml-100k beside the clone; not found"
              + " from " + Path.of("").toAbsolutePath());
    }
    return dir.toAbsolutePath().normalize();
  }

  /** The {@code shared/data/ml-100k} folder. */
  public static Path ml100k() {
    return dataDir().resolve("ml-100k");
  }
}
