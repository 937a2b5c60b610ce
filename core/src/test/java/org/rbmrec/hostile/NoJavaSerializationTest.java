package org.rbmrec.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No production source of any module reads or writes Java serialization: model files, caches
 * and run folders are data (safetensors, a documented binary cache, JSON), so a hostile file can
 * never run code through deserialization.
 */
class NoJavaSerializationTest {
  private static final Pattern FORBIDDEN = Pattern.compile(
      "ObjectInputStream|ObjectOutputStream|\\breadObject\\b|\\bwriteObject\\b"
          + "|\\breadResolve\\b|\\bXMLDecoder\\b");

  /** The repository root: the nearest folder above the working directory with modules. */
  private static Path repositoryRoot() throws IOException {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path pom = p.resolve("pom.xml");
      if (Files.isRegularFile(pom) && Files.readString(pom).contains("<module>core</module>")) {
        return p;
      }
    }
    throw new IllegalStateException("no parent pom.xml with <module>core</module> above "
        + Path.of("").toAbsolutePath());
  }

  @Test
  void noMainSourceOfAnyModuleUsesJavaSerialization() throws IOException {
    Path root = repositoryRoot();
    List<Path> mainFolders = new ArrayList<>();
    try (Stream<Path> modules = Files.list(root)) {
      for (Path module : modules.toList()) {
        Path main = module.resolve("src/main");
        if (Files.isDirectory(main)) {
          mainFolders.add(main);
        }
      }
    }
    assertThat(mainFolders).extracting(p -> p.getParent().getParent().getFileName().toString())
        .contains("core", "cli");
    List<String> offenders = new ArrayList<>();
    int scanned = 0;
    for (Path main : mainFolders) {
      try (Stream<Path> files = Files.walk(main)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")
            || f.toString().endsWith(".scala") || f.toString().endsWith(".kt")).toList()) {
          scanned++;
          List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
          for (int i = 0; i < lines.size(); i++) {
            if (FORBIDDEN.matcher(lines.get(i)).find()) {
              offenders.add(root.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
            }
          }
        }
      }
    }
    assertThat(scanned).isGreaterThan(100);
    assertThat(offenders).isEmpty();
  }
}
