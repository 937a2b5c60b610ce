package org.rbmrec.cli.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;

/** A fresh temporary folder, {@link #dir}, for every try of a property, deleted after it. */
abstract class TempDirPerTry {
  /** This try's folder. */
  protected Path dir;

  @BeforeTry
  void createDir() throws IOException {
    dir = Files.createTempDirectory("rbmrec-" + getClass().getSimpleName());
  }

  @AfterTry
  void deleteDir() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
