package org.rbmrec.data.movielens;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.rbmrec.data.DataException;
import org.rbmrec.data.io.DelimitedRatingsReader;
import org.rbmrec.data.io.DuplicatePolicy;
import org.rbmrec.data.io.ItemTitles;
import org.rbmrec.data.io.ItemTitlesReader;
import org.rbmrec.data.io.LoadedRatings;
import org.rbmrec.data.io.ReaderOptions;
import org.rbmrec.data.io.Separator;
import org.rbmrec.data.io.ZipEntryInput;
import org.rbmrec.progress.Progress;

/**
 * Loads a MovieLens variant's ratings and movie titles, from the folder its official zip
 * extracts to (for example {@code …/ml-100k/}) or straight from the zip (entries such as
 * {@code ml-100k/u.data}; ml-10m's zip holds {@code ml-10M100K/}), using the separator, header
 * and rating scale the registry {@link MovieLensVariant} gives.
 *
 * <p>A folder may be the variant's own folder or a folder that contains it. A missing titles
 * file is not an error: the titles are empty and a notice says so.
 */
public final class MovieLensLoader {
  private MovieLensLoader() {}

  /** How {@code variant}'s ratings file is read: its separator, header and scale, columns 0-3. */
  public static ReaderOptions readerOptions(MovieLensVariant variant) {
    return new ReaderOptions(Separator.parse(variant.separator()), variant.hasHeader(),
        0, 1, 2, 3, variant.scale(), DuplicatePolicy.KEEP_LATEST, StandardCharsets.UTF_8);
  }

  /**
   * Loads {@code variant} from {@code folderOrZip}.
   *
   * @param folderOrZip the extracted folder, a folder containing it, or the official zip
   * @param progress told about the bytes of the ratings file as they are read
   * @throws DataException if the folder or zip is missing or lacks the ratings file (suggesting
   *     {@code rbmrec data fetch}), or if the data is malformed
   */
  public static LoadedRatings load(MovieLensVariant variant, Path folderOrZip, Progress progress) {
    if (Files.isDirectory(folderOrZip)) {
      return loadFolder(variant, folderOrZip, progress);
    }
    if (Files.isRegularFile(folderOrZip)) {
      return loadZip(variant, folderOrZip, progress);
    }
    throw new DataException(variant.id() + " data not found at " + folderOrZip + "; run `rbmrec"
        + " data fetch " + variant.id() + "` to download it");
  }

  /**
   * The files {@code load} reads for {@code variant} from {@code folderOrZip}: the zip itself, or
   * the ratings file and (if present) the titles file in the folder. For cache keys.
   */
  public static List<Path> inputs(MovieLensVariant variant, Path folderOrZip) {
    if (!Files.isDirectory(folderOrZip)) {
      return List.of(folderOrZip);
    }
    Path folder = variantFolder(variant, folderOrZip);
    List<Path> inputs = new ArrayList<>(List.of(folder.resolve(variant.ratingsFile())));
    Path titles = folder.resolve(variant.titlesFile());
    if (Files.isRegularFile(titles)) {
      inputs.add(titles);
    }
    return inputs;
  }

  /**
   * The file a cache of {@code variant} loaded from {@code folderOrZip} is named after: the
   * ratings file in a folder, or the zip.
   */
  public static Path cacheSource(MovieLensVariant variant, Path folderOrZip) {
    return Files.isDirectory(folderOrZip)
        ? variantFolder(variant, folderOrZip).resolve(variant.ratingsFile())
        : folderOrZip;
  }

  /**
   * The variant whose files {@code folder} holds: {@code u.data} is ml-100k; {@code ratings.dat}
   * is ml-10m if the folder is named ml-10M100K or ml-10m or holds {@code tags.dat}, else ml-1m;
   * {@code ratings.csv} is the variant named like the folder (ml-20m, ml-25m, ml-32m,
   * ml-latest-small, ml-latest). A zip named like a variant ({@code ml-20m.zip}) is that variant.
   */
  public static Optional<MovieLensVariant> detect(Path folder) {
    Path name = folder.getFileName();
    String fileName = name == null ? "" : name.toString();
    if (Files.isRegularFile(folder)) {
      String lower = fileName.toLowerCase(Locale.ROOT);
      return lower.endsWith(".zip")
          ? MovieLensVariant.byName(fileName.substring(0, fileName.length() - 4))
          : Optional.empty();
    }
    if (!Files.isDirectory(folder)) {
      return Optional.empty();
    }
    Optional<MovieLensVariant> byName = MovieLensVariant.byName(fileName);
    if (Files.isRegularFile(folder.resolve("u.data"))) {
      return Optional.of(MovieLensVariant.ML_100K);
    }
    if (Files.isRegularFile(folder.resolve("ratings.dat"))) {
      if (byName.orElse(null) == MovieLensVariant.ML_10M
          || Files.isRegularFile(folder.resolve("tags.dat"))) {
        return Optional.of(MovieLensVariant.ML_10M);
      }
      return Optional.of(MovieLensVariant.ML_1M);
    }
    if (Files.isRegularFile(folder.resolve("ratings.csv"))) {
      return byName.filter(v -> v.ratingsFile().equals("ratings.csv"));
    }
    return Optional.empty();
  }

