package org.rbmrec.data.fetch;

import java.net.URI;
import java.util.Objects;
import org.rbmrec.data.DataException;

/**
 * A download that could not start because the server could not be reached: no network, an
 * unknown host, a refused connection or a timeout. The message says what to download by hand and
 * where to save it.
 */
public final class UnreachableException extends DataException {
  private static final long serialVersionUID = 1L;

  private final URI uri;
  private final String reason;

  UnreachableException(URI uri, String reason, String message, Throwable cause) {
    super(message, cause);
    this.uri = Objects.requireNonNull(uri, "uri");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** The address that could not be reached. */
  public URI uri() {
    return uri;
  }

  /** Why, in a few words, such as "connection refused" or "unknown host". */
  public String reason() {
    return reason;
  }
}
