package org.rbmrec.data.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.rbmrec.data.IdIndex;
import org.rbmrec.data.RatingScale;
import org.rbmrec.data.Ratings;
import org.rbmrec.progress.Progress;

/**
 * A binary cache of parsed ratings next to their source file, such as
 * {@code ratings.csv.rbmrec-cache}, so that loading the same data again skips parsing.
 *
 * <p>File layout, every number little-endian:
 * <pre>
 *   magic "RBMRCACH" (8 bytes), format version (int32)
 *   key (int32 byte length + UTF-8): the sources' names, sizes and modification times, and the
 *       reader options or MovieLens variant; a different key means the cache is out of date
 *   n, numUsers, numItems (int32 each), hasTimestamps (int8)
 *   scale min, max, step (float64 each)
 *   user raw ids (numUsers × int64), item raw ids (numItems × int64)
 *   user indices (n × int32), item indices (n × int32), levels (n × int8),
 *       timestamps (n × int64, only if hasTimestamps)
 *   numTitles (int32), title ids (numTitles × int64), titles (numTitles × string)
 *   numNotices (int32), notices (strings), source (string)
 *   CRC-32C of all the bytes above (int64)
 * </pre>
 * where a string is an int32 byte length then UTF-8 bytes.
 *
 * <p>Writes go to a temporary file in the same folder, moved into place atomically, so a reader
 * never sees a half-written cache. An empty, truncated or damaged cache file is detected (size
 * checks and checksum), ignored with a notice, and rebuilt. If the source's folder cannot be
 * written (such as a read-only shared data folder), the cache goes to the fallback folder given
 * to the constructor instead, named after the source and a hash of its absolute path; without a
 * fallback, loading works uncached with a notice. No Java serialization is involved.
 */
public final class RatingsCache {
  /** The suffix added to the source's file name. */
  public static final String SUFFIX = ".rbmrec-cache";
  /** The layout version written after the magic; older or newer files are rebuilt. */
  public static final int FORMAT_VERSION = 1;

  private static final byte[] MAGIC = "RBMRCACH".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_STRING = 1 << 20;

  private final Path fallbackDir;

  /**
   * @param fallbackDir where to keep cache files when the source's folder is not writable, or
   *     null to skip caching in that case
   */
  public RatingsCache(Path fallbackDir) {
    this.fallbackDir = fallbackDir;
  }

  /** A cache that only writes next to the source. */
  public RatingsCache() {
    this(null);
  }

  /**
   * Loads data through the cache: returns the cached copy of {@code source} if one is valid for
   * {@code inputs} and {@code fingerprint}, else calls {@code loader} and caches its result.
   *
   * @param source the file whose name the cache takes (the ratings file or the zip)
   * @param inputs every file the data is read from; their names, sizes and modification times
   *     form the cache key
   * @param fingerprint how the files are read (reader options or variant); part of the key
   * @param loader parses the sources when the cache cannot be used
   * @param progress told about reading the cache; the loader reports its own progress
   * @return the data, with notices saying whether the cache was used, rebuilt or skipped
   */
  public LoadedRatings load(
      Path source, List<Path> inputs, String fingerprint, Supplier<LoadedRatings> loader,
      Progress progress) {
    Objects.requireNonNull(loader, "loader");
    String key;
    try {
      key = key(inputs, fingerprint);
    } catch (IOException e) {
      return loader.get(); // the loader reports the missing or unreadable source clearly
    }
    List<String> notices = new ArrayList<>();
    Path primary = primaryPath(source);
    Path fallback = fallbackPath(source);
    for (Path candidate : fallback == null ? List.of(primary) : List.of(primary, fallback)) {
      if (!Files.isRegularFile(candidate)) {
        continue;
      }
      try {
        LoadedRatings cached = read(candidate, key, progress);
        if (cached != null) {
          return cached.withNotices(List.of("loaded parsed ratings from cache " + candidate));
        }
        notices.add("cache " + candidate + " is out of date; rebuilt it");
      } catch (IOException | RuntimeException e) {
        notices.add("cache " + candidate + " is unreadable (" + e.getMessage()
            + "); ignored it and rebuilt it");
      }
    }
    LoadedRatings data = loader.get();
    notices.add(store(primary, fallback, key, data));
    return data.withNotices(notices);
  }