  private static Path variantFolder(MovieLensVariant variant, Path folder) {
    if (!Files.isRegularFile(folder.resolve(variant.ratingsFile()))) {
      Path inner = folder.resolve(variant.folderName());
      if (Files.isRegularFile(inner.resolve(variant.ratingsFile()))) {
        return inner;
      }
    }
    return folder;
  }

  private static LoadedRatings loadFolder(
      MovieLensVariant variant, Path folderIn, Progress progress) {
    Path folder = variantFolder(variant, folderIn);
    Path ratingsFile = folder.resolve(variant.ratingsFile());
    if (!Files.isRegularFile(ratingsFile)) {
      throw new DataException(variant.id() + " ratings file " + variant.ratingsFile()
          + " not found in " + folderIn + "; run `rbmrec data fetch " + variant.id()
          + "` to download it");
    }
    LoadedRatings loaded = new DelimitedRatingsReader(readerOptions(variant))
        .read(ratingsFile, progress);
    List<String> notices = new ArrayList<>();
    Path titlesFile = folder.resolve(variant.titlesFile());
    ItemTitles titles;
    if (Files.isRegularFile(titlesFile)) {
      titles = ItemTitlesReader.read(titlesFile, variant.titleFormat(), charset(variant),
          notices::add);
    } else {
      titles = ItemTitles.empty();
      notices.add("no titles: " + titlesFile + " not found");
    }
    return loaded.withTitles(titles).withNotices(notices);
  }

  private static LoadedRatings loadZip(MovieLensVariant variant, Path zip, Progress progress) {
    try (ZipFile zipFile = new ZipFile(zip.toFile())) {
      ZipEntry ratingsEntry = findEntry(zipFile, variant, variant.ratingsFile());
      if (ratingsEntry == null) {
        throw new DataException(zip + " has no " + variant.folderName() + "/"
            + variant.ratingsFile() + ": is it the official " + variant.zipName()
            + "? run `rbmrec data fetch " + variant.id() + "` to download it");
      }
      LoadedRatings loaded;
      try (InputStream in = ZipEntryInput.open(zipFile, ratingsEntry)) {
        loaded = new DelimitedRatingsReader(readerOptions(variant))
            .read(in, zip + "!" + ratingsEntry.getName(), ratingsEntry.getSize(), progress);
      }
      List<String> notices = new ArrayList<>();
      ZipEntry titlesEntry = findEntry(zipFile, variant, variant.titlesFile());
      ItemTitles titles;
      if (titlesEntry != null) {
        try (InputStream in = ZipEntryInput.open(zipFile, titlesEntry)) {
          titles = ItemTitlesReader.read(in, zip + "!" + titlesEntry.getName(),
              variant.titleFormat(), charset(variant), notices::add);
        }
      } else {
        titles = ItemTitles.empty();
        notices.add("no titles: " + zip + " has no " + variant.titlesFile());
      }
      return loaded.withTitles(titles).withNotices(notices);
    } catch (ZipException e) {
      throw new DataException(zip + " is not a readable zip file (" + e.getMessage()
          + "); delete it and run `rbmrec data fetch " + variant.id() + "`", e);
    } catch (IOException e) {
      throw new DataException("cannot read " + zip + ": " + e.getMessage(), e);
    }
  }

  /** {@code folderName/file}, else the shallowest entry named {@code file}. */
  private static ZipEntry findEntry(ZipFile zip, MovieLensVariant variant, String file) {
    ZipEntry exact = zip.getEntry(variant.folderName() + "/" + file);
    if (exact != null) {
      return exact;
    }
    ZipEntry best = null;
    int bestDepth = Integer.MAX_VALUE;
    for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
      ZipEntry entry = e.nextElement();
      String name = entry.getName();
      if (!entry.isDirectory() && (name.equals(file) || name.endsWith("/" + file))) {
        int depth = name.length() - name.replace("/", "").length();
        if (depth < bestDepth) {
          best = entry;
          bestDepth = depth;
        }
      }
    }
    return best;
  }

  private static Charset charset(MovieLensVariant variant) {
    return Charset.forName(variant.titlesCharset());
  }
}
