package org.rbmrec.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rbmrec.data.Ml100kFixture;
import org.rbmrec.data.Ratings;
import org.rbmrec.data.SharedData;
import org.rbmrec.data.movielens.MovieLensVariant;
import org.rbmrec.progress.Progress;

class RatingsCacheTest {
  @TempDir Path dir;

  private Path ratingsFile() throws IOException {
    Path file = dir.resolve("ratings.csv");
    Files.writeString(file, "userId,movieId,rating,timestamp\n1,10,3.5,100\n1,11,4,101\n"
        + "2,10,0.5,102\n3,12,5,103\n2,10,1,99\n");
    return file;
  }

  private static LoadedRatings load(RatingsLoader loader, Path file) {
    return loader.loadCached(file, ReaderOptions.defaults(), Progress.NONE);
  }

  private static boolean fromCache(LoadedRatings loaded) {
    return loaded.notices().stream().anyMatch(n -> n.startsWith("loaded parsed ratings from cache"));
  }

  private static void assertSameData(LoadedRatings a, LoadedRatings b) {
    Ratings x = a.ratings();
    Ratings y = b.ratings();
    assertThat(y.fingerprint()).isEqualTo(x.fingerprint());
    assertThat(y.timestampsCopy()).isEqualTo(x.timestampsCopy());
    assertThat(y.scale()).isEqualTo(x.scale());
    assertThat(b.titles()).isEqualTo(a.titles());
    assertThat(b.source()).isEqualTo(a.source());
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  @Test
  void secondLoadComesFromTheCacheWithIdenticalData() throws IOException {
    Path file = ratingsFile();
    RatingsLoader loader = new RatingsLoader(null);
    LoadedRatings first = load(loader, file);
    assertThat(fromCache(first)).isFalse();
    assertThat(RatingsCache.primaryPath(file)).exists();
    assertThat(first.notices()).anyMatch(n -> n.startsWith("cached parsed ratings in"));
    LoadedRatings second = load(loader, file);
    assertThat(fromCache(second)).isTrue();
    assertSameData(first, second);
    // What the reader inferred on the first load is still reported.
    assertThat(second.notices()).anyMatch(n -> n.contains("1 duplicate"));
  }

  @Test
  void changedSourceInvalidatesTheCache() throws IOException {
    Path file = ratingsFile();
    RatingsLoader loader = new RatingsLoader(null);
    load(loader, file);
    Files.writeString(file, "1,10,2,200\n4,13,3,201\n", StandardOpenOption.APPEND);
    LoadedRatings reloaded = load(loader, file);
    assertThat(fromCache(reloaded)).isFalse();
    assertThat(reloaded.notices()).anyMatch(n -> n.contains("is out of date; rebuilt it"));
    assertThat(reloaded.ratings().numUsers()).isEqualTo(4);
    assertThat(fromCache(load(loader, file))).isTrue();
  }

  @Test
  void touchedSourceInvalidatesTheCache() throws IOException {
    Path file = ratingsFile();
    RatingsLoader loader = new RatingsLoader(null);
    load(loader, file);
    Files.setLastModifiedTime(file, FileTime.fromMillis(
        Files.getLastModifiedTime(file).toMillis() + 5_000));
    assertThat(fromCache(load(loader, file))).isFalse();
  }

  @Test
  void otherReaderOptionsDoNotUseTheCache() throws IOException {
    Path file = ratingsFile();
    RatingsLoader loader = new RatingsLoader(null);
    load(loader, file);
    LoadedRatings other = loader.loadCached(file,
        ReaderOptions.defaults().withColumns(0, 1, 2, -1), Progress.NONE);
    assertThat(fromCache(other)).isFalse();
    assertThat(other.ratings().hasTimestamps()).isFalse();
  }

  @Test
  void truncatedCacheIsIgnoredAndRebuilt() throws IOException {
    Path file = ratingsFile();
    RatingsLoader loader = new RatingsLoader(null);
    LoadedRatings first = load(loader, file);
    Path cache = RatingsCache.primaryPath(file);
    try (RandomAccessFile raf = new RandomAccessFile(cache.toFile(), "rw")) {
      raf.setLength(raf.length() - 20);
    }
    LoadedRatings rebuilt = load(loader, file);
    assertThat(fromCache(rebuilt)).isFalse();
    assertThat(rebuilt.notices()).anyMatch(n -> n.contains("is unreadable"));
    assertSameData(first, rebuilt);
    assertThat(fromCache(load(loader, file))).isTrue();
  }

  @Test
  void emptyCacheIsIgnoredAndRebuilt() throws IOException {
    Path file = ratingsFile();
    RatingsLoader loader = new RatingsLoader(null);
    load(loader, file);
    Files.write(RatingsCache.primaryPath(file), new byte[0]);
    LoadedRatings rebuilt = load(loader, file);
    assertThat(rebuilt.notices()).anyMatch(n -> n.contains("is unreadable (the file is only 0"));
    assertThat(rebuilt.ratings().size()).isEqualTo(4);
  }

  @Test
  void flippedByteIsCaughtByTheChecksum() throws IOException {
    Path file = ratingsFile();
    RatingsLoader loader = new RatingsLoader(null);
    LoadedRatings first = load(loader, file);
    Path cache = RatingsCache.primaryPath(file);
    byte[] bytes = Files.readAllBytes(cache);
    // A byte inside the level array: the data stay structurally valid, only the checksum can tell.
    int levelsAt = bytes.length - 8 - 200;
    for (int at = levelsAt; at < bytes.length - 8; at += 7) {
      byte[] damaged = bytes.clone();
      damaged[at] ^= 0x01;
      Files.write(cache, damaged);
      LoadedRatings rebuilt = load(loader, file);
      assertThat(fromCache(rebuilt)).as("flip at %d", at).isFalse();
      assertSameData(first, rebuilt);
      bytes = Files.readAllBytes(cache);
    }
  }

  @Test
  void notACacheFileIsIgnored() throws IOException {
    Path file = ratingsFile();
    Files.writeString(RatingsCache.primaryPath(file), "hello, this is not a cache at all");
    LoadedRatings loaded = load(new RatingsLoader(null), file);
    assertThat(loaded.notices()).anyMatch(n -> n.contains("not an rbmrec cache file"));
    assertThat(loaded.ratings().size()).isEqualTo(4);
  }

  @Test
  void readOnlyFolderFallsBackToTheGivenCacheFolder() throws IOException {
    assumeTrue(posix());
    Path data = Files.createDirectories(dir.resolve("data"));
    Path file = Files.copy(ratingsFile(), data.resolve("r.csv"));
    Path fallback = dir.resolve("cache");
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      RatingsLoader loader = new RatingsLoader(fallback);
      LoadedRatings first = load(loader, file);
      assertThat(first.notices()).anyMatch(n -> n.contains("cached parsed ratings in " + fallback)
          && n.contains("read-only"));
      assertThat(RatingsCache.primaryPath(file)).doesNotExist();
      LoadedRatings second = load(loader, file);
      assertThat(fromCache(second)).isTrue();
      assertSameData(first, second);
    } finally {
      Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void readOnlyFolderWithoutFallbackLoadsUncachedWithANotice() throws IOException {
    assumeTrue(posix());
    Path data = Files.createDirectories(dir.resolve("data"));
    Path file = Files.copy(ratingsFile(), data.resolve("r.csv"));
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      LoadedRatings loaded = load(new RatingsLoader(null), file);
      assertThat(loaded.ratings().size()).isEqualTo(4);
      assertThat(loaded.notices()).anyMatch(n -> n.startsWith("did not cache parsed ratings"));
      try (Stream<Path> files = Files.list(data)) {
        assertThat(files).containsExactly(file);
      }
    } finally {
      Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void sharedMl100kIsCachedInTheFallbackNeverInTheSharedFolder() throws IOException {
    // Never write into the shared data: run only where its folder is read-only, as it should be.
    assumeFalse(RatingsCache.isWritableFolder(SharedData.ml100k()));
    Path fallback = dir.resolve("cache");
    RatingsLoader loader = new RatingsLoader(fallback);
    LoadedRatings first = loader.loadCached(MovieLensVariant.ML_100K, SharedData.ml100k(),
        Progress.NONE);
    LoadedRatings second = loader.loadCached(MovieLensVariant.ML_100K, SharedData.ml100k(),
        Progress.NONE);
    assertThat(fromCache(second)).isTrue();
    assertThat(second.ratings().fingerprint()).isEqualTo(Ml100kFixture.all().fingerprint());
    assertThat(second.titles().title(1)).contains("Toy Story (1995)");
    assertSameData(first, second);
    try (Stream<Path> shared = Files.list(SharedData.ml100k())) {
      assertThat(shared).noneMatch(p -> p.toString().endsWith(RatingsCache.SUFFIX));
    }
    try (Stream<Path> cached = Files.list(fallback)) {
      assertThat(cached.toList()).hasSize(1);
    }
  }

  @Test
  void keyNamesEverySourceFile() throws IOException {
    Path file = ratingsFile();
    String key = RatingsCache.key(List.of(file), "opts");
    assertThat(key).contains("ratings.csv:" + Files.size(file)).endsWith(";read=opts");
  }
}
