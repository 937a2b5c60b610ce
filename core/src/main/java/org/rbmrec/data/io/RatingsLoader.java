package org.rbmrec.data.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.rbmrec.data.movielens.MovieLensLoader;
import org.rbmrec.data.movielens.MovieLensVariant;
import org.rbmrec.progress.Progress;

/**
 * The one entry point for loading rating data through the {@link RatingsCache}: a generic
 * delimited file, or a MovieLens variant from its folder or zip. The first load parses and writes
 * the cache; later loads of unchanged files read the cache.
 */
public final class RatingsLoader {
  private final RatingsCache cache;

  /**
   * @param fallbackCacheDir where caches go when a source's folder is not writable, or null to
   *     load uncached in that case
   */
  public RatingsLoader(Path fallbackCacheDir) {
    this.cache = new RatingsCache(fallbackCacheDir);
  }

  /**
   * Loads the delimited ratings file {@code file} read with {@code options}, through the cache.
   */
  public LoadedRatings loadCached(Path file, ReaderOptions options, Progress progress) {
    Objects.requireNonNull(options, "options");
    return cache.load(file, List.of(file), "delimited;" + options.fingerprint(),
        () -> new DelimitedRatingsReader(options).read(file, progress), progress);
  }

  /** Loads MovieLens {@code variant} from its folder or zip, through the cache. */
  public LoadedRatings loadCached(
      MovieLensVariant variant, Path folderOrZip, Progress progress) {
    Objects.requireNonNull(variant, "variant");
    return cache.load(MovieLensLoader.cacheSource(variant, folderOrZip),
        MovieLensLoader.inputs(variant, folderOrZip),
        "movielens;" + variant.id() + ";" + MovieLensLoader.readerOptions(variant).fingerprint(),
        () -> MovieLensLoader.load(variant, folderOrZip, progress), progress);
  }
}
