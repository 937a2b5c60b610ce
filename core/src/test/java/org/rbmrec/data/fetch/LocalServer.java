package org.rbmrec.data.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** An HTTP server on 127.0.0.1 at a free port, serving canned answers to tests. */
final class LocalServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "local-http");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private final CountDownLatch released = new CountDownLatch(1);

  private interface Handler {
    void handle(HttpExchange exchange) throws IOException, InterruptedException;
  }

  LocalServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(executor);
    server.start();
  }

  /** The address of {@code path} on this server, such as http://127.0.0.1:41234/ml-100k.zip. */
  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  /** How many requests {@code path} has received. */
  int requestCount(String path) {
    AtomicInteger count = requests.get(path);
    return count == null ? 0 : count.get();
  }

  /** Answers 200 with {@code body} and its Content-Length. */
  LocalServer serve(String path, byte[] body) {
    return on(path, ex -> {
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream os = ex.getResponseBody()) {
        os.write(body);
      }
    });
  }

  /** Answers 200 with {@code body}, chunked, without a Content-Length. */
  LocalServer serveChunked(String path, byte[] body) {
    return on(path, ex -> {
      ex.sendResponseHeaders(200, 0);
      try (OutputStream os = ex.getResponseBody()) {
        os.write(body);
      }
    });
  }

  /** Answers with {@code status} and an empty body. */
  LocalServer status(String path, int status) {
    return on(path, ex -> {
      ex.sendResponseHeaders(status, -1);
      ex.close();
    });
  }

  /** Answers 302 pointing at {@code location}. */
  LocalServer redirect(String path, String location) {
    return on(path, ex -> {
      ex.getResponseHeaders().add("Location", location);
      ex.sendResponseHeaders(302, -1);
      ex.close();
    });
  }

  /** Announces all of {@code body} but sends only {@code sent} bytes, then drops the connection. */
  LocalServer serveTruncated(String path, byte[] body, int sent) {
    return on(path, ex -> {
      ex.sendResponseHeaders(200, body.length);
      OutputStream os = ex.getResponseBody();
      os.write(body, 0, sent);
      os.flush();
      ex.close();
    });
  }

  /** Announces all of {@code body}, sends {@code sent} bytes, then stalls until closed. */
  LocalServer serveStalling(String path, byte[] body, int sent) {
    return on(path, ex -> {
      ex.sendResponseHeaders(200, body.length);
      OutputStream os = ex.getResponseBody();
      os.write(body, 0, sent);
      os.flush();
      released.await();
      ex.close();
    });
  }

  /** Never answers until closed. */
  LocalServer hang(String path) {
    return on(path, ex -> {
      released.await();
      ex.close();
    });
  }

  private LocalServer on(String path, Handler handler) {
    requests.put(path, new AtomicInteger());
    server.createContext(path, ex -> {
      requests.get(path).incrementAndGet();
      try {
        handler.handle(ex);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (IOException e) {
        // The client hung up or the answer is deliberately broken.
      }
    });
    return this;
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  /** A loopback port with nothing listening on it. */
  static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
