package org.rbmrec.data.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.rbmrec.data.RatingScale;

class SyntheticConfigTest {
  @Test
  void theMl20mShapeHasTheOfficialCounts() {
    SyntheticConfig c = SyntheticConfig.ml20mShape();
    assertThat(c.users()).isEqualTo(138_493);
    assertThat(c.items()).isEqualTo(26_744);
    assertThat(c.ratings()).isEqualTo(20_000_263);
    assertThat(c.scale()).isEqualTo(RatingScale.HALF_STARS);
    assertThat(c.minRatingsPerUser()).isEqualTo(20);
  }

  @Test
  void theMl1mShapeHasTheOfficialCountsInWholeStars() {
    SyntheticConfig c = SyntheticConfig.ml1mShape();
    assertThat(c.users()).isEqualTo(6_040);
    assertThat(c.items()).isEqualTo(3_706);
    assertThat(c.ratings()).isEqualTo(1_000_209);
    assertThat(c.scale()).isEqualTo(RatingScale.STARS_1_TO_5);
    assertThat(c.minRatingsPerUser()).isEqualTo(20);
  }

  @Test
  void scalingShrinksUsersItemsAndRatingsProportionally() {
    SyntheticConfig c = SyntheticConfig.ml20mShape().scaled(0.1);
    assertThat(c.users()).isEqualTo(13_849);
    assertThat(c.items()).isEqualTo(2_674);
    assertThat(c.ratings()).isEqualTo(2_000_026);
    assertThat(c.seed()).isEqualTo(42);
  }

  @Test
  void aFactorTooSmallForTheRatingsIsRefused() {
    assertThatThrownBy(() -> SyntheticConfig.ml20mShape().scaled(0.001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scale factor 0.001 is too small");
  }

  @Test
  void moreRatingsThanPairsAreRefused() {
    assertThatThrownBy(() -> SyntheticConfig.ml20mShape().withShape(10, 10, 101, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ratings must be in [users × minRatingsPerUser, users × items] = [10, 100],"
            + " got 101");
  }

  @Test
  void tooFewRatingsForTheMinimumPerUserAreRefused() {
    assertThatThrownBy(() -> SyntheticConfig.ml20mShape().withShape(100, 50, 1_999, 20))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[2000, 5000], got 1999");
  }

  @Test
  void fewerRatingsThanItemsAreRefused() {
    assertThatThrownBy(() -> SyntheticConfig.ml20mShape().withShape(10, 500, 400, 20))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ratings must be ≥ items = 500 so that every item is rated, got 400");
  }

  @Test
  void negativeNoiseIsRefused() {
    assertThatThrownBy(() -> new SyntheticConfig(10, 10, 50, 1, RatingScale.HALF_STARS, 2, -0.1,
        1, 0, 0.3, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("noise must be in [0, 10], got -0.1");
  }
}
