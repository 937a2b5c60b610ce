package org.rbmrec.data.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rbmrec.data.DataException;
import org.rbmrec.progress.Progress;

class SafeZipExtractorTest {
  @TempDir Path dir;
  private final SafeZipExtractor extractor = SafeZipExtractor.defaults();

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  private Path zipOf(Map<String, String> entries) throws IOException {
    return write("test.zip", FakeMovieLens.zip(entries));
  }

  private static Map<String, String> entries(String... nameThenContent) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < nameThenContent.length; i += 2) {
      map.put(nameThenContent[i], nameThenContent[i + 1]);
    }
    return map;
  }

  private List<String> filesInDir() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void extractsTopFolderWithoutItsName() throws IOException {
    Path zip = write("ml-100k.zip", FakeMovieLens.ml100kZip());
    Path target = dir.resolve("ml-100k");

    Path result = extractor.extract(zip, "ml-100k", target, Progress.NONE);

    assertThat(result).isEqualTo(target);
    assertThat(target.resolve("u.data")).hasContent(FakeMovieLens.U_DATA.strip());
    assertThat(target.resolve("u.item")).hasContent(FakeMovieLens.U_ITEM.strip());
    assertThat(filesInDir()).containsExactly("ml-100k", "ml-100k.zip");
  }

  @Test
  void extractsEveryEntryIncludingSubfolders() throws IOException {
    Path zip = zipOf(entries("a.txt", "A", "sub/b.txt", "B", "sub/deeper/", null));
    Path target = dir.resolve("out");

    extractor.extract(zip, target, Progress.NONE);

    assertThat(target.resolve("a.txt")).hasContent("A");
    assertThat(target.resolve("sub/b.txt")).hasContent("B");
    assertThat(target.resolve("sub/deeper")).isDirectory();
  }

  @Test
  void skipsEntriesOutsideTheChosenFolder() throws IOException {
    Path zip = zipOf(entries("ml-100k/u.data", "x", "README", "r", "other/u.data", "y"));
    Path target = dir.resolve("ml-100k");

    extractor.extract(zip, "ml-100k", target, Progress.NONE);

    try (Stream<Path> files = Files.list(target)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("u.data");
    }
  }

  @Test
  void progressCountsUncompressedBytes() throws IOException {
    Path zip = write("ml-100k.zip", FakeMovieLens.ml100kZip());
    RecordingProgress progress = new RecordingProgress();

    extractor.extract(zip, "ml-100k", dir.resolve("ml-100k"), progress);

    long bytes = FakeMovieLens.U_DATA.length() + FakeMovieLens.U_ITEM.length();
    assertThat(progress.tasks()).singleElement().satisfies(task -> {
      assertThat(task.unit).isEqualTo("B");
      assertThat(task.total).isEqualTo(bytes);
      assertThat(task.advanced).isEqualTo(bytes);
      assertThat(task.finished).isTrue();
    });
  }

  @Test
  void rejectsDotDotEntryAndWritesNothing() throws IOException {
    Path zip = zipOf(entries("ml-100k/u.data", "ok", "ml-100k/../../evil.txt", "evil"));
    Path target = dir.resolve("inner").resolve("ml-100k");
    Files.createDirectories(target.getParent());

    assertThatThrownBy(() -> extractor.extract(zip, "ml-100k", target, Progress.NONE))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("\"ml-100k/../../evil.txt\"")
        .hasMessageContaining(zip.toString());
    assertThat(dir.resolve("evil.txt")).doesNotExist();
    assertThat(target).doesNotExist();
    assertThat(filesInDir()).containsExactly("inner", "test.zip");
    try (Stream<Path> inner = Files.list(target.getParent())) {
      assertThat(inner).isEmpty();
    }
  }

  @Test
  void rejectsLeadingDotDotEntry() throws IOException {
    Path zip = zipOf(entries("../evil.txt", "evil"));

    assertThatThrownBy(() -> extractor.extract(zip, dir.resolve("out"), Progress.NONE))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("\"../evil.txt\"")
        .hasMessageContaining("'..'");
    assertThat(dir.resolve("evil.txt")).doesNotExist();
    assertThat(filesInDir()).containsExactly("test.zip");
  }

  @Test
  void rejectsAbsoluteEntryAndWritesNothing() throws IOException {
    Path outside = dir.resolve("outside-evil.txt").toAbsolutePath();
    Path zip = zipOf(entries("/tmp/evil", "evil", outside.toString(), "evil"));

    assertThatThrownBy(() -> extractor.extract(zip, dir.resolve("out"), Progress.NONE))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("\"/tmp/evil\"")
        .hasMessageContaining("absolute path");
    assertThat(outside).doesNotExist();
    assertThat(filesInDir()).containsExactly("test.zip");
  }

  @Test
  void rejectsDriveLetterEntry() throws IOException {
    Path zip = zipOf(entries("C:/Windows/evil.dll", "evil"));

    assertThatThrownBy(() -> extractor.extract(zip, dir.resolve("out"), Progress.NONE))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("\"C:/Windows/evil.dll\"");
    assertThat(filesInDir()).containsExactly("test.zip");
  }

  @Test
  void rejectsBackslashEntry() throws IOException {
    Path zip = zipOf(entries("..\\evil.txt", "evil"));

    assertThatThrownBy(() -> extractor.extract(zip, dir.resolve("out"), Progress.NONE))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("backslash");
    assertThat(filesInDir()).containsExactly("test.zip");
  }

  @Test
  void rejectsSymbolicLinkEntry() throws IOException {
    byte[] bytes = FakeMovieLens.zip(entries("ml-100k/u.data", "ok", "ml-100k/link", "/etc"));
    markAsSymlink(bytes, "ml-100k/link");
    Path zip = write("test.zip", bytes);

    assertThatThrownBy(() -> extractor.extract(zip, "ml-100k", dir.resolve("ml-100k"),
        Progress.NONE))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("\"ml-100k/link\"")
        .hasMessageContaining("symbolic link");
    assertThat(filesInDir()).containsExactly("test.zip");
  }

  @Test
  void rejectsDuplicateEntryNames() throws IOException {
    // ZipOutputStream refuses duplicates, so rename a second entry in place to match the first.
    byte[] bytes = FakeMovieLens.zip(entries("dir/a.txt", "1", "dir/b.txt", "2"));
    replaceAll(bytes, "dir/b.txt", "dir/a.txt");
    Path zip = write("test.zip", bytes);

    assertThatThrownBy(() -> extractor.extract(zip, dir.resolve("out"), Progress.NONE))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("\"dir/a.txt\"")
        .hasMessageContaining("appears twice");
    assertThat(filesInDir()).containsExactly("test.zip");
  }

  @Test
  void capsTheNumberOfEntries() throws IOException {
    Path zip = zipOf(entries("a", "1", "b", "2", "c", "3"));
    SafeZipExtractor strict = new SafeZipExtractor(new SafeZipExtractor.Limits(1 << 20, 2));

    assertThatThrownBy(() -> strict.extract(zip, dir.resolve("out"), Progress.NONE))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("3 entries, more than the limit of 2");
    assertThat(filesInDir()).containsExactly("test.zip");
  }

  @Test
  void capsTheUncompressedBytesWrittenAndRemovesThePartialFolder() throws IOException {
    Path zip = zipOf(entries("small", "x".repeat(10), "big", "0".repeat(100_000)));
    SafeZipExtractor strict = new SafeZipExtractor(new SafeZipExtractor.Limits(1000, 10));

    assertThatThrownBy(() -> strict.extract(zip, dir.resolve("out"), Progress.NONE))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("more than the limit of 1000 bytes")
        .hasMessageContaining("\"big\"");
    assertThat(filesInDir()).containsExactly("test.zip");
  }

  @Test
  void refusesAnExistingTarget() throws IOException {
    Path zip = write("ml-100k.zip", FakeMovieLens.ml100kZip());
    Path target = Files.createDirectory(dir.resolve("ml-100k"));

    assertThatThrownBy(() -> extractor.extract(zip, "ml-100k", target, Progress.NONE))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("already exists");
    try (Stream<Path> files = Files.list(target)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void damagedZipIsAClearError() throws IOException {
    Path zip = write("ml-100k.zip", "not a zip at all".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> extractor.extract(zip, "ml-100k", dir.resolve("ml-100k"),
        Progress.NONE))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("is not a readable zip");
    assertThat(filesInDir()).containsExactly("ml-100k.zip");
  }

  @Test
  void limitsRejectNonPositiveValues() {
    assertThatThrownBy(() -> new SafeZipExtractor.Limits(0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxTotalBytes must be > 0, got 0");
    assertThatThrownBy(() -> new SafeZipExtractor.Limits(1, -3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxEntries must be > 0, got -3");
  }

  /** Marks the central-directory record of {@code name} as a Unix symbolic link (mode 0120777). */
  static void markAsSymlink(byte[] zip, String name) {
    ByteBuffer buf = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
    byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
    for (int p = 0; p + 46 + wanted.length <= zip.length; p++) {
      if (buf.getInt(p) == 0x02014b50 && (buf.getShort(p + 28) & 0xFFFF) == wanted.length
          && java.util.Arrays.equals(zip, p + 46, p + 46 + wanted.length, wanted, 0,
              wanted.length)) {
        buf.putShort(p + 4, (short) ((3 << 8) | 20));
        buf.putInt(p + 38, 0120777 << 16);
        return;
      }
    }
    throw new IllegalStateException("no central record for " + name);
  }

  private static void replaceAll(byte[] bytes, String from, String to) {
    byte[] a = from.getBytes(StandardCharsets.UTF_8);
    byte[] b = to.getBytes(StandardCharsets.UTF_8);
    for (int p = 0; p + a.length <= bytes.length; p++) {
      if (java.util.Arrays.equals(bytes, p, p + a.length, a, 0, a.length)) {
        System.arraycopy(b, 0, bytes, p, b.length);
      }
    }
  }
}
