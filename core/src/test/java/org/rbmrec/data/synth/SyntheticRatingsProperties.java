package org.rbmrec.data.synth;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.rbmrec.data.RatingScale;
import org.rbmrec.data.Ratings;
import org.rbmrec.progress.Progress;

class SyntheticRatingsProperties {
  @Property(tries = 60)
  void anyValidShapeGivesExactCountsDistinctPairsAndCoveredItems(
      @ForAll @IntRange(min = 1, max = 60) int users,
      @ForAll @IntRange(min = 1, max = 80) int items,
      @ForAll @DoubleRange(min = 0, max = 1) double fill,
      @ForAll @DoubleRange(min = 0, max = 4) double itemExponent,
      @ForAll @DoubleRange(min = 0, max = 1.5) double userExponent,
      @ForAll long seed) {
    int min = Math.min(items, 3);
    int least = Math.max(items, users * min);
    int most = users * items;
    int ratings = (int) Math.min(most, Math.max(least, least + Math.round(fill * (most - least))));
    SyntheticConfig config = new SyntheticConfig(users, items, ratings, min,
        RatingScale.STARS_1_TO_5, 2, 0.5, itemExponent, 0.01, userExponent, seed);
    Ratings r = SyntheticRatings.generate(config, Progress.NONE, 2).ratings();
    assertThat(r.size()).isEqualTo(ratings);
    assertThat(SyntheticRatingsTest.duplicatePairs(r)).isZero();
    for (int u = 0; u < users; u++) {
      assertThat(r.byUser().rowLength(u)).isBetween(min, items);
    }
    for (int i = 0; i < items; i++) {
      assertThat(r.byItem().rowLength(i)).isPositive();
    }
  }
}
