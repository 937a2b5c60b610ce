package org.rbmrec.data.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.rbmrec.data.DataException;
import org.rbmrec.data.Ml100kFixture;
import org.rbmrec.data.Ratings;

class TemporalHoldoutTest {
  private static final Ratings ALL = Ml100kFixture.all();

  @Test
  void noTestRatingIsOlderThanAnyTrainingRating() {
    Split split = TemporalHoldout.global(ALL, 0.1);
    assertThat(split.test().size()).isEqualTo(10_000);
    assertThat(min(split.test())).isGreaterThanOrEqualTo(max(split.train()));
  }

  @Test
  void tiesAtTheCutOffAreBrokenDeterministically() {
    Ratings all = TestRatings.random(20, 20, 0.5, true, 4);
    Split a = TemporalHoldout.global(all, 0.3);
    Split b = TemporalHoldout.global(all, 0.3);
    assertThat(min(a.test())).isGreaterThanOrEqualTo(max(a.train()));
    assertThat(TestRatings.contents(a.test())).containsExactly(TestRatings.contents(b.test()));
  }

  @Test
  void eachUsersTestRatingsAreTheirLatest() {
    Split split = TemporalHoldout.userFraction(ALL, 0.2, 2);
    long[] oldestTest = new long[ALL.numUsers()];
    long[] newestTrain = new long[ALL.numUsers()];
    java.util.Arrays.fill(oldestTest, Long.MAX_VALUE);
    java.util.Arrays.fill(newestTrain, Long.MIN_VALUE);
    for (int i = 0; i < split.test().size(); i++) {
      int u = split.test().user(i);
      oldestTest[u] = Math.min(oldestTest[u], split.test().timestamp(i));
    }
    for (int i = 0; i < split.train().size(); i++) {
      int u = split.train().user(i);
      newestTrain[u] = Math.max(newestTrain[u], split.train().timestamp(i));
    }
    for (int u = 0; u < ALL.numUsers(); u++) {
      assertThat(oldestTest[u]).isGreaterThanOrEqualTo(newestTrain[u]);
    }
  }

  @Test
  void theLatestKOfEveryUserGoToTest() {
    Split split = TemporalHoldout.userCount(ALL, 5, 6);
    assertThat(TestRatings.perUserCounts(split.test())).containsOnly(5);
  }

  @Test
  void dataWithoutTimestampsGetsAClearError() {
    Ratings untimed = TestRatings.random(5, 5, 0.5, false, 1);
    assertThatThrownBy(() -> SplitSpec.parse("temporal:0.1").apply(untimed, null, 0))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("temporal:0.1 needs timestamps");
  }

  private static long min(Ratings r) {
    long m = Long.MAX_VALUE;
    for (int i = 0; i < r.size(); i++) {
      m = Math.min(m, r.timestamp(i));
    }
    return m;
  }

  private static long max(Ratings r) {
    long m = Long.MIN_VALUE;
    for (int i = 0; i < r.size(); i++) {
      m = Math.max(m, r.timestamp(i));
    }
    return m;
  }
}
