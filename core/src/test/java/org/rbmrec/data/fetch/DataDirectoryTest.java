package org.rbmrec.data.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rbmrec.data.DataException;
import org.rbmrec.data.SharedData;
import org.rbmrec.data.movielens.MovieLensVariant;

class DataDirectoryTest {
  private static final Path HOME = Path.of("/home/ann");
  private static final MovieLensVariant ML_100K = MovieLensVariant.ML_100K;

  @TempDir Path dir;

  @Test
  void flagWinsOverEnvironmentAndCache() {
    DataDirectory d = DataDirectory.resolve(Path.of("/flag"),
        Map.of("RBMREC_DATA", "/env", "XDG_CACHE_HOME", "/xdg"), HOME, "Linux");

    assertThat(d.path()).isEqualTo(Path.of("/flag"));
    assertThat(d.rule()).isEqualTo(DataDirectory.Rule.FLAG);
  }

  @Test
  void environmentWinsOverCache() {
    DataDirectory d = DataDirectory.resolve(null,
        Map.of("RBMREC_DATA", "/env", "XDG_CACHE_HOME", "/xdg"), HOME, "Linux");

    assertThat(d.path()).isEqualTo(Path.of("/env"));
    assertThat(d.rule()).isEqualTo(DataDirectory.Rule.ENVIRONMENT);
  }

  @Test
  void blankEnvironmentValueCountsAsUnset() {
    DataDirectory d = DataDirectory.resolve(null, Map.of("RBMREC_DATA", " "), HOME, "Linux");

    assertThat(d.rule()).isEqualTo(DataDirectory.Rule.USER_CACHE);
  }

  @Test
  void linuxCacheFollowsXdgCacheHome() {
    DataDirectory d =
        DataDirectory.resolve(null, Map.of("XDG_CACHE_HOME", "/xdg"), HOME, "Linux");

    assertThat(d.path()).isEqualTo(Path.of("/xdg/rbmrec"));
    assertThat(d.rule()).isEqualTo(DataDirectory.Rule.USER_CACHE);
  }

  @Test
  void linuxCacheDefaultsToDotCacheInHome() {
    DataDirectory d = DataDirectory.resolve(null, Map.of(), HOME, "Linux");

    assertThat(d.path()).isEqualTo(Path.of("/home/ann/.cache/rbmrec"));
  }

  @Test
  void relativeXdgCacheHomeIsIgnored() {
    DataDirectory d =
        DataDirectory.resolve(null, Map.of("XDG_CACHE_HOME", "rel/cache"), HOME, "Linux");

    assertThat(d.path()).isEqualTo(Path.of("/home/ann/.cache/rbmrec"));
  }

  @Test
  void macCacheIsLibraryCaches() {
    DataDirectory d = DataDirectory.resolve(null, Map.of("XDG_CACHE_HOME", "/xdg"), HOME,
        "Mac OS X");

    assertThat(d.path()).isEqualTo(Path.of("/home/ann/Library/Caches/rbmrec"));
  }

  @Test
  void windowsCacheIsLocalAppData() {
    String local = "/c/Users/ann/AppData/Local";
    DataDirectory d =
        DataDirectory.resolve(null, Map.of("LOCALAPPDATA", local), HOME, "Windows 11");

    assertThat(d.path()).isEqualTo(Path.of(local, "rbmrec"));
  }

  @Test
  void windowsWithoutLocalAppDataUsesHomeAppDataLocal() {
    DataDirectory d = DataDirectory.resolve(null, Map.of(), HOME, "Windows 10");

    assertThat(d.path()).isEqualTo(Path.of("/home/ann/AppData/Local/rbmrec"));
  }

  @Test
  void pathIsMadeAbsoluteAndNormalized() {
    DataDirectory d = DataDirectory.resolve(Path.of("a/../b"), Map.of(), HOME, "Linux");

    assertThat(d.path()).isEqualTo(Path.of("b").toAbsolutePath());
  }

  @Test
  void locateFindsExtractedFolder() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("ml-100k"));
    Files.writeString(folder.resolve("u.data"), FakeMovieLens.U_DATA);

    assertThat(new DataDirectory(dir, DataDirectory.Rule.FLAG).locate(ML_100K)).contains(folder);
  }

  @Test
  void locateFindsOfficialZip() throws IOException {
    Path zip = Files.write(dir.resolve("ml-100k.zip"), FakeMovieLens.ml100kZip());

    assertThat(new DataDirectory(dir, DataDirectory.Rule.FLAG).locate(ML_100K)).contains(zip);
  }

  @Test
  void locatePrefersFolderOverZip() throws IOException {
    Files.write(dir.resolve("ml-100k.zip"), FakeMovieLens.ml100kZip());
    Path folder = Files.createDirectories(dir.resolve("ml-100k"));
    Files.writeString(folder.resolve("u.data"), FakeMovieLens.U_DATA);

    assertThat(new DataDirectory(dir, DataDirectory.Rule.FLAG).locate(ML_100K)).contains(folder);
  }

  @Test
  void locateIgnoresFolderWithoutRatingsFile() throws IOException {
    Files.createDirectories(dir.resolve("ml-100k"));

    assertThat(new DataDirectory(dir, DataDirectory.Rule.FLAG).locate(ML_100K)).isEmpty();
  }

  @Test
  void locateUsesTheVariantsFolderName() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("ml-10M100K"));
    Files.writeString(folder.resolve("ratings.dat"), "1::2::3.5::4\n");

    assertThat(new DataDirectory(dir, DataDirectory.Rule.FLAG).locate(MovieLensVariant.ML_10M))
        .contains(folder);
  }

  @Test
  void sharedDataFolderHoldsMl100k() {
    DataDirectory shared = DataDirectory.resolve(SharedData.dataDir(), Map.of(), HOME, "Linux");

    assertThat(shared.locate(ML_100K)).contains(SharedData.ml100k());
  }

  @Test
  void missingMessageSaysWhatToRunDownloadAndWhereToPutIt() {
    DataDirectory d = new DataDirectory(dir, DataDirectory.Rule.ENVIRONMENT);

    String message = d.missingMessage(ML_100K);

    assertThat(message)
        .startsWith("ml-100k is not in " + dir + " (from $RBMREC_DATA)")
        .contains("rbmrec data fetch ml-100k")
        .contains("https://files.grouplens.org/datasets/movielens/ml-100k.zip")
        .contains(dir.resolve("ml-100k.zip").toString())
        .contains(dir.resolve("ml-100k").resolve("u.data").toString())
        .doesNotContain("\n");
  }

  @Test
  void requireThrowsTheMissingMessage() {
    DataDirectory d = new DataDirectory(dir, DataDirectory.Rule.FLAG);

    assertThatThrownBy(() -> d.require(ML_100K))
        .isInstanceOf(DataException.class)
        .hasMessage(d.missingMessage(ML_100K));
  }
}
