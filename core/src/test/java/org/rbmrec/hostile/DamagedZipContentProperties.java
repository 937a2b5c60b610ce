package org.rbmrec.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;
import org.rbmrec.data.DataException;
import org.rbmrec.data.Ratings;
import org.rbmrec.data.fetch.SafeZipExtractor;
import org.rbmrec.data.io.LoadedRatings;
import org.rbmrec.data.movielens.MovieLensLoader;
import org.rbmrec.data.movielens.MovieLensVariant;
import org.rbmrec.progress.Progress;

/**
 * A MovieLens zip with a flipped byte anywhere, its entries stored or deflated. The JDK's
 * {@code ZipFile} does not check an entry's CRC-32 on reading, so before
 * {@code data.io.ZipEntryInput} such a zip could load as different ratings without any error.
 * Now loading it, or extracting it, gives exactly the original content or a
 * {@link DataException}. (A flip in an entry's name, which no checksum covers, can only make the
 * entry go missing, which is reported.)
 */
class DamagedZipContentProperties {
  private static final String U_DATA = uData();
  private static final String U_ITEM = "1|Toy Story (1995)|01-Jan-1995||\n"
      + "2|GoldenEye (1995)|01-Jan-1995||\n3|Four Rooms (1995)|01-Jan-1995||\n";

  private Path dir;

  @BeforeTry
  void createDir() throws IOException {
    dir = Files.createTempDirectory("rbmrec-hostile-zip-content");
  }

  @AfterTry
  void deleteDir() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static String uData() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 150; i++) {
      sb.append(1 + i % 9).append('\t').append(1 + i % 3 + 3 * (i / 27)).append('\t')
          .append(1 + i % 5).append('\t').append(881250949L + i).append('\n');
    }
    return sb.toString();
  }

  private static byte[] zip(boolean stored) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zos = new ZipOutputStream(bytes)) {
      for (String[] e : new String[][] {{"ml-100k/u.data", U_DATA}, {"ml-100k/u.item", U_ITEM}}) {
        byte[] content = e[1].getBytes(StandardCharsets.US_ASCII);
        ZipEntry entry = new ZipEntry(e[0]);
        if (stored) {
          CRC32 crc = new CRC32();
          crc.update(content);
          entry.setMethod(ZipEntry.STORED);
          entry.setSize(content.length);
          entry.setCrc(crc.getValue());
        }
        zos.putNextEntry(entry);
        zos.write(content);
        zos.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static void assertSameRatings(Ratings a, Ratings b) {
    assertThat(a.userIds().rawIds()).containsExactly(b.userIds().rawIds());
    assertThat(a.itemIds().rawIds()).containsExactly(b.itemIds().rawIds());
    assertThat(a.usersCopy()).containsExactly(b.usersCopy());
    assertThat(a.itemsCopy()).containsExactly(b.itemsCopy());
    assertThat(a.levelsCopy()).containsExactly(b.levelsCopy());
    assertThat(a.timestampsCopy()).containsExactly(b.timestampsCopy());
  }

  @Property(tries = 150)
  void aFlippedByteLoadsTheOriginalRatingsOrFails(
      @ForAll boolean stored, @ForAll @IntRange(min = 0, max = 1 << 16) int position,
      @ForAll @IntRange(min = 0, max = 7) int bit) throws IOException {
    byte[] valid = zip(stored);
    Path original = Files.write(
        Files.createDirectory(dir.resolve("original")).resolve("ml-100k.zip"), valid);
    LoadedRatings expected = MovieLensLoader.load(MovieLensVariant.ML_100K, original,
        Progress.NONE);
    byte[] bytes = valid.clone();
    bytes[position % bytes.length] ^= (byte) (1 << bit);
    Path damaged = Files.write(dir.resolve("ml-100k.zip"), bytes);
    Throwable thrown = catchThrowable(
        () -> MovieLensLoader.load(MovieLensVariant.ML_100K, damaged, Progress.NONE));
    if (thrown != null) {
      assertThat(thrown).isInstanceOf(DataException.class)
          .hasMessageContaining(damaged.toString());
      return;
    }
    LoadedRatings loaded = MovieLensLoader.load(MovieLensVariant.ML_100K, damaged, Progress.NONE);
    assertSameRatings(loaded.ratings(), expected.ratings());
    if (!loaded.titles().equals(expected.titles())) { // u.item's name was hit: said so
      assertThat(loaded.titles().isEmpty()).isTrue();
      assertThat(loaded.notices()).anyMatch(n -> n.startsWith("no titles"));
    }
  }

  @Property(tries = 100)
  void aFlippedByteExtractsTheOriginalFilesOrFails(
      @ForAll boolean stored, @ForAll @IntRange(min = 0, max = 1 << 16) int position,
      @ForAll @IntRange(min = 0, max = 7) int bit) throws IOException {
    byte[] bytes = zip(stored);
    bytes[position % bytes.length] ^= (byte) (1 << bit);
    Path damaged = Files.write(dir.resolve("ml-100k.zip"), bytes);
    Path target = dir.resolve("ml-100k");
    Throwable thrown = catchThrowable(() -> SafeZipExtractor.defaults()
        .extract(damaged, "ml-100k", target, Progress.NONE));
    if (thrown != null) {
      assertThat(thrown).isInstanceOf(DataException.class);
      assertThat(target).doesNotExist();
      return;
    }
    // A flip in an entry's name in the directory (not covered by any checksum) may rename or
    // drop it; no file ever holds damaged content.
    try (Stream<Path> files = Files.walk(target)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).isIn(U_DATA, U_ITEM);
      }
    }
  }

  @Example
  void aDamagedStoredEntryNamesTheEntry() throws IOException {
    byte[] bytes = zip(true);
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int at = text.indexOf("881250949");
    bytes[at] = (byte) '9'; // 881250949 -> 981250949: still a well-formed line
    Path damaged = Files.write(dir.resolve("ml-100k.zip"), bytes);
    assertThat(catchThrowable(
        () -> MovieLensLoader.load(MovieLensVariant.ML_100K, damaged, Progress.NONE)))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("ml-100k/u.data is damaged");
  }
}
