package org.rbmrec.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class DataSummaryProperties {
  private static Ratings ratings(int users, int items, int[] codes) {
    // Each code picks a distinct (user, item) cell and a level; duplicates are dropped.
    boolean[] taken = new boolean[users * items];
    int[] u = new int[codes.length];
    int[] it = new int[codes.length];
    byte[] l = new byte[codes.length];
    int n = 0;
    for (int code : codes) {
      int cell = Math.floorMod(code, users * items);
      if (!taken[cell]) {
        taken[cell] = true;
        u[n] = cell / items;
        it[n] = cell % items;
        l[n] = (byte) Math.floorMod(code / 7, 5);
        n++;
      }
    }
    long[] userIds = new long[users];
    long[] itemIds = new long[items];
    for (int i = 0; i < users; i++) {
      userIds[i] = 1000 + i;
    }
    for (int i = 0; i < items; i++) {
      itemIds[i] = 5000 + i;
    }
    return Ratings.of(Arrays.copyOf(u, n), Arrays.copyOf(it, n), Arrays.copyOf(l, n), null,
        IdIndex.of("user", userIds), IdIndex.of("item", itemIds), RatingScale.STARS_1_TO_5);
  }

  @Property
  void histogramSumsToTheNumberOfRatingsAndQuantilesAreOrdered(
      @ForAll @IntRange(min = 1, max = 30) int users,
      @ForAll @IntRange(min = 1, max = 30) int items,
      @ForAll @Size(min = 1, max = 300) int[] codes) {
    Ratings r = ratings(users, items, codes);
    DataSummary s = DataSummary.of(r);
    assertThat(Arrays.stream(s.levelCounts()).sum()).isEqualTo(r.size());
    assertThat(s.activeUsers()).isBetween(1, users);
    assertThat(s.activeItems()).isBetween(1, items);
    assertThat(s.density()).isBetween(0.0, 1.0);
    assertThat(s.ratingsPerUser().toArray()).isSorted();
    assertThat(s.ratingsPerItem().toArray()).isSorted();
    assertThat(s.ratingsPerUser().max()).isLessThanOrEqualTo(items);
    assertThat(s.ratingsPerItem().max()).isLessThanOrEqualTo(users);
    assertThat(s.meanRating()).isBetween(1.0, 5.0);
  }
}
