package org.rbmrec.data.fetch;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.ZipFile;
import org.rbmrec.data.DataException;
import org.rbmrec.data.movielens.MovieLensVariant;
import org.rbmrec.progress.Progress;

/**
 * Fetches a MovieLens variant into a data folder: {@code rbmrec data fetch NAME}, and "fetch on
 * first use" for {@code rbmrec train NAME}.
 *
 * <p>A fetch downloads {@code <base>/<zipName>} into {@code DIR/<zipName>} with
 * {@link Downloader} (verifying the size and SHA-256 the registry knows), then extracts the zip's
 * top folder into {@code DIR/<folderName>} with {@link SafeZipExtractor}. Both steps are atomic,
 * so an interrupted fetch leaves neither a zip nor a folder that looks complete, and running it
 * again starts cleanly.
 *
 * <p><b>The zip is kept</b> after extraction. It costs disk (about as much again as the
 * compressed set; 262 MB for ml-25m) but lets the set load straight from the zip, lets a damaged
 * or deleted folder be re-extracted without the network, and keeps the verified original the
 * checksums refer to. Delete it by hand to save space; nothing here needs it once extracted.
 *
 * <p>A zip already in the folder is not downloaded again; when the registry knows its size and
 * checksum it is verified first, and a mismatch is an error (the file is left for the user to
 * inspect, never deleted).
 */
public final class MovieLensFetcher {
  private final Downloader downloader;
  private final SafeZipExtractor extractor;

  public MovieLensFetcher(Downloader downloader, SafeZipExtractor extractor) {
    this.downloader = Objects.requireNonNull(downloader, "downloader");
    this.extractor = Objects.requireNonNull(extractor, "extractor");
  }

  /** A fetcher with the default downloader and extractor. */
  public static MovieLensFetcher defaults() {
    return new MovieLensFetcher(Downloader.defaults(), SafeZipExtractor.defaults());
  }

  /** Fetches {@code v} from GroupLens ({@link MovieLensVariant#DOWNLOAD_BASE}). */
  public Path fetch(MovieLensVariant v, Path dataDir, Progress progress) {
    return fetch(v, dataDir, URI.create(MovieLensVariant.DOWNLOAD_BASE), progress);
  }

  /** Fetches {@code v} from {@code baseUri}, verified against the registry's size and SHA-256. */
  public Path fetch(MovieLensVariant v, Path dataDir, URI baseUri, Progress progress) {
    return fetch(v, dataDir, baseUri, ExpectedFile.of(v), progress);
  }

  /**
   * Makes sure {@code dataDir/<folderName>} holds {@code v}'s extracted files, downloading and
   * extracting the official zip when needed.
   *
   * @param v the variant
   * @param dataDir the data folder; created if missing
   * @param baseUri where the zips live; {@code baseUri + v.zipName()} is downloaded
   * @param expected the size and SHA-256 the zip must have (normally {@link ExpectedFile#of})
   * @param progress receives the download and the extraction, in bytes
   * @return the extracted folder, {@code dataDir/<folderName>}, holding the ratings file
   * @throws DataException when the set cannot be fetched; when the server cannot be reached, the
   *     message says what to download by hand and where to put it
   */
  public Path fetch(MovieLensVariant v, Path dataDir, URI baseUri, ExpectedFile expected,
      Progress progress) {
    Objects.requireNonNull(v, "v");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(progress, "progress");
    DataDirectory dir = new DataDirectory(dataDir, DataDirectory.Rule.FLAG);
    Path folder = dir.folderOf(v);
    if (isExtracted(v, folder)) {
      return folder;
    }
    if (Files.exists(folder)) {
      throw new DataException(folder + " exists but holds no " + v.ratingsFile()
          + "; move it away and fetch " + v.id() + " again");
    }
    Path zip = dir.zipOf(v);
    URI uri = zipUri(baseUri, v);
    if (Files.isRegularFile(zip)) {
      verifyExisting(zip, expected);
    } else {
      try {
        downloader.download(uri, zip, expected, progress);
      } catch (UnreachableException e) {
        throw new DataException("cannot fetch " + v.id() + ": " + uri.getHost() + " is unreachable"
            + " (" + e.reason() + "); " + dir.manualInstructions(v, uri), e);
      }
    }
    requireEntry(v, zip);
    try {
      extractor.extract(zip, v.folderName(), folder, progress);
    } catch (DataException e) {
      if (isExtracted(v, folder)) {
        return folder; // another process finished the same fetch meanwhile
      }
      throw e;
    }
    return folder;
  }

  /**
   * Finds {@code v} in {@code dir} (extracted folder, else official zip), fetching it from
   * GroupLens on first use when missing.
   *
   * @return the folder or zip to load from
   */
  public Path ensure(MovieLensVariant v, DataDirectory dir, Progress progress) {
    return ensure(v, dir, URI.create(MovieLensVariant.DOWNLOAD_BASE), ExpectedFile.of(v),
        progress);
  }

  /**
   * Finds {@code v} in {@code dir} (extracted folder, else official zip), fetching it from
   * {@code baseUri} when missing.
   *
   * @return the folder or zip to load from
   */
  public Path ensure(MovieLensVariant v, DataDirectory dir, URI baseUri, ExpectedFile expected,
      Progress progress) {
    Optional<Path> present = dir.locate(v);
    if (present.isPresent()) {
      return present.get();
    }
    return fetch(v, dir.path(), baseUri, expected, progress);
  }

  /** {@code baseUri} followed by the zip's name, with exactly one '/' between. */
  static URI zipUri(URI baseUri, MovieLensVariant v) {
    String base = baseUri.toString();
    return URI.create(base.endsWith("/") ? base + v.zipName() : base + "/" + v.zipName());
  }

  private static boolean isExtracted(MovieLensVariant v, Path folder) {
    return Files.isRegularFile(folder.resolve(v.ratingsFile()));
  }

  private static void verifyExisting(Path zip, ExpectedFile expected) {
    try {
      long size = Files.size(zip);
      if (expected.size() >= 0 && size != expected.size()) {
        throw new DataException("size mismatch for " + zip + ": expected " + expected.size()
            + " bytes, got " + size + "; delete it and fetch again");
      }
      if (expected.sha256() != null) {
        String sha = Sha256.ofFile(zip);
        if (!sha.equals(expected.sha256())) {
          throw new DataException("checksum mismatch for " + zip + ": expected SHA-256 "
              + expected.sha256() + ", got " + sha + "; delete it and fetch again");
        }
      }
    } catch (IOException e) {
      throw new DataException("cannot read " + zip + ": " + e.getMessage(), e);
    }
  }

  private static void requireEntry(MovieLensVariant v, Path zip) {
    String entry = v.folderName() + "/" + v.ratingsFile();
    try (ZipFile zf = new ZipFile(zip.toFile())) {
      if (zf.getEntry(entry) == null) {
        throw new DataException(zip + " holds no " + entry + "; is it the official "
            + v.zipName() + "?");
      }
    } catch (IOException e) {
      throw new DataException(zip + " is not a readable zip (" + e.getMessage()
          + "); delete it and fetch again", e);
    }
  }
}
