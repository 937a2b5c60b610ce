package org.rbmrec.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DataSummaryTest {
  /** Users 10, 20, 30 (30 has no rating); items 1..4; ratings 1..5 stars. */
  private static Ratings handMade(long[] timestamps) {
    IdIndex users = IdIndex.of("user", 10, 20, 30);
    IdIndex items = IdIndex.of("item", 1, 2, 3, 4);
    int[] u = {0, 0, 0, 1, 1};
    int[] i = {0, 1, 2, 0, 3};
    byte[] l = {4, 3, 3, 0, 4}; // values 5, 4, 4, 1, 5
    return Ratings.of(u, i, l, timestamps, users, items, RatingScale.STARS_1_TO_5);
  }

  @Test
  void countsSizesFromTheIdIndicesAndActiveRowsFromTheRatings() {
    DataSummary s = DataSummary.of(handMade(null));
    assertThat(s.numUsers()).isEqualTo(3);
    assertThat(s.numItems()).isEqualTo(4);
    assertThat(s.numRatings()).isEqualTo(5);
    assertThat(s.activeUsers()).isEqualTo(2);
    assertThat(s.activeItems()).isEqualTo(4);
    assertThat(s.numLevels()).isEqualTo(5);
  }

  @Test
  void densityIsRatingsOverUsersTimesItems() {
    assertThat(DataSummary.of(handMade(null)).density()).isCloseTo(5.0 / 12, within(1e-12));
  }

  @Test
  void histogramCountsEachLevelAndMeanIsTheMeanValue() {
    DataSummary s = DataSummary.of(handMade(null));
    assertThat(s.levelCounts()).containsExactly(1, 0, 0, 2, 2);
    assertThat(s.meanRating()).isCloseTo((5 + 4 + 4 + 1 + 5) / 5.0, within(1e-12));
  }

  @Test
  void quantilesOfRatingsPerUserSkipUsersWithoutRatings() {
    DataSummary.Quantiles q = DataSummary.of(handMade(null)).ratingsPerUser();
    // active users have 3 and 2 ratings
    assertThat(q.min()).isEqualTo(2);
    assertThat(q.median()).isEqualTo(2.5);
    assertThat(q.p25()).isEqualTo(2.25);
    assertThat(q.max()).isEqualTo(3);
  }

  @Test
  void quantilesInterpolateLinearlyBetweenOrderStatistics() {
    DataSummary.Quantiles q = DataSummary.Quantiles.of(new int[] {5, 1, 4, 2, 3});
    assertThat(q.toArray()).containsExactly(1, 2, 3, 4, 4.6, 4.96, 5);
  }

  @Test
  void quantilesOfNothingAreNaN() {
    assertThat(DataSummary.Quantiles.of(new int[0]).toArray()).containsOnly(Double.NaN);
  }

  @Test
  void timestampRangeIsPresentOnlyWhenTheRatingsHaveTimestamps() {
    assertThat(DataSummary.of(handMade(null)).firstTimestamp()).isEmpty();
    DataSummary s = DataSummary.of(handMade(new long[] {50, 10, 70, 30, 20}));
    assertThat(s.firstTimestamp()).hasValue(10);
    assertThat(s.lastTimestamp()).hasValue(70);
  }

  @Test
  void emptyRatingsGiveNaNMeanAndEmptyQuantiles() {
    Ratings empty = handMade(null).subset(new int[0]);
    DataSummary s = DataSummary.of(empty);
    assertThat(s.numRatings()).isZero();
    assertThat(s.density()).isZero();
    assertThat(s.meanRating()).isNaN();
    assertThat(s.ratingsPerItem().median()).isNaN();
  }

  @Test
  void summarisesTheRealMl100k() {
    DataSummary s = DataSummary.of(Ml100kFixture.all());
    assertThat(s.numUsers()).isEqualTo(943);
    assertThat(s.numItems()).isEqualTo(1682);
    assertThat(s.numRatings()).isEqualTo(100_000);
    assertThat(s.density()).isCloseTo(0.0630, within(5e-5));
    assertThat(s.ratingsPerUser().min()).isGreaterThanOrEqualTo(20);
    assertThat(s.ratingsPerItem().min()).isEqualTo(1);
    assertThat(s.ratingsPerUser().median()).isBetween(s.ratingsPerUser().p25(),
        s.ratingsPerUser().p75());
    long total = 0;
    for (long c : s.levelCounts()) {
      total += c;
    }
    assertThat(total).isEqualTo(100_000);
    assertThat(s.meanRating()).isCloseTo(3.53, within(0.01));
    assertThat(s.firstTimestamp().getAsLong()).isLessThan(s.lastTimestamp().getAsLong());
  }
}
