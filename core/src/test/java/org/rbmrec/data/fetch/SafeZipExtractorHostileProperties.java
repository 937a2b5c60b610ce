package org.rbmrec.data.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;
import org.rbmrec.data.DataException;
import org.rbmrec.progress.Progress;

/**
 * Zips that try to write outside the target folder — {@code ..} segments, absolute paths (to a
 * real folder next to the target), drive letters, backslashes, NUL, symbolic links — and zips
 * that are random or damaged bytes. Whatever the zip, nothing is ever written outside the target;
 * a rejected zip leaves no target and no temporary folder; an accepted one holds exactly its
 * entries' contents.
 *
 * <p>Documented behaviour: an entry that is a Unix symbolic link is refused. Were one to go
 * unnoticed in a damaged central directory, the JDK's {@code ZipFile} still writes it as a
 * regular file holding the link text, never as a link, so nothing is written through it.
 */
class SafeZipExtractorHostileProperties {
  private static final String ABSOLUTE = "<abs>";

  private Path root;
  private Path inner;

  @BeforeTry
  void createSandbox() throws IOException {
    root = Files.createTempDirectory("rbmrec-hostile-zip");
    inner = Files.createDirectory(root.resolve("inner"));
  }

  @AfterTry
  void deleteSandbox() throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Provide
  Arbitrary<String> hostileNames() {
    Arbitrary<String> segment = Arbitraries.of("ml-100k", "u.data", "a", "..", ".", "", "C:",
        "c:x", "..\\..", "x\\y", "\\", "...", "..a", "a\u0000b", "\u2025", "%2e%2e", "~");
    Arbitrary<String> prefix = Arbitraries.of("", "", "", "/", "//", "\\", "C:/", "./", ABSOLUTE,
        "ml-100k/", "ml-100k/../");
    return net.jqwik.api.Combinators.combine(prefix,
        segment.list().ofMinSize(1).ofMaxSize(4).map(parts -> String.join("/", parts)))
        .as(String::concat);
  }

  @Property(tries = 150)
  void nothingIsEverWrittenOutsideTheTarget(
      @ForAll @Size(min = 1, max = 4) List<@net.jqwik.api.From("hostileNames") String> names,
      @ForAll @IntRange(min = -1, max = 3) int symlink, @ForAll boolean onlyTopFolder)
      throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("ml-100k/u.data", "1\t10\t5\t881250949\n");
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i).replace(ABSOLUTE, root.toAbsolutePath() + "/");
      entries.putIfAbsent(name, "content " + i);
    }
    byte[] bytes = FakeMovieLens.zip(entries);
    List<String> names0 = new ArrayList<>(entries.keySet());
    if (symlink >= 0) {
      SafeZipExtractorTest.markAsSymlink(bytes, names0.get(symlink % names0.size()));
    }
    Path zip = Files.write(inner.resolve("hostile.zip"), bytes);
    Path target = inner.resolve("out");
    SafeZipExtractor extractor = SafeZipExtractor.defaults();
    Throwable thrown = catchThrowable(() -> {
      if (onlyTopFolder) {
        extractor.extract(zip, "ml-100k", target, Progress.NONE);
      } else {
        extractor.extract(zip, target, Progress.NONE);
      }
    });
    assertContained(zip, target, thrown, new HashSet<>(entries.values()));
  }

  @Property(tries = 100)
  void randomOrDamagedZipsFailClearlyOrExtractInside(
      @ForAll @Size(max = 300) byte[] random,
      @ForAll @IntRange(min = 0, max = 2) int how,
      @ForAll @IntRange(min = 0, max = 100_000) int position,
      @ForAll @IntRange(min = 1, max = 255) int mask) throws IOException {
    byte[] valid = FakeMovieLens.ml100kZip();
    byte[] bytes = switch (how) {
      case 0 -> random;
      case 1 -> java.util.Arrays.copyOf(valid, position % valid.length);
      default -> {
        byte[] flipped = valid.clone();
        flipped[position % flipped.length] ^= (byte) mask;
        yield flipped;
      }
    };
    Path zip = Files.write(inner.resolve("damaged.zip"), bytes);
    Path target = inner.resolve("out");
    Throwable thrown = catchThrowable(
        () -> SafeZipExtractor.defaults().extract(zip, "ml-100k", target, Progress.NONE));
    Set<String> contents = new HashSet<>();
    if (thrown == null) { // a flip in a timestamp, comment or unused field: contents may differ
      try (Stream<Path> files = Files.walk(target)) {
        for (Path p : files.filter(Files::isRegularFile).toList()) {
          contents.add(Files.readString(p, StandardCharsets.ISO_8859_1));
        }
      }
    }
    assertContained(zip, target, thrown, contents);
  }

  /**
   * Asserts the outcome: a DataException naming the zip and no target, or a target holding only
   * files with the given contents; either way only the zip and the target exist in the sandbox.
   */
  private void assertContained(Path zip, Path target, Throwable thrown, Set<String> contents)
      throws IOException {
    if (thrown != null) {
      assertThat(thrown).isInstanceOf(DataException.class)
          .hasMessageContaining(zip.toString());
      assertThat(target).doesNotExist();
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.toList()) {
        boolean allowed = p.equals(root) || p.equals(inner) || p.equals(zip)
            || (thrown == null && p.startsWith(target));
        assertThat(allowed).as("unexpected %s", p).isTrue();
        if (thrown == null && p.startsWith(target) && Files.isRegularFile(p)) {
          assertThat(Files.isSymbolicLink(p)).isFalse();
          assertThat(contents).contains(Files.readString(p, StandardCharsets.ISO_8859_1));
        }
      }
    }
  }
}
