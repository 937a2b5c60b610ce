package org.rbmrec.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;
import org.rbmrec.data.Ratings;
import org.rbmrec.data.io.LoadedRatings;
import org.rbmrec.data.io.RatingsCache;
import org.rbmrec.data.io.RatingsLoader;
import org.rbmrec.data.io.ReaderOptions;
import org.rbmrec.progress.Progress;

/**
 * A ratings cache file that is empty, cut short, has flipped bytes, extra bytes at its end, or is
 * replaced by random bytes: the next load never returns its content, says so in a notice, gives
 * exactly what parsing the ratings file gives, and rewrites the cache so that the load after it
 * comes from the cache again.
 */
class RatingsCacheHostileProperties {
  private static final String RATINGS = "userId,movieId,rating,timestamp\n"
      + "1,10,3.5,100\n1,11,4,101\n2,10,0.5,102\n3,12,5,103\n2,10,1,99\n"
      + "4000000000,13,2.5,104\n-7,10,3,105\n";

  private Path dir;
  private Path source;
  private byte[] validCache;

  @BeforeTry
  void writeRatingsAndCache() throws IOException {
    dir = Files.createTempDirectory("rbmrec-hostile-cache");
    source = Files.writeString(dir.resolve("ratings.csv"), RATINGS);
    LoadedRatings first = load();
    assertThat(fromCache(first)).isFalse();
    validCache = Files.readAllBytes(RatingsCache.primaryPath(source));
  }

  @AfterTry
  void deleteDir() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.toList()) {
        Files.delete(p);
      }
    }
    Files.delete(dir);
  }

  private LoadedRatings load() {
    return new RatingsLoader(null).loadCached(source, ReaderOptions.defaults(), Progress.NONE);
  }

  private static boolean fromCache(LoadedRatings loaded) {
    return loaded.notices().stream()
        .anyMatch(n -> n.startsWith("loaded parsed ratings from cache"));
  }

  private void assertRebuiltExactly() {
    LoadedRatings rebuilt = load();
    assertThat(fromCache(rebuilt)).isFalse();
    assertThat(rebuilt.notices()).anyMatch(n -> n.contains(RatingsCache.primaryPath(source)
        .toString()) && n.contains("rebuilt it"));
    LoadedRatings parsed = new org.rbmrec.data.io.DelimitedRatingsReader()
        .read(source, Progress.NONE);
    assertSameRatings(rebuilt.ratings(), parsed.ratings());
    LoadedRatings again = load();
    assertThat(fromCache(again)).isTrue();
    assertSameRatings(again.ratings(), parsed.ratings());
  }

  private static void assertSameRatings(Ratings a, Ratings b) {
    assertThat(a.size()).isEqualTo(b.size());
    assertThat(a.userIds().rawIds()).containsExactly(b.userIds().rawIds());
    assertThat(a.itemIds().rawIds()).containsExactly(b.itemIds().rawIds());
    assertThat(a.usersCopy()).containsExactly(b.usersCopy());
    assertThat(a.itemsCopy()).containsExactly(b.itemsCopy());
    assertThat(a.levelsCopy()).containsExactly(b.levelsCopy());
    assertThat(a.timestampsCopy()).containsExactly(b.timestampsCopy());
    assertThat(a.scale()).isEqualTo(b.scale());
  }

  private void writeCache(byte[] bytes) throws IOException {
    Files.write(RatingsCache.primaryPath(source), bytes);
  }

  @Property(tries = 60)
  void aCacheCutAtAnyLengthIsRebuilt(@ForAll @IntRange(min = 0, max = 1 << 16) int cut)
      throws IOException {
    writeCache(java.util.Arrays.copyOf(validCache, cut % validCache.length));
    assertRebuiltExactly();
  }

  @Property(tries = 60)
  void aCacheWithFlippedBytesIsRebuilt(
      @ForAll @Size(min = 1, max = 3) java.util.List<@IntRange(min = 0, max = 1 << 16) Integer>
          positions,
      @ForAll @IntRange(min = 1, max = 255) int mask) throws IOException {
    byte[] bytes = validCache.clone();
    java.util.Set<Integer> distinct = new java.util.HashSet<>();
    for (int p : positions) {
      distinct.add(p % bytes.length);
    }
    for (int p : distinct) {
      bytes[p] ^= (byte) mask;
    }
    writeCache(bytes);
    assertRebuiltExactly();
  }

  @Property(tries = 40)
  void aCacheWithExtraBytesOrRandomBytesIsRebuilt(
      @ForAll @Size(max = 200) byte[] random, @ForAll boolean append) throws IOException {
    if (append) {
      net.jqwik.api.Assume.that(random.length > 0);
      byte[] bytes = java.util.Arrays.copyOf(validCache, validCache.length + random.length);
      System.arraycopy(random, 0, bytes, validCache.length, random.length);
      writeCache(bytes);
    } else {
      writeCache(random);
    }
    assertRebuiltExactly();
  }
}
