package org.rbmrec.data.movielens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rbmrec.data.DataException;
import org.rbmrec.data.Ml100kFixture;
import org.rbmrec.data.RatingScale;
import org.rbmrec.data.Ratings;
import org.rbmrec.data.SharedData;
import org.rbmrec.data.io.LoadedRatings;
import org.rbmrec.progress.Progress;

class MovieLensLoaderTest {
  @TempDir Path dir;

  private static void zip(Path zip, Map<String, byte[]> entries) throws IOException {
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream zipOut = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zipOut.putNextEntry(new ZipEntry(e.getKey()));
        zipOut.write(e.getValue());
        zipOut.closeEntry();
      }
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void loadsTheRealMl100kFolder() {
    LoadedRatings loaded =
        MovieLensLoader.load(MovieLensVariant.ML_100K, SharedData.ml100k(), Progress.NONE);
    Ratings r = loaded.ratings();
    assertThat(r.size()).isEqualTo(100_000);
    assertThat(r.numUsers()).isEqualTo(943);
    assertThat(r.numItems()).isEqualTo(1682);
    assertThat(r.levelHistogram()).containsExactly(6110, 11370, 27145, 34174, 21201);
    assertThat(r.scale()).isEqualTo(RatingScale.STARS_1_TO_5);
    assertThat(loaded.titles().title(1)).contains("Toy Story (1995)");
    assertThat(r.fingerprint()).isEqualTo(Ml100kFixture.all().fingerprint());
  }

  @Test
  void loadsFromAFolderThatContainsTheVariantFolder() {
    LoadedRatings loaded =
        MovieLensLoader.load(MovieLensVariant.ML_100K, SharedData.dataDir(), Progress.NONE);
    assertThat(loaded.ratings().size()).isEqualTo(100_000);
  }

  @Test
  void loadsTheRealMl100kFromAZip() throws IOException {
    Path zip = dir.resolve("ml-100k.zip");
    zip(zip, Map.of(
        "ml-100k/u.data", Files.readAllBytes(SharedData.ml100k().resolve("u.data")),
        "ml-100k/u.item", Files.readAllBytes(SharedData.ml100k().resolve("u.item"))));
    LoadedRatings loaded = MovieLensLoader.load(MovieLensVariant.ML_100K, zip, Progress.NONE);
    assertThat(loaded.ratings().fingerprint()).isEqualTo(Ml100kFixture.all().fingerprint());
    assertThat(loaded.titles().title(1)).contains("Toy Story (1995)");
    assertThat(loaded.source()).endsWith("ml-100k.zip!ml-100k/u.data");
  }

  @Test
  void loadsAnMl1mLayoutZipWithLatin1Titles() throws IOException {
    Path zip = dir.resolve("ml-1m.zip");
    zip(zip, Map.of(
        "ml-1m/ratings.dat", ascii("1::1193::5::978300760\n1::661::3::978302109\n"
            + "2::1193::4::978298413\n"),
        "ml-1m/movies.dat", ascii("1193::One Flew Over the Cuckoo's Nest (1975)::Drama\n"
            + "661::James and the Giant Peach (1996)::Animation\n"
            + "3::Caf\u00e9 (2000)::Comedy\n")));
    LoadedRatings loaded = MovieLensLoader.load(MovieLensVariant.ML_1M, zip, Progress.NONE);
    assertThat(loaded.ratings().size()).isEqualTo(3);
    assertThat(loaded.ratings().scale()).isEqualTo(RatingScale.STARS_1_TO_5);
    assertThat(loaded.titles().title(1193)).contains("One Flew Over the Cuckoo's Nest (1975)");
    assertThat(loaded.titles().title(3)).contains("Caf\u00e9 (2000)");
  }

  @Test
  void loadsAnMl10mZipWhoseFolderIsMl10M100K() throws IOException {
    Path zip = dir.resolve("ml-10m.zip");
    zip(zip, Map.of(
        "ml-10M100K/ratings.dat", ascii("1::122::5::838985046\n1::185::4.5::838983525\n"),
        "ml-10M100K/movies.dat", ascii("122::Boomerang (1992)::Comedy|Romance\n")));
    LoadedRatings loaded = MovieLensLoader.load(MovieLensVariant.ML_10M, zip, Progress.NONE);
    assertThat(loaded.ratings().scale()).isEqualTo(RatingScale.HALF_STARS);
    assertThat(loaded.ratings().value(1)).isEqualTo(4.5);
    assertThat(loaded.titles().title(122)).contains("Boomerang (1992)");
  }

