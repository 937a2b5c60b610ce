package org.rbmrec.data.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body read as an {@link InputStream} whose reads give up when the reading thread is
 * interrupted (an {@link InterruptedIOException}, with the interrupt flag kept) or when no data
 * arrives for {@code idleTimeout} (an {@link IOException}); either way the exchange is cancelled,
 * which closes the connection. The JDK's own {@code BodyHandlers.ofInputStream()} ignores
 * interrupts and waits forever on a stalled server.
 *
 * <p>Back-pressure: one buffer list is requested at a time, so at most one list waits unread.
 */
final class InterruptibleBody implements HttpResponse.BodySubscriber<InputStream> {
  private static final Object END = new Object();

  private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
  private final Duration idleTimeout;
  private volatile Flow.Subscription subscription;

  private record Failure(Throwable cause) {}

  InterruptibleBody(Duration idleTimeout) {
    this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
  }

  /** A handler giving every response such a body. */
  static HttpResponse.BodyHandler<InputStream> handler(Duration idleTimeout) {
    return info -> new InterruptibleBody(idleTimeout);
  }

  @Override
  public CompletionStage<InputStream> getBody() {
    return CompletableFuture.completedFuture(new Stream());
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> item) {
    queue.add(item);
  }

  @Override
  public void onError(Throwable throwable) {
    queue.add(new Failure(throwable));
  }

  @Override
  public void onComplete() {
    queue.add(END);
  }

  private void cancel() {
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
  }

  private final class Stream extends InputStream {
    private Iterator<ByteBuffer> buffers = List.<ByteBuffer>of().iterator();
    private ByteBuffer current;
    private boolean ended;
    private boolean closed;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      if (closed) {
        throw new IOException("stream closed");
      }
      if (len == 0) {
        return 0;
      }
      while (current == null || !current.hasRemaining()) {
        if (buffers.hasNext()) {
          current = buffers.next();
          continue;
        }
        if (ended) {
          return -1;
        }
        next();
      }
      int n = Math.min(len, current.remaining());
      current.get(b, off, n);
      return n;
    }

    /** Waits for the next buffer list, the end, or a failure. */
    @SuppressWarnings("unchecked")
    private void next() throws IOException {
      Object item;
      try {
        item = queue.poll(idleTimeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        cancel();
        Thread.currentThread().interrupt();
        InterruptedIOException io = new InterruptedIOException("interrupted");
        io.initCause(e);
        throw io;
      }
      if (item == null) {
        cancel();
        throw new IOException("no data for " + idleTimeout.toMillis() + " ms");
      }
      if (item == END) {
        ended = true;
      } else if (item instanceof Failure failure) {
        ended = true;
        throw new IOException(failure.cause().getMessage(), failure.cause());
      } else {
        buffers = ((List<ByteBuffer>) item).iterator();
        subscription.request(1);
      }
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        if (!ended) {
          cancel();
        }
      }
    }
  }
}
