package org.rbmrec.data.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rbmrec.data.DataException;
import org.rbmrec.data.movielens.MovieLensVariant;
import org.rbmrec.progress.Progress;

class MovieLensFetcherTest {
  private static final MovieLensVariant ML_100K = MovieLensVariant.ML_100K;
  private static final byte[] ZIP = FakeMovieLens.ml100kZip();
  private static final ExpectedFile EXACT = FakeMovieLens.expected(ZIP);
  private static final String ZIP_PATH = "/movielens/ml-100k.zip";

  @TempDir Path dataDir;
  private final LocalServer server = new LocalServer();
  private final MovieLensFetcher fetcher = new MovieLensFetcher(
      new Downloader(new Downloader.Settings(
          Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(5))),
      SafeZipExtractor.defaults());

  @AfterEach
  void stopServer() {
    server.close();
  }

  private URI base() {
    return server.uri("/movielens/");
  }

  private List<String> filesInDataDir() throws IOException {
    try (Stream<Path> files = Files.list(dataDir)) {
      return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void downloadsVerifiesAndExtractsKeepingTheZip() throws IOException {
    server.serve(ZIP_PATH, ZIP);

    Path folder = fetcher.fetch(ML_100K, dataDir, base(), EXACT, Progress.NONE);

    assertThat(folder).isEqualTo(dataDir.resolve("ml-100k"));
    assertThat(Files.readString(folder.resolve("u.data"))).isEqualTo(FakeMovieLens.U_DATA);
    assertThat(Files.readString(folder.resolve("u.item"))).isEqualTo(FakeMovieLens.U_ITEM);
    assertThat(dataDir.resolve("ml-100k.zip")).hasBinaryContent(ZIP);
    assertThat(filesInDataDir()).containsExactly("ml-100k", "ml-100k.zip");
  }

  @Test
  void createsTheDataFolderWhenMissing() throws IOException {
    server.serve(ZIP_PATH, ZIP);
    Path fresh = dataDir.resolve("cache").resolve("rbmrec");

    Path folder = fetcher.fetch(ML_100K, fresh, base(), EXACT, Progress.NONE);

    assertThat(folder.resolve("u.data")).isRegularFile();
  }

  @Test
  void progressSeesTheDownloadThenTheExtraction() {
    server.serve(ZIP_PATH, ZIP);
    RecordingProgress progress = new RecordingProgress();

    fetcher.fetch(ML_100K, dataDir, base(), EXACT, progress);

    assertThat(progress.tasks()).hasSize(2);
    assertThat(progress.tasks().get(0).advanced).isEqualTo(ZIP.length);
    assertThat(progress.tasks().get(0).label).startsWith("downloading");
    assertThat(progress.tasks().get(1).advanced)
        .isEqualTo(FakeMovieLens.U_DATA.length() + FakeMovieLens.U_ITEM.length());
    assertThat(progress.tasks().get(1).label).startsWith("extracting");
  }

  @Test
  void existingFolderIsNotDownloadedAgain() {
    server.serve(ZIP_PATH, ZIP);
    fetcher.fetch(ML_100K, dataDir, base(), EXACT, Progress.NONE);

    Path again = fetcher.fetch(ML_100K, dataDir, base(), EXACT, Progress.NONE);

    assertThat(again).isEqualTo(dataDir.resolve("ml-100k"));
    assertThat(server.requestCount(ZIP_PATH)).isEqualTo(1);
  }

  @Test
  void existingZipIsExtractedWithoutDownloading() throws IOException {
    server.serve(ZIP_PATH, ZIP);
    Files.write(dataDir.resolve("ml-100k.zip"), ZIP);

    Path folder = fetcher.fetch(ML_100K, dataDir, base(), EXACT, Progress.NONE);

    assertThat(folder.resolve("u.data")).isRegularFile();
    assertThat(server.requestCount(ZIP_PATH)).isZero();
  }

  @Test
  void existingZipWithWrongChecksumIsAnErrorAndIsKept() throws IOException {
    Path zip = Files.write(dataDir.resolve("ml-100k.zip"), ZIP);
    ExpectedFile other = new ExpectedFile(ZIP.length, "a".repeat(64));

    assertThatThrownBy(() -> fetcher.fetch(ML_100K, dataDir, base(), other, Progress.NONE))
        .isInstanceOf(DataException.class)
        .hasMessageStartingWith("checksum mismatch for " + zip);
    assertThat(zip).hasBinaryContent(ZIP);
    assertThat(dataDir.resolve("ml-100k")).doesNotExist();
  }

  @Test
  void registryChecksumsApplyByDefault() throws IOException {
    server.serve(ZIP_PATH, ZIP);

    // The tiny test zip is not the official one, so the registry's size must reject it.
    assertThatThrownBy(() -> fetcher.fetch(ML_100K, dataDir, base(), Progress.NONE))
        .isInstanceOf(DataException.class)
        .hasMessageStartingWith("size mismatch for ml-100k.zip: expected 4924029 bytes");
    assertThat(filesInDataDir()).isEmpty();
  }

  @Test
  void truncatedDownloadLeavesNeitherZipNorFolder() throws IOException {
    server.serveTruncated(ZIP_PATH, ZIP, ZIP.length / 3);

    assertThatThrownBy(() -> fetcher.fetch(ML_100K, dataDir, base(), EXACT, Progress.NONE))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("broke off");
    assertThat(filesInDataDir()).isEmpty();
  }

  @Test
  void http404NamesTheAddress() throws IOException {
    server.status(ZIP_PATH, 404);

    assertThatThrownBy(() -> fetcher.fetch(ML_100K, dataDir, base(), EXACT, Progress.NONE))
        .isInstanceOf(DataException.class)
        .hasMessage("HTTP 404 from " + server.uri(ZIP_PATH));
    assertThat(filesInDataDir()).isEmpty();
  }

  @Test
  void unreachableServerSaysWhatToDownloadAndWhereToPutIt() throws IOException {
    URI closed = URI.create("http://127.0.0.1:" + LocalServer.closedPort() + "/movielens/");

    assertThatThrownBy(() -> fetcher.fetch(ML_100K, dataDir, closed, EXACT, Progress.NONE))
        .isInstanceOf(DataException.class)
        .hasMessageStartingWith("cannot fetch ml-100k: 127.0.0.1 is unreachable")
        .hasMessageContaining("download " + closed + "ml-100k.zip")
        .hasMessageContaining(dataDir.resolve("ml-100k.zip").toString())
        .hasMessageContaining(dataDir.resolve("ml-100k").resolve("u.data").toString());
    assertThat(filesInDataDir()).isEmpty();
  }

  @Test
  void zipWithoutTheRatingsFileIsRejectedBeforeExtraction() throws IOException {
    byte[] wrong = FakeMovieLens.zip(Map.of("ml-1m/ratings.dat", "1::2::3::4\n"));
    server.serve(ZIP_PATH, wrong);

    assertThatThrownBy(() -> fetcher.fetch(ML_100K, dataDir, base(),
        FakeMovieLens.expected(wrong), Progress.NONE))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("holds no ml-100k/u.data");
    assertThat(dataDir.resolve("ml-100k")).doesNotExist();
  }

  @Test
  void zipSlipInADownloadIsRejectedAndNothingIsWrittenOutside() throws IOException {
    byte[] evil = FakeMovieLens.zip(Map.of(
        "ml-100k/u.data", FakeMovieLens.U_DATA, "ml-100k/../../evil.txt", "evil"));
    server.serve(ZIP_PATH, evil);
    Path inner = Files.createDirectories(dataDir.resolve("data"));

    assertThatThrownBy(() -> fetcher.fetch(ML_100K, inner, base(),
        FakeMovieLens.expected(evil), Progress.NONE))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("unsafe entry \"ml-100k/../../evil.txt\"");
    assertThat(dataDir.resolve("evil.txt")).doesNotExist();
    assertThat(inner.resolve("ml-100k")).doesNotExist();
  }

  @Test
  void folderWithoutRatingsFileIsAnErrorBeforeDownloading() throws IOException {
    server.serve(ZIP_PATH, ZIP);
    Files.createDirectories(dataDir.resolve("ml-100k"));

    assertThatThrownBy(() -> fetcher.fetch(ML_100K, dataDir, base(), EXACT, Progress.NONE))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("exists but holds no u.data");
    assertThat(server.requestCount(ZIP_PATH)).isZero();
  }

  @Test
  void ensureReturnsAPresentZipWithoutFetching() throws IOException {
    server.serve(ZIP_PATH, ZIP);
    Path zip = Files.write(dataDir.resolve("ml-100k.zip"), ZIP);
    DataDirectory dir = new DataDirectory(dataDir, DataDirectory.Rule.FLAG);

    Path found = fetcher.ensure(ML_100K, dir, base(), EXACT, Progress.NONE);

    assertThat(found).isEqualTo(zip);
    assertThat(server.requestCount(ZIP_PATH)).isZero();
    assertThat(dataDir.resolve("ml-100k")).doesNotExist();
  }

  @Test
  void ensureFetchesOnFirstUse() {
    server.serve(ZIP_PATH, ZIP);
    DataDirectory dir = new DataDirectory(dataDir, DataDirectory.Rule.ENVIRONMENT);

    Path found = fetcher.ensure(ML_100K, dir, base(), EXACT, Progress.NONE);

    assertThat(found).isEqualTo(dataDir.resolve("ml-100k"));
    assertThat(dir.locate(ML_100K)).contains(found);
  }

  @Test
  void zipAddressJoinsBaseAndNameWithOneSlash() {
    assertThat(MovieLensFetcher.zipUri(URI.create("http://h/a/"), ML_100K))
        .isEqualTo(URI.create("http://h/a/ml-100k.zip"));
    assertThat(MovieLensFetcher.zipUri(URI.create("http://h/a"), ML_100K))
        .isEqualTo(URI.create("http://h/a/ml-100k.zip"));
  }
}
