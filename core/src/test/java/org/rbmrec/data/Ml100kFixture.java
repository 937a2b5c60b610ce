package org.rbmrec.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Test fixture: the real ml-100k ratings from {@code ../shared/data/ml-100k}, with the official
 * u1..u5 / ua / ub splits sharing the id indices of the full {@code u.data}.
 */
public final class Ml100kFixture {
  private static volatile Ratings all;

  private Ml100kFixture() {}

  /** All 100,000 ratings of {@code u.data}; ids indexed in order of first appearance. */
  public static Ratings all() {
    Ratings r = all;
    if (r == null) {
      synchronized (Ml100kFixture.class) {
        if (all == null) {
          all = read(SharedData.ml100k().resolve("u.data"));
        }
        r = all;
      }
    }
    return r;
  }

  /** The official split {@code name} ("u1".."u5", "ua", "ub"): {train, test}. */
  public static Ratings[] split(String name) {
    Ratings full = all();
    Ratings base = readWithIndex(SharedData.ml100k().resolve(name + ".base"), full);
    Ratings test = readWithIndex(SharedData.ml100k().resolve(name + ".test"), full);
    return new Ratings[] {base, test};
  }

  private static Ratings read(Path file) {
    IdIndex.Builder users = new IdIndex.Builder("user");
    IdIndex.Builder items = new IdIndex.Builder("item");
    int[] u = new int[100_000];
    int[] i = new int[100_000];
    byte[] l = new byte[100_000];
    long[] t = new long[100_000];
    int n = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] f = line.split("\t");
        if (n == u.length) {
          u = Arrays.copyOf(u, n * 2);
          i = Arrays.copyOf(i, n * 2);
          l = Arrays.copyOf(l, n * 2);
          t = Arrays.copyOf(t, n * 2);
        }
        u[n] = users.intern(Long.parseLong(f[0]));
        i[n] = items.intern(Long.parseLong(f[1]));
        l[n] = (byte) RatingScale.STARS_1_TO_5.level(Double.parseDouble(f[2]));
        t[n] = Long.parseLong(f[3]);
        n++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Ratings.of(
        Arrays.copyOf(u, n), Arrays.copyOf(i, n), Arrays.copyOf(l, n), Arrays.copyOf(t, n),
        users.build(), items.build(), RatingScale.STARS_1_TO_5);
  }

  private static Ratings readWithIndex(Path file, Ratings full) {
    Ratings raw = read(file);
    int n = raw.size();
    int[] u = new int[n];
    int[] i = new int[n];
    byte[] l = new byte[n];
    long[] t = new long[n];
    for (int j = 0; j < n; j++) {
      u[j] = full.userIds().index(raw.userIds().rawId(raw.user(j)));
      i[j] = full.itemIds().index(raw.itemIds().rawId(raw.item(j)));
      l[j] = (byte) raw.level(j);
      t[j] = raw.timestamp(j);
    }
    return Ratings.of(u, i, l, t, full.userIds(), full.itemIds(), full.scale());
  }
}
