package org.rbmrec.data.split;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rbmrec.data.Ml100kFixture;
import org.rbmrec.data.Ratings;

class UserHoldoutTest {
  private static final Ratings ALL = Ml100kFixture.all();

  @Test
  void everyUserGivesExactlyKRatings() {
    Split split = UserHoldout.count(ALL, 10, 11, 5);
    assertThat(TestRatings.perUserCounts(split.test())).containsOnly(10);
  }

  @Test
  void usersBelowTheThresholdStayWhollyInTraining() {
    Ratings all = TestRatings.random(40, 30, 0.3, false, 9);
    int[] counts = TestRatings.perUserCounts(all);
    int[] held = TestRatings.perUserCounts(UserHoldout.count(all, 3, 10, 1).test());
    for (int u = 0; u < counts.length; u++) {
      assertThat(held[u]).isEqualTo(counts[u] >= 10 ? 3 : 0);
    }
  }

  @Test
  void aFractionIsRoundedPerUserAndLeavesATrainingRating() {
    Ratings all = TestRatings.random(40, 30, 0.3, false, 11);
    int[] counts = TestRatings.perUserCounts(all);
    int[] held = TestRatings.perUserCounts(UserHoldout.fraction(all, 0.2, 2, 1).test());
    for (int u = 0; u < counts.length; u++) {
      int n = counts[u];
      int expected = n < 2 ? 0 : (int) Math.max(1, Math.min(n - 1, Math.round(0.2 * n)));
      assertThat(held[u]).isEqualTo(expected);
    }
  }

  @Test
  void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
    long[] a = TestRatings.contents(UserHoldout.fraction(ALL, 0.2, 2, 1).test());
    long[] b = TestRatings.contents(UserHoldout.fraction(ALL, 0.2, 2, 1).test());
    long[] c = TestRatings.contents(UserHoldout.fraction(ALL, 0.2, 2, 2).test());
    assertThat(a).containsExactly(b);
    assertThat(a).isNotEqualTo(c);
  }
}
