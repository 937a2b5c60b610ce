package org.rbmrec.data.io;

import java.io.IOException;

/** A cache file that is empty, truncated or damaged; the cache ignores it and rebuilds it. */
final class CorruptCacheException extends IOException {
  private static final long serialVersionUID = 1L;

  CorruptCacheException(String message) {
    super(message);
  }
}