  @Test
  void loadsAnMl20mLayoutZipWithHeaderAndQuotedTitles() throws IOException {
    Path zip = dir.resolve("ml-20m.zip");
    zip(zip, Map.of(
        "ml-20m/ratings.csv", ascii("userId,movieId,rating,timestamp\n1,2,3.5,1112486027\n"
            + "1,29,3.5,1112484676\n2,2,0.5,974820889\n"),
        "ml-20m/movies.csv", ("movieId,title,genres\n2,Jumanji (1995),Adventure\n"
            + "29,\"City of Lost Children, The (Cit\u00e9 des enfants perdus, La) (1995)\",Drama\n")
            .getBytes(StandardCharsets.UTF_8)));
    LoadedRatings loaded = MovieLensLoader.load(MovieLensVariant.ML_20M, zip, Progress.NONE);
    Ratings r = loaded.ratings();
    assertThat(r.size()).isEqualTo(3);
    assertThat(r.scale()).isEqualTo(RatingScale.HALF_STARS);
    assertThat(r.value(2)).isEqualTo(0.5);
    assertThat(r.timestamp(0)).isEqualTo(1112486027L);
    assertThat(loaded.titles().title(29))
        .contains("City of Lost Children, The (Cit\u00e9 des enfants perdus, La) (1995)");
  }

  @Test
  void zipWithoutTheRatingsFileSuggestsFetching() throws IOException {
    Path zip = dir.resolve("ml-1m.zip");
    zip(zip, Map.of("ml-1m/README", ascii("nothing")));
    assertThatThrownBy(() -> MovieLensLoader.load(MovieLensVariant.ML_1M, zip, Progress.NONE))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("has no ml-1m/ratings.dat")
        .hasMessageContaining("rbmrec data fetch ml-1m");
  }

  @Test
  void fileThatIsNotAZipIsAClearError() throws IOException {
    Path zip = dir.resolve("ml-20m.zip");
    Files.writeString(zip, "not a zip");
    assertThatThrownBy(() -> MovieLensLoader.load(MovieLensVariant.ML_20M, zip, Progress.NONE))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("is not a readable zip file");
  }

  @Test
  void missingDataSuggestsFetchingTheVariant() {
    assertThatThrownBy(() -> MovieLensLoader.load(
        MovieLensVariant.ML_20M, dir.resolve("ml-20m"), Progress.NONE))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("run `rbmrec data fetch ml-20m`");
    assertThatThrownBy(() -> MovieLensLoader.load(MovieLensVariant.ML_20M, dir, Progress.NONE))
        .hasMessageContaining("ratings file ratings.csv not found in " + dir)
        .hasMessageContaining("run `rbmrec data fetch ml-20m`");
  }

  @Test
  void missingTitlesGiveEmptyTitlesAndANotice() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("ml-1m"));
    Files.writeString(folder.resolve("ratings.dat"), "1::2::3::4\n");
    LoadedRatings loaded = MovieLensLoader.load(MovieLensVariant.ML_1M, folder, Progress.NONE);
    assertThat(loaded.titles().isEmpty()).isTrue();
    assertThat(loaded.notices()).anyMatch(n -> n.startsWith("no titles"));
  }

  @Test
  void detectsVariantsByTheirFiles() throws IOException {
    assertThat(MovieLensLoader.detect(SharedData.ml100k())).contains(MovieLensVariant.ML_100K);
    Path ml1m = Files.createDirectories(dir.resolve("some-ratings"));
    Files.writeString(ml1m.resolve("ratings.dat"), "1::2::3::4\n");
    assertThat(MovieLensLoader.detect(ml1m)).contains(MovieLensVariant.ML_1M);
    Path ml10m = Files.createDirectories(dir.resolve("ml-10M100K"));
    Files.writeString(ml10m.resolve("ratings.dat"), "1::2::3::4\n");
    assertThat(MovieLensLoader.detect(ml10m)).contains(MovieLensVariant.ML_10M);
    Path ml25m = Files.createDirectories(dir.resolve("ml-25m"));
    Files.writeString(ml25m.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n");
    assertThat(MovieLensLoader.detect(ml25m)).contains(MovieLensVariant.ML_25M);
    Path unnamed = Files.createDirectories(dir.resolve("my-data"));
    Files.writeString(unnamed.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n");
    assertThat(MovieLensLoader.detect(unnamed)).isEmpty();
    assertThat(MovieLensLoader.detect(dir.resolve("absent"))).isEmpty();
    Path zip = Files.writeString(dir.resolve("ml-latest-small.zip"), "");
    assertThat(MovieLensLoader.detect(zip)).contains(MovieLensVariant.ML_LATEST_SMALL);
  }
}
