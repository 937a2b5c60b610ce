package org.rbmrec.data.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rbmrec.data.DataException;
import org.rbmrec.progress.Progress;

class DownloaderTest {
  private static final byte[] ZIP = FakeMovieLens.ml100kZip();

  @TempDir Path dir;
  private final LocalServer server = new LocalServer();
  private final Downloader downloader =
      new Downloader(new Downloader.Settings(
          Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(5)));

  @AfterEach
  void stopServer() {
    server.close();
  }

  private Path target() {
    return dir.resolve("ml-100k.zip");
  }

  private List<String> filesInDir() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).collect(Collectors.toList());
    }
  }

  @Test
  void downloadsVerifiedFileAndReturnsItsSha256() throws IOException {
    server.serve("/ml-100k.zip", ZIP);

    String sha = downloader.download(server.uri("/ml-100k.zip"), target(),
        FakeMovieLens.expected(ZIP), Progress.NONE);

    assertThat(target()).hasBinaryContent(ZIP);
    assertThat(sha).isEqualTo(FakeMovieLens.sha256(ZIP));
    assertThat(filesInDir()).containsExactly("ml-100k.zip");
  }

  @Test
  void createsMissingTargetFolder() {
    server.serve("/ml-100k.zip", ZIP);
    Path nested = dir.resolve("a").resolve("b").resolve("ml-100k.zip");

    downloader.download(server.uri("/ml-100k.zip"), nested, ExpectedFile.unknown(),
        Progress.NONE);

    assertThat(nested).hasBinaryContent(ZIP);
  }

  @Test
  void progressReceivesContentLengthAndEveryByte() {
    server.serve("/ml-100k.zip", ZIP);
    RecordingProgress progress = new RecordingProgress();

    downloader.download(server.uri("/ml-100k.zip"), target(), FakeMovieLens.expected(ZIP),
        progress);

    assertThat(progress.tasks()).singleElement().satisfies(task -> {
      assertThat(task.label).contains("ml-100k.zip");
      assertThat(task.total).isEqualTo(ZIP.length);
      assertThat(task.unit).isEqualTo("B");
      assertThat(task.advanced).isEqualTo(ZIP.length);
      assertThat(task.finished).isTrue();
    });
  }

  @Test
  void progressTotalIsUnknownWithoutContentLength() {
    server.serveChunked("/ml-100k.zip", ZIP);
    RecordingProgress progress = new RecordingProgress();

    downloader.download(server.uri("/ml-100k.zip"), target(), FakeMovieLens.expected(ZIP),
        progress);

    assertThat(progress.tasks()).singleElement().satisfies(task -> {
      assertThat(task.total).isEqualTo(-1);
      assertThat(task.advanced).isEqualTo(ZIP.length);
    });
    assertThat(target()).hasBinaryContent(ZIP);
  }

  @Test
  void followsRedirects() {
    server.serve("/ml-100k.zip", ZIP).redirect("/old/ml-100k.zip", "/ml-100k.zip");

    downloader.download(server.uri("/old/ml-100k.zip"), target(), FakeMovieLens.expected(ZIP),
        Progress.NONE);

    assertThat(target()).hasBinaryContent(ZIP);
  }

  @Test
  void sizeMismatchFailsAndLeavesNoFile() throws IOException {
    server.serve("/ml-100k.zip", ZIP);
    ExpectedFile wrongSize = new ExpectedFile(ZIP.length + 1, FakeMovieLens.sha256(ZIP));

    assertThatThrownBy(() -> downloader.download(server.uri("/ml-100k.zip"), target(),
        wrongSize, Progress.NONE))
        .isInstanceOf(DataException.class)
        .hasMessageStartingWith("size mismatch for ml-100k.zip: expected " + (ZIP.length + 1));
    assertThat(filesInDir()).isEmpty();
  }

  @Test
  void sizeMismatchWithoutContentLengthFailsAndLeavesNoFile() throws IOException {
    server.serveChunked("/ml-100k.zip", ZIP);
    ExpectedFile tooSmall = new ExpectedFile(ZIP.length - 1, null);

    assertThatThrownBy(() -> downloader.download(server.uri("/ml-100k.zip"), target(),
        tooSmall, Progress.NONE))
        .isInstanceOf(DataException.class)
        .hasMessageStartingWith("size mismatch for ml-100k.zip");
    assertThat(filesInDir()).isEmpty();
  }

  @Test
  void checksumMismatchFailsAndLeavesNoFile() throws IOException {
    server.serve("/ml-100k.zip", ZIP);
    String wrong = "0".repeat(64);
    String actual = FakeMovieLens.sha256(ZIP);

    assertThatThrownBy(() -> downloader.download(server.uri("/ml-100k.zip"), target(),
        new ExpectedFile(ZIP.length, wrong), Progress.NONE))
        .isInstanceOf(DataException.class)
        .hasMessageStartingWith("checksum mismatch for ml-100k.zip: expected SHA-256 " + wrong
            + ", got " + actual);
    assertThat(filesInDir()).isEmpty();
  }

  @Test
  void checksumMismatchKeepsAnExistingTarget() {
    server.serve("/ml-100k.zip", ZIP);
    byte[] previous = {1, 2, 3};
    writeTarget(previous);

    assertThatThrownBy(() -> downloader.download(server.uri("/ml-100k.zip"), target(),
        new ExpectedFile(-1, "1".repeat(64)), Progress.NONE))
        .isInstanceOf(DataException.class);
    assertThat(target()).hasBinaryContent(previous);
  }

  @Test
  void http404IsAClearError() throws IOException {
    server.status("/ml-100k.zip", 404);
    URI uri = server.uri("/ml-100k.zip");

    assertThatThrownBy(() -> downloader.download(uri, target(), ExpectedFile.unknown(),
        Progress.NONE))
        .isInstanceOf(DataException.class)
        .hasMessage("HTTP 404 from " + uri);
    assertThat(filesInDir()).isEmpty();
  }

  @Test
  void bodyCutShortFailsAndLeavesNoFile() throws IOException {
    server.serveTruncated("/ml-100k.zip", ZIP, ZIP.length / 2);

    assertThatThrownBy(() -> downloader.download(server.uri("/ml-100k.zip"), target(),
        ExpectedFile.unknown(), Progress.NONE))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("broke off");
    assertThat(filesInDir()).isEmpty();
  }

  @Test
  void stalledServerFailsAfterIdleTimeoutAndLeavesNoFile() throws IOException {
    server.serveStalling("/ml-100k.zip", ZIP, 100);
    Downloader impatient = new Downloader(
        new Downloader.Settings(
            Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMillis(200)));

    assertThatThrownBy(() -> impatient.download(server.uri("/ml-100k.zip"), target(),
        ExpectedFile.unknown(), Progress.NONE))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("broke off after 100 of " + ZIP.length + " bytes")
        .hasMessageContaining("no data for 200 ms");
    assertThat(filesInDir()).isEmpty();
  }

  @Test
  void serverThatNeverAnswersTimesOutAsUnreachable() throws IOException {
    server.hang("/ml-100k.zip");
    Downloader impatient = new Downloader(
        new Downloader.Settings(
            Duration.ofSeconds(2), Duration.ofMillis(200), Duration.ofSeconds(2)));
    URI uri = server.uri("/ml-100k.zip");

    assertThatThrownBy(() -> impatient.download(uri, target(), ExpectedFile.unknown(),
        Progress.NONE))
        .isInstanceOf(UnreachableException.class)
        .hasMessageContaining("no response in time")
        .hasMessageContaining(uri.toString())
        .hasMessageContaining(target().toString());
    assertThat(filesInDir()).isEmpty();
  }

  @Test
  void refusedConnectionSaysWhatToDownloadAndWhereToSaveIt() throws IOException {
    URI uri = URI.create("http://127.0.0.1:" + LocalServer.closedPort() + "/ml-100k.zip");

    assertThatThrownBy(() -> downloader.download(uri, target(), ExpectedFile.unknown(),
        Progress.NONE))
        .isInstanceOf(UnreachableException.class)
        .hasMessageContaining(uri.toString())
        .hasMessageContaining(target().toString())
        .hasMessageContaining("connection refused");
    assertThat(filesInDir()).isEmpty();
  }

  @Test
  void interruptStopsTheDownloadAndLeavesNoFile() throws Exception {
    byte[] big = new byte[1 << 20];
    server.serveStalling("/ml-100k.zip", big, 1000);
    RecordingProgress progress = new RecordingProgress();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
    Thread worker = new Thread(() -> {
      try {
        downloader.download(server.uri("/ml-100k.zip"), target(), ExpectedFile.unknown(),
            progress);
      } catch (RuntimeException e) {
        thrown.set(e);
      }
      stillInterrupted.set(Thread.currentThread().isInterrupted());
    });
    worker.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (progress.advancedSoFar() < 1000 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }

    worker.interrupt();
    worker.join(5000);

    assertThat(worker.isAlive()).isFalse();
    assertThat(thrown.get()).isInstanceOf(DataException.class).hasMessageContaining("interrupted");
    assertThat(stillInterrupted.get()).isTrue();
    assertThat(filesInDir()).isEmpty();
  }

  private void writeTarget(byte[] bytes) {
    try {
      Files.write(target(), bytes);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void settingsRejectNonPositiveTimeouts() {
    assertThatThrownBy(() -> new Downloader.Settings(
        Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("connectTimeout must be > 0, got PT0S");
  }
}
