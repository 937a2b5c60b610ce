package org.rbmrec.data.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.rbmrec.data.Ml100kFixture;
import org.rbmrec.data.Ratings;

class RandomHoldoutTest {
  private static final Ratings ALL = Ml100kFixture.all();

  @Test
  void holdsOutTheRoundedFraction() {
    Split split = RandomHoldout.split(ALL, 0.1, 42);
    assertThat(split.test().size()).isEqualTo(10_000);
    assertThat(split.train().size()).isEqualTo(90_000);
    assertThat(split.description()).isEqualTo("random:0.1 seed=42");
    Ratings small = TestRatings.random(10, 10, 1, false, 3);
    assertThat(RandomHoldout.split(small, 0.333, 1).test().size()).isEqualTo(33);
  }

  @Test
  void theSameSeedGivesTheSameSplit() {
    Split a = RandomHoldout.split(ALL, 0.2, 7);
    Split b = RandomHoldout.split(ALL, 0.2, 7);
    assertThat(TestRatings.contents(a.test())).containsExactly(TestRatings.contents(b.test()));
  }

  @Test
  void differentSeedsGiveDifferentSplits() {
    Split a = RandomHoldout.split(ALL, 0.2, 7);
    Split b = RandomHoldout.split(ALL, 0.2, 8);
    assertThat(TestRatings.contents(a.test())).isNotEqualTo(TestRatings.contents(b.test()));
  }

  @Test
  void aFractionOutsideTheOpenUnitIntervalIsRefused() {
    assertThatThrownBy(() -> RandomHoldout.split(ALL, 1.0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("random hold-out fraction must be in (0, 1), got 1.0");
  }
}
