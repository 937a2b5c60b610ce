package org.rbmrec.data.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.rbmrec.data.RatingScale;
import org.rbmrec.data.Ratings;
import org.rbmrec.progress.Progress;

class SyntheticRatingsTest {
  /** 2,000 users, 1,000 items, 60,000 ratings, at least 10 per user. */
  static final SyntheticConfig SMALL =
      SyntheticConfig.ml20mShape().withShape(2_000, 1_000, 60_000, 10);

  private static final SyntheticRatings GENERATED = SyntheticRatings.generate(SMALL,
      Progress.NONE);

  @Test
  void hasExactlyTheRequestedUsersItemsAndRatings() {
    Ratings r = GENERATED.ratings();
    assertThat(r.size()).isEqualTo(60_000);
    assertThat(r.numUsers()).isEqualTo(2_000);
    assertThat(r.numItems()).isEqualTo(1_000);
    assertThat(r.scale()).isEqualTo(RatingScale.HALF_STARS);
  }

  @Test
  void everyUserHasAtLeastTheMinimumAndEveryItemARating() {
    Ratings r = GENERATED.ratings();
    assertThat(r.byUser().rowPointers()).satisfies(p -> {
      for (int u = 0; u < r.numUsers(); u++) {
        assertThat(p[u + 1] - p[u]).isBetween(10, 1_000);
      }
    });
    for (int i = 0; i < r.numItems(); i++) {
      assertThat(r.byItem().rowLength(i)).isPositive();
    }
  }

  @Test
  void noUserItemPairOccursTwice() {
    assertThat(duplicatePairs(GENERATED.ratings())).isZero();
  }

  @Test
  void theSameSeedGivesTheSameRatings() {
    Ratings again = SyntheticRatings.generate(SMALL, Progress.NONE).ratings();
    assertSameRatings(again, GENERATED.ratings());
  }

  @Test
  void theResultDoesNotDependOnTheThreadCount() {
    assertSameRatings(SyntheticRatings.generate(SMALL, Progress.NONE, 1).ratings(),
        SyntheticRatings.generate(SMALL, Progress.NONE, 3).ratings());
  }

  @Test
  void anotherSeedGivesOtherRatings() {
    Ratings other = SyntheticRatings.generate(SMALL.withSeed(43), Progress.NONE).ratings();
    assertThat(other.itemsCopy()).isNotEqualTo(GENERATED.ratings().itemsCopy());
  }

  @Test
  void theTopTenthOfItemsHoldsWellOverAThirdOfTheRatings() {
    Ratings r = GENERATED.ratings();
    int[] counts = new int[r.numItems()];
    for (int i = 0; i < r.size(); i++) {
      counts[r.item(i)]++;
    }
    Arrays.sort(counts);
    long top = 0;
    for (int k = counts.length - counts.length / 10; k < counts.length; k++) {
      top += counts[k];
    }
    assertThat((double) top / r.size()).isGreaterThan(0.45);
    assertThat(counts[counts.length / 2]).isLessThan(r.size() / r.numItems());
  }

  @Test
  void userActivityIsHeavyTailed() {
    Ratings r = GENERATED.ratings();
    int[] counts = new int[r.numUsers()];
    for (int i = 0; i < r.size(); i++) {
      counts[r.user(i)]++;
    }
    Arrays.sort(counts);
    double mean = (double) r.size() / r.numUsers();
    assertThat(counts[counts.length / 2]).isLessThan((int) mean);
    assertThat(counts[counts.length - 1]).isGreaterThan((int) (5 * mean));
  }

  @Test
  void thePlantedModelPredictsFarBetterThanItemMeans() {
    Ratings r = GENERATED.ratings();
    double[] sum = new double[r.numItems()];
    int[] count = new int[r.numItems()];
    for (int i = 0; i < r.size(); i++) {
      sum[r.item(i)] += r.value(i);
      count[r.item(i)]++;
    }
    double itemMeanError = 0;
    double plantedError = 0;
    for (int i = 0; i < r.size(); i++) {
      double v = r.value(i);
      double itemMean = sum[r.item(i)] / count[r.item(i)];
      double planted = GENERATED.plantedValue(r.user(i), r.item(i));
      itemMeanError += (v - itemMean) * (v - itemMean);
      plantedError += (v - planted) * (v - planted);
    }
    double itemMeanRmse = Math.sqrt(itemMeanError / r.size());
    double plantedRmse = Math.sqrt(plantedError / r.size());
    assertThat(plantedRmse).isLessThan(0.85 * itemMeanRmse);
  }

  @Test
  void withoutNoiseTheRatingsAreThePlantedValuesRounded() {
    SyntheticConfig noiseless = new SyntheticConfig(50, 40, 1_000, 5, RatingScale.STARS_1_TO_5,
        3, 0, 1, 0.05, 0.3, 9);
    SyntheticRatings s = SyntheticRatings.generate(noiseless, Progress.NONE);
    Ratings r = s.ratings();
    for (int i = 0; i < r.size(); i++) {
      assertThat(r.value(i)).isCloseTo(s.plantedValue(r.user(i), r.item(i)),
          org.assertj.core.data.Offset.offset(0.5 + 1e-9));
    }
  }

  @Test
  void timestampsLieInTheMovieLens20mPeriod() {
    Ratings r = GENERATED.ratings();
    for (int i = 0; i < r.size(); i++) {
      assertThat(r.timestamp(i))
          .isBetween(SyntheticRatings.FIRST_TIME, SyntheticRatings.LAST_TIME);
    }
  }

  @Test
  void usersWhoRateMostItemsStillGetDistinctItems() {
    SyntheticConfig dense = SyntheticConfig.ml20mShape().withShape(40, 100, 3_600, 60);
    Ratings r = SyntheticRatings.generate(dense, Progress.NONE).ratings();
    assertThat(r.size()).isEqualTo(3_600);
    assertThat(duplicatePairs(r)).isZero();
  }

  @Test
  void progressCountsEveryUser() {
    AtomicLong done = new AtomicLong();
    AtomicLong total = new AtomicLong();
    Progress progress = new Progress() {
      @Override
      public void start(String task, long steps, String unit) {
        total.set(steps);
      }

      @Override
      public void advance(long steps) {
        done.addAndGet(steps);
      }

      @Override
      public void finish() {}
    };
    SyntheticRatings.generate(SMALL, progress, 2);
    assertThat(total.get()).isEqualTo(2_000);
    assertThat(done.get()).isEqualTo(2_000);
  }

  static int duplicatePairs(Ratings r) {
    long[] keys = new long[r.size()];
    for (int i = 0; i < r.size(); i++) {
      keys[i] = (long) r.user(i) * r.numItems() + r.item(i);
    }
    Arrays.sort(keys);
    int duplicates = 0;
    for (int i = 1; i < keys.length; i++) {
      duplicates += keys[i] == keys[i - 1] ? 1 : 0;
    }
    return duplicates;
  }

  private static void assertSameRatings(Ratings a, Ratings b) {
    assertThat(a.usersCopy()).isEqualTo(b.usersCopy());
    assertThat(a.itemsCopy()).isEqualTo(b.itemsCopy());
    assertThat(a.levelsCopy()).isEqualTo(b.levelsCopy());
    assertThat(a.timestampsCopy()).isEqualTo(b.timestampsCopy());
  }
}
