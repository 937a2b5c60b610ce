package org.rbmrec.data.fetch;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.rbmrec.data.movielens.MovieLensVariant;

/**
 * What a downloaded file must be, where known: its size in bytes and its SHA-256.
 *
 * @param size the size in bytes, or -1 when unknown
 * @param sha256 the SHA-256 as 64 hex digits (stored lower-case), or null when unknown
 */
public record ExpectedFile(long size, String sha256) {
  private static final ExpectedFile UNKNOWN = new ExpectedFile(-1, null);

  public ExpectedFile {
    if (size < -1) {
      throw new IllegalArgumentException("size must be >= 0, or -1 for unknown, got " + size);
    }
    if (sha256 != null) {
      if (!sha256.matches("[0-9a-fA-F]{64}")) {
        throw new IllegalArgumentException(
            "sha256 must be 64 hex digits, or null for unknown, got \"" + sha256 + "\"");
      }
      sha256 = sha256.toLowerCase(Locale.ROOT);
    }
  }

  /** Nothing known: the download is accepted as the server sends it. */
  public static ExpectedFile unknown() {
    return UNKNOWN;
  }

  /** The size and SHA-256 of {@code v}'s official zip, as far as the registry knows them. */
  public static ExpectedFile of(MovieLensVariant v) {
    return new ExpectedFile(v.zipSize().orElse(-1), v.zipSha256().orElse(null));
  }

  /** The size in bytes, when known. */
  public OptionalLong knownSize() {
    return size < 0 ? OptionalLong.empty() : OptionalLong.of(size);
  }

  /** The SHA-256 as lower-case hex, when known. */
  public Optional<String> knownSha256() {
    return Optional.ofNullable(sha256);
  }
}
