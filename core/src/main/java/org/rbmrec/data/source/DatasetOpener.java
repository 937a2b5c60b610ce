package org.rbmrec.data.source;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.rbmrec.data.DataException;
import org.rbmrec.data.fetch.DataDirectory;
import org.rbmrec.data.fetch.MovieLensFetcher;
import org.rbmrec.data.io.LoadedRatings;
import org.rbmrec.data.io.RatingsLoader;
import org.rbmrec.data.io.ReaderOptions;
import org.rbmrec.data.movielens.MovieLensLoader;
import org.rbmrec.data.movielens.MovieLensVariant;
import org.rbmrec.progress.Progress;

/**
 * Opens a data set by name or path. The rules, in order:
 * <ol>
 *   <li>an existing path: a MovieLens folder or official zip (recognised by its files or name)
 *       loads as that variant; any other file is read by the generic delimited reader with
 *       {@code readerOptions} (which by default sniffs the separator and header and infers the
 *       rating scale);
 *   <li>a MovieLens name ({@code ml-100k}, {@code ml-20m}, …): the set's folder or zip in the data
 *       folder; when it is missing and {@code fetchIfMissing} is set, it is downloaded first;
 *   <li>anything else is a {@link DataException} that says what was looked for.
 * </ol>
 * Every load goes through the binary cache ({@link RatingsLoader}); caches of read-only folders
 * go to {@code cacheDir}.
 */
public final class DatasetOpener {
  private final MovieLensFetcher fetcher;
  private final URI downloadBase;
  private final RatingsLoader loader;

  /**
   * @param fetcher downloads missing MovieLens sets
   * @param downloadBase where the official zips are published
   * @param cacheDir where parsed-data caches go when the data's own folder is read-only; null to
   *     load uncached then
   */
  public DatasetOpener(MovieLensFetcher fetcher, URI downloadBase, Path cacheDir) {
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    this.downloadBase = Objects.requireNonNull(downloadBase, "downloadBase");
    this.loader = new RatingsLoader(cacheDir);
  }

  /** The official download site and a cache folder inside the per-user cache folder. */
  public static DatasetOpener defaults() {
    java.util.Map<String, String> env = new java.util.HashMap<>(System.getenv());
    env.remove(DataDirectory.ENV_VAR);
    Path cache = DataDirectory.resolve(null, env, Path.of(System.getProperty("user.home")),
        System.getProperty("os.name", "")).path().resolve("cache");
    return new DatasetOpener(MovieLensFetcher.defaults(),
        URI.create(MovieLensVariant.DOWNLOAD_BASE), cache);
  }

  /**
   * Opens {@code nameOrPath}.
   *
   * @param dir the data folder where named sets live
   * @param fetchIfMissing whether a named MovieLens set that is missing is downloaded
   * @param readerOptions how a generic ratings file is read
   */
  public Dataset open(
      String nameOrPath, DataDirectory dir, boolean fetchIfMissing, ReaderOptions readerOptions,
      Progress progress) {
    Objects.requireNonNull(nameOrPath, "nameOrPath");
    Path path = Path.of(nameOrPath);
    Optional<MovieLensVariant> named = MovieLensVariant.byName(nameOrPath);
    if (Files.exists(path) && !(named.isPresent() && Files.isDirectory(path)
        && MovieLensLoader.detect(path).isEmpty())) {
      return openPath(nameOrPath, path, readerOptions, progress);
    }
    if (named.isPresent()) {
      MovieLensVariant variant = named.get();
      Optional<Path> found = dir.locate(variant);
      List<String> notices = new ArrayList<>();
      Path location;
      if (found.isPresent()) {
        location = found.get();
      } else if (fetchIfMissing) {
        notices.add(variant.id() + " is not in " + dir + "; downloading it from "
            + downloadBase.resolve(variant.zipName()));
        location = fetcher.fetch(variant, dir.path(), downloadBase, progress);
      } else {
        throw new DataException(dir.missingMessage(variant));
      }
      LoadedRatings loaded = loader.loadCached(variant, location, progress);
      return new Dataset(nameOrPath, loaded.withNotices(notices),
          Optional.of(variant), location);
    }
    throw new DataException("no data set \"" + nameOrPath + "\": it is neither a file or folder"
        + " nor a MovieLens name (" + MovieLensVariant.names() + ")");
  }

  private Dataset openPath(
      String name, Path path, ReaderOptions readerOptions, Progress progress) {
    Optional<MovieLensVariant> variant = MovieLensLoader.detect(path);
    if (variant.isPresent()) {
      LoadedRatings loaded = loader.loadCached(variant.get(), path, progress);
      return new Dataset(name, loaded, variant, path);
    }
    if (Files.isDirectory(path)) {
      throw new DataException(path + " is a folder but not a MovieLens one (no u.data,"
          + " ratings.dat or ratings.csv of a known variant); give the ratings file itself");
    }
    LoadedRatings loaded = loader.loadCached(path, readerOptions, progress);
    return new Dataset(name, loaded, Optional.empty(), path);
  }
}
