package org.rbmrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code data fetch} against a local HTTP server. The registry's checksums belong to the real
 * GroupLens zips, so a test zip must be refused, with the data folder left clean.
 */
class DataFetchCommandTest {
  @TempDir
  Path dir;

  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private String serve(byte[] zip) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      exchange.sendResponseHeaders(200, zip.length);
      try (OutputStream body = exchange.getResponseBody()) {
        body.write(zip);
      }
    });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  private static byte[] tinyMl100kZip() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("ml-100k/u.data"));
      zip.write("1\t1\t5\t881250949\n".getBytes(StandardCharsets.US_ASCII));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  @Test
  void aZipThatFailsTheOfficialChecksumIsRefusedAndNothingIsLeft() throws Exception {
    String base = serve(tinyMl100kZip());
    CliRun r = CliRun.run("data", "fetch", "ml-100k", "--data-dir", dir.toString(),
        "--base-url", base, "-q");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("ml-100k.zip");
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void aSetAlreadyPresentIsReportedWithoutDownloading() throws Exception {
    Files.createDirectories(dir.resolve("ml-100k"));
    Files.writeString(dir.resolve("ml-100k/u.data"), "1\t1\t5\t881250949\n");
    CliRun r = CliRun.run("data", "fetch", "ml-100k", "--data-dir", dir.toString(), "--json",
        "--base-url", "http://127.0.0.1:9/");
    assertThat(r.status()).as(r.err()).isZero();
    JsonNode json = DataInfoCommandTest.singleJsonObject(r.out());
    assertThat(json.get("path").asText()).endsWith("ml-100k");
    assertThat(json.get("data_dir_rule").asText()).isEqualTo("flag");
  }

  @Test
  void anUnreachableServerSaysWhatToDownloadAndWhereToPutIt() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    CliRun r = CliRun.run("data", "fetch", "ml-1m", "--data-dir", dir.toString(), "-q",
        "--base-url", "http://127.0.0.1:" + closedPort + "/");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("ml-1m.zip").contains(dir.toString());
  }

  @Test
  void anUnknownNameListsTheKnownOnes() {
    CliRun r = CliRun.run("data", "fetch", "ml-7b", "--data-dir", dir.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("ml-7b").contains("ml-100k").contains("ml-20m");
  }
}
