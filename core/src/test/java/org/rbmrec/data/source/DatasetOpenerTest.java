package org.rbmrec.data.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rbmrec.data.DataException;
import org.rbmrec.data.SharedData;
import org.rbmrec.data.fetch.DataDirectory;
import org.rbmrec.data.fetch.MovieLensFetcher;
import org.rbmrec.data.io.ReaderOptions;
import org.rbmrec.data.movielens.MovieLensVariant;
import org.rbmrec.progress.Progress;

class DatasetOpenerTest {
  @TempDir
  Path tmp;

  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private DatasetOpener opener(URI base) {
    return new DatasetOpener(MovieLensFetcher.defaults(), base, tmp.resolve("cache"));
  }

  private DatasetOpener offline() {
    return opener(URI.create("http://127.0.0.1:9/"));
  }

  private static DataDirectory dir(Path path) {
    return new DataDirectory(path, DataDirectory.Rule.FLAG);
  }

  @Test
  void aNameIsFoundInTheDataFolder() {
    Dataset d = offline().open("ml-100k", dir(SharedData.dataDir()), false,
        ReaderOptions.defaults(), Progress.NONE);
    assertThat(d.variant()).contains(MovieLensVariant.ML_100K);
    assertThat(d.ratings().size()).isEqualTo(100_000);
    assertThat(d.location()).isEqualTo(SharedData.ml100k());
    assertThat(d.titles().title(1)).contains("Toy Story (1995)");
  }

  @Test
  void aFolderPathIsRecognisedAsItsMovieLensVariant() {
    Dataset d = offline().open(SharedData.ml100k().toString(), dir(tmp), false,
        ReaderOptions.defaults(), Progress.NONE);
    assertThat(d.variant()).contains(MovieLensVariant.ML_100K);
    assertThat(d.ratings().numUsers()).isEqualTo(943);
  }

  @Test
  void anyOtherFileIsReadByTheGenericReader() throws IOException {
    Path csv = tmp.resolve("mine.tsv");
    Files.writeString(csv, "7\t1\t4\n7\t2\t5\n8\t1\t3\n");
    Dataset d = offline().open(csv.toString(), dir(tmp), false, ReaderOptions.defaults(),
        Progress.NONE);
    assertThat(d.variant()).isEmpty();
    assertThat(d.ratings().size()).isEqualTo(3);
    assertThat(d.location()).isEqualTo(csv);
  }

  @Test
  void aMissingSetWithoutFetchingSaysHowToGetIt() {
    assertThatThrownBy(() -> offline().open("ml-1m", dir(tmp), false, ReaderOptions.defaults(),
        Progress.NONE))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("rbmrec data fetch ml-1m")
        .hasMessageContaining("ml-1m.zip");
  }

  @Test
  void aMissingSetIsFetchedOnFirstUseAndNotAgain() throws IOException {
    byte[] zip = zip("ml-latest-small/ratings.csv",
        "userId,movieId,rating,timestamp\n1,10,4.5,964982703\n2,10,3.0,964982224\n");
    URI base = serve("/ml-latest-small.zip", zip);
    Dataset first = opener(base).open("ml-latest-small", dir(tmp), true,
        ReaderOptions.defaults(), Progress.NONE);
    assertThat(first.ratings().size()).isEqualTo(2);
    assertThat(first.notices()).anyMatch(n -> n.contains("downloading"));
    assertThat(tmp.resolve("ml-latest-small/ratings.csv")).exists();
    Dataset second = opener(base).open("ml-latest-small", dir(tmp), true,
        ReaderOptions.defaults(), Progress.NONE);
    assertThat(second.ratings().size()).isEqualTo(2);
    assertThat(requests.get()).isEqualTo(1);
  }

  @Test
  void neitherAPathNorANameIsAClearError() {
    assertThatThrownBy(() -> offline().open("no-such-thing.csv", dir(tmp), true,
        ReaderOptions.defaults(), Progress.NONE))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("no-such-thing.csv")
        .hasMessageContaining("ml-100k");
  }

  private URI serve(String path, byte[] body) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(path, exchange -> {
      requests.incrementAndGet();
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  private static byte[] zip(String entry, String content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      out.putNextEntry(new ZipEntry(entry));
      out.write(content.getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return bytes.toByteArray();
  }
}