  /** The cache file beside {@code source}. */
  public static Path primaryPath(Path source) {
    return source.resolveSibling(source.getFileName() + SUFFIX);
  }

  /** The cache file for {@code source} in the fallback folder, or null if there is none. */
  public Path fallbackPath(Path source) {
    if (fallbackDir == null) {
      return null;
    }
    String absolute = source.toAbsolutePath().normalize().toString();
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < absolute.length(); i++) {
      h = (h ^ absolute.charAt(i)) * 0x100000001b3L;
    }
    return fallbackDir.resolve(
        source.getFileName() + "-" + Long.toHexString(h) + SUFFIX);
  }

  /** Writes the cache where it can; returns a notice saying where, or why not. */
  private String store(Path primary, Path fallback, String key, LoadedRatings data) {
    String primaryProblem;
    Path parent = primary.toAbsolutePath().getParent();
    if (parent != null && isWritableFolder(parent)) {
      try {
        write(primary, key, data);
        return "cached parsed ratings in " + primary;
      } catch (IOException e) {
        primaryProblem = e.getMessage();
      }
    } else {
      primaryProblem = "folder " + parent + " is read-only";
    }
    if (fallback == null) {
      return "did not cache parsed ratings: " + primaryProblem
          + " and no fallback cache folder was given";
    }
    try {
      Files.createDirectories(fallback.getParent());
      write(fallback, key, data);
      return "cached parsed ratings in " + fallback + " (" + primaryProblem + ")";
    } catch (IOException e) {
      return "did not cache parsed ratings: " + primaryProblem + "; fallback " + fallback
          + " failed too: " + e.getMessage();
    }
  }

  /**
   * Whether the cache may write in {@code folder}: it must be writable and, where the file
   * system has POSIX permissions, grant someone write permission. The second test keeps a
   * process running as root from writing into a folder whose permissions say read-only (such as
   * a shared data folder).
   */
  static boolean isWritableFolder(Path folder) {
    if (!Files.isDirectory(folder) || !Files.isWritable(folder)) {
      return false;
    }
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(folder);
      return permissions.contains(PosixFilePermission.OWNER_WRITE)
          || permissions.contains(PosixFilePermission.GROUP_WRITE)
          || permissions.contains(PosixFilePermission.OTHERS_WRITE);
    } catch (UnsupportedOperationException | IOException e) {
      return true;
    }
  }

  /**
   * The cache key of data read from {@code inputs} with {@code fingerprint}.
   *
   * @throws IOException if an input is missing or unreadable
   */
  public static String key(List<Path> inputs, String fingerprint) throws IOException {
    StringBuilder key = new StringBuilder("parser=1");
    for (Path input : inputs) {
      key.append(";file=").append(input.getFileName())
          .append(':').append(Files.size(input))
          .append(':').append(Files.getLastModifiedTime(input).toMillis());
    }
    return key.append(";read=").append(fingerprint).toString();
  }

  /**
   * Writes {@code data} to {@code file} atomically (a temporary file in the same folder, then an
   * atomic move).
   */
  public static void write(Path file, String key, LoadedRatings data) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        writeTo(new CacheOutput(channel), key, data);
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void writeTo(CacheOutput out, String key, LoadedRatings data)
      throws IOException {
    Ratings ratings = data.ratings();
    out.putBytes(MAGIC);
    out.putInt(FORMAT_VERSION);
    out.putString(key);
    out.putInt(ratings.size());
    out.putInt(ratings.numUsers());
    out.putInt(ratings.numItems());
    out.putByte(ratings.hasTimestamps() ? 1 : 0);
    out.putDouble(ratings.scale().min());
    out.putDouble(ratings.scale().max());
    out.putDouble(ratings.scale().step());
    out.putLongs(ratings.userIds().rawIds());
    out.putLongs(ratings.itemIds().rawIds());
    out.putInts(ratings.usersCopy());
    out.putInts(ratings.itemsCopy());
    out.putBytes(ratings.levelsCopy());
    if (ratings.hasTimestamps()) {
      out.putLongs(ratings.timestampsCopy());
    }
    ItemTitles titles = data.titles();
    out.putInt(titles.size());
    out.putLongs(titles.ids());
    for (int i = 0; i < titles.size(); i++) {
      out.putString(titles.titleAt(i));
    }
    out.putInt(data.notices().size());
    for (String notice : data.notices()) {
      out.putString(notice);
    }
    out.putString(data.source());
    out.finishWithChecksum();
  }

  /**
   * Reads the cache file {@code file}.
   *
   * @return the cached data, or null if the file was written for another key (out of date)
   * @throws IOException if the file is unreadable, truncated or damaged
   */
  public static LoadedRatings read(Path file, String key, Progress progress) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      CacheInput in = new CacheInput(channel, size);
      byte[] magic = new byte[MAGIC.length];
      in.getBytes(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new CorruptCacheException("not an rbmrec cache file");
      }
      int version = in.getInt();
      if (version != FORMAT_VERSION) {
        return null;
      }
      if (!key.equals(in.getString(MAX_STRING))) {
        return null;
      }
      progress.start("reading cache " + file.getFileName(), size, "B");
      try {
        LoadedRatings data = readBody(in);
        in.verifyChecksum();
        progress.advance(size);
        return data;
      } finally {
        progress.finish();
      }
    } catch (NoSuchFileException e) {
      throw new CorruptCacheException("the file vanished");
    }
  }

  private static LoadedRatings readBody(CacheInput in) throws IOException {
    int n = in.getInt();
    int numUsers = in.getInt();
    int numItems = in.getInt();
    byte hasTimestamps = in.getByte();
    long perRating = 9L + (hasTimestamps == 1 ? 8 : 0);
    if (n < 0 || numUsers < 0 || numItems < 0 || (hasTimestamps & ~1) != 0
        || n * perRating + 8L * (numUsers + (long) numItems) > in.remaining()) {
      throw new CorruptCacheException("the counts do not fit the file size");
    }
    RatingScale scale;
    try {
      scale = new RatingScale(in.getDouble(), in.getDouble(), in.getDouble());
    } catch (IllegalArgumentException e) {
      throw new CorruptCacheException("the rating scale is invalid");
    }
    long[] userRaw = new long[numUsers];
    long[] itemRaw = new long[numItems];
    in.getLongs(userRaw);
    in.getLongs(itemRaw);
    int[] users = new int[n];
    int[] items = new int[n];
    byte[] levels = new byte[n];
    in.getInts(users);
    in.getInts(items);
    in.getBytes(levels);
    long[] timestamps = null;
    if (hasTimestamps == 1) {
      timestamps = new long[n];
      in.getLongs(timestamps);
    }
    int numTitles = in.getInt();
    if (numTitles < 0 || 12L * numTitles > in.remaining()) {
      throw new CorruptCacheException("the title count does not fit the file size");
    }
    long[] titleIds = new long[numTitles];
    in.getLongs(titleIds);
    String[] titles = new String[numTitles];
    for (int i = 0; i < numTitles; i++) {
      titles[i] = in.getString(MAX_STRING);
    }
    int numNotices = in.getInt();
    if (numNotices < 0 || 4L * numNotices > in.remaining()) {
      throw new CorruptCacheException("the notice count does not fit the file size");
    }
    List<String> notices = new ArrayList<>(numNotices);
    for (int i = 0; i < numNotices; i++) {
      notices.add(in.getString(MAX_STRING));
    }
    String source = in.getString(MAX_STRING);
    try {
      Ratings ratings = Ratings.of(users, items, levels, timestamps,
          IdIndex.of("user", userRaw), IdIndex.of("item", itemRaw), scale);
      return new LoadedRatings(ratings, ItemTitles.of(titleIds, titles), notices, source);
    } catch (IllegalArgumentException e) {
      throw new CorruptCacheException("the data is inconsistent: " + e.getMessage());
    }
  }
}
