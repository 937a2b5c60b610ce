package org.rbmrec.data.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.rbmrec.data.DataException;
import org.rbmrec.progress.Progress;

/**
 * Downloads one file over HTTP(S) atomically and verifies it.
 *
 * <p>The body streams into a temporary file beside the target ({@code ml-100k.zip.part-<random>})
 * while its SHA-256 is computed; the size and checksum are checked against an
 * {@link ExpectedFile}, the file is forced to disk and only then renamed onto the target with an
 * atomic move. On any failure — an HTTP status other than 200, a refused connection, a body cut
 * short, a size or checksum mismatch, an interrupt — the temporary file is deleted, so nothing is
 * left that looks complete. Errors are {@link DataException}s with a one-line message;
 * an unreachable server gives an {@link UnreachableException}.
 *
 * <p>Redirects are followed (except from HTTPS to HTTP); the system proxy settings apply. A server
 * that stops sending for {@link Settings#idleTimeout()} fails the download, and so does an
 * interrupt of the downloading thread (whose interrupt flag stays set).
 * Instances are thread-safe.
 */
public final class Downloader {
  private static final int BUFFER_BYTES = 1 << 16;

  /**
   * How long to wait for the network.
   *
   * @param connectTimeout the longest wait for a connection to open
   * @param responseTimeout the longest wait for the response headers once connected
   * @param idleTimeout the longest wait for more of the body; the whole body may take as long as
   *     it needs while data keeps arriving
   */
  public record Settings(Duration connectTimeout, Duration responseTimeout, Duration idleTimeout) {
    public Settings {
      requirePositive("connectTimeout", connectTimeout);
      requirePositive("responseTimeout", responseTimeout);
      requirePositive("idleTimeout", idleTimeout);
    }

    /** 20 s to connect, 60 s for the response headers, 60 s without data. */
    public static Settings defaults() {
      return new Settings(Duration.ofSeconds(20), Duration.ofSeconds(60), Duration.ofSeconds(60));
    }

    private static void requirePositive(String name, Duration value) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be > 0, got " + value);
      }
    }
  }

  private final Settings settings;
  private final HttpClient client;

  public Downloader(Settings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(settings.connectTimeout())
        .proxy(ProxySelector.getDefault())
        .build();
  }

  /** A downloader with {@link Settings#defaults()}. */
  public static Downloader defaults() {
    return new Downloader(Settings.defaults());
  }

  /** The timeouts in use. */
  public Settings settings() {
    return settings;
  }

  /**
   * Downloads {@code uri} into {@code target}, replacing it atomically, creating its folder if
   * needed.
   *
   * @param uri what to download; the server must answer 200
   * @param target the file to create
   * @param expected the size and SHA-256 the file must have, where known
   * @param progress receives the byte count: total from Content-Length (or -1), unit "B"
   * @return the SHA-256 of the downloaded file, as lower-case hex
   * @throws UnreachableException if the server cannot be reached
   * @throws DataException on any other failure; nothing is left at or beside {@code target}
   */
  public String download(URI uri, Path target, ExpectedFile expected, Progress progress) {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(progress, "progress");
    Path file = target.toAbsolutePath().normalize();
    Path dir = file.getParent();
    String name = file.getFileName().toString();
    createFolder(dir);

    HttpResponse<InputStream> response = send(uri, file);
    Path part = null;
    boolean started = false;
    boolean done = false;
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new DataException("HTTP " + response.statusCode() + " from " + uri);
      }
      long announced = response.headers().firstValueAsLong("Content-Length").orElse(-1);
      if (expected.size() >= 0 && announced >= 0 && announced != expected.size()) {
        throw new DataException("size mismatch for " + name + ": expected " + expected.size()
            + " bytes, the server announced " + announced + " (from " + uri + ")");
      }
      part = Files.createTempFile(dir, name + ".part-", "");
      progress.start("downloading " + name, announced, "B");
      started = true;
      String sha = copy(body, part, uri, name, announced, expected, progress);
      if (expected.sha256() != null && !expected.sha256().equals(sha)) {
        throw new DataException("checksum mismatch for " + name + ": expected SHA-256 "
            + expected.sha256() + ", got " + sha + " (from " + uri + ")");
      }
      Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
      done = true;
      return sha;
    } catch (IOException e) {
      throw new DataException("cannot save " + uri + " as " + file + ": " + reason(e), e);
    } finally {
      if (started) {
        progress.finish();
      }
      if (!done && part != null) {
        deleteQuietly(part);
      }
    }
  }

  private HttpResponse<InputStream> send(URI uri, Path file) {
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(settings.responseTimeout())
        .header("User-Agent", "rbmrec")
        .GET()
        .build();
    try {
      return client.send(request, InterruptibleBody.handler(settings.idleTimeout()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DataException("download of " + uri + " interrupted", e);
    } catch (IOException | UnresolvedAddressException e) {
      if (isUnreachable(e)) {
        String why = reason(e);
        throw new UnreachableException(uri, why, "cannot reach " + uri.getHost() + " (" + why
            + "): download " + uri + " by hand and save it as " + file, e);
      }
      throw new DataException("download of " + uri + " failed: " + reason(e), e);
    }
  }

  /** Streams the body into {@code part}, checking its length; returns its SHA-256. */
  private static String copy(InputStream body, Path part, URI uri, String name, long announced,
      ExpectedFile expected, Progress progress) throws IOException {
    MessageDigest digest = Sha256.newDigest();
    byte[] buffer = new byte[BUFFER_BYTES];
    long received = 0;
    try (FileChannel out = FileChannel.open(part, StandardOpenOption.WRITE)) {
      while (true) {
        int n;
        try {
          n = body.read(buffer);
        } catch (IOException e) {
          throw interruptedOr(e, uri, "download of " + name + " from " + uri + " broke off after "
              + received + (announced >= 0 ? " of " + announced : "") + " bytes: " + reason(e));
        }
        if (Thread.currentThread().isInterrupted()) {
          throw new DataException("download of " + uri + " interrupted");
        }
        if (n < 0) {
          break;
        }
        received += n;
        if (expected.size() >= 0 && received > expected.size()) {
          throw new DataException("size mismatch for " + name + ": expected " + expected.size()
              + " bytes, the server sent more (from " + uri + ")");
        }
        digest.update(buffer, 0, n);
        ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
        while (chunk.hasRemaining()) {
          out.write(chunk);
        }
        progress.advance(n);
      }
      if (announced >= 0 && received != announced) {
        throw new DataException("download of " + name + " from " + uri + " broke off after "
            + received + " of " + announced + " bytes");
      }
      if (expected.size() >= 0 && received != expected.size()) {
        throw new DataException("size mismatch for " + name + ": expected " + expected.size()
            + " bytes, got " + received + " (from " + uri + ")");
      }
      out.force(true);
    }
    return Sha256.hex(digest);
  }

  private static DataException interruptedOr(IOException e, URI uri, String message) {
    if (Thread.currentThread().isInterrupted() || hasCause(e, InterruptedException.class)) {
      Thread.currentThread().interrupt();
      return new DataException("download of " + uri + " interrupted", e);
    }
    return new DataException(message, e);
  }

  private static boolean isUnreachable(Throwable e) {
    return hasCause(e, ConnectException.class)
        || hasCause(e, UnknownHostException.class)
        || hasCause(e, UnresolvedAddressException.class)
        || hasCause(e, NoRouteToHostException.class)
        || hasCause(e, HttpTimeoutException.class);
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** A few words saying why {@code e} happened, from the most specific cause that says. */
  static String reason(Throwable e) {
    if (hasCause(e, UnresolvedAddressException.class) || hasCause(e, UnknownHostException.class)) {
      return "unknown host";
    }
    if (hasCause(e, HttpConnectTimeoutException.class)) {
      return "connection timed out";
    }
    if (hasCause(e, HttpTimeoutException.class)) {
      return "no response in time";
    }
    String message = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        message = t.getMessage();
      }
    }
    if (hasCause(e, ConnectException.class)) {
      return message == null ? "connection refused" : message.toLowerCase(Locale.ROOT);
    }
    return message == null ? e.getClass().getSimpleName() : message;
  }

  private static void createFolder(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new DataException("cannot create folder " + dir + ": " + reason(e), e);
    }
  }

  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // Best effort: the name ends in .part-<random>, so a leftover never looks complete.
    }
  }
}
