package org.rbmrec.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RatingScaleTest {
  @Test
  void starsOneToFiveHaveFiveLevels() {
    assertThat(RatingScale.STARS_1_TO_5.levels()).isEqualTo(5);
    assertThat(RatingScale.STARS_1_TO_5.level(1.0)).isZero();
    assertThat(RatingScale.STARS_1_TO_5.level(5.0)).isEqualTo(4);
  }

  @Test
  void halfStarsHaveTenLevels() {
    assertThat(RatingScale.HALF_STARS.levels()).isEqualTo(10);
    assertThat(RatingScale.HALF_STARS.level(0.5)).isZero();
    assertThat(RatingScale.HALF_STARS.level(3.5)).isEqualTo(6);
    assertThat(RatingScale.HALF_STARS.value(9)).isEqualTo(5.0);
  }

  @Test
  void valuesOffTheScaleHaveNoLevel() {
    assertThat(RatingScale.STARS_1_TO_5.levelOrMinusOne(0)).isEqualTo(-1);
    assertThat(RatingScale.STARS_1_TO_5.levelOrMinusOne(2.5)).isEqualTo(-1);
    assertThat(RatingScale.STARS_1_TO_5.levelOrMinusOne(Double.NaN)).isEqualTo(-1);
    assertThatThrownBy(() -> RatingScale.STARS_1_TO_5.level(6))
        .hasMessageContaining("6.0")
        .hasMessageContaining("1..5 step 1");
  }

  @Test
  void invalidScalesNameTheParameterAndValue() {
    assertThatThrownBy(() -> new RatingScale(1, 5, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("step must be > 0, got 0.0");
    assertThatThrownBy(() -> new RatingScale(5, 1, 1)).hasMessageContaining("max must be ≥ min");
    assertThatThrownBy(() -> new RatingScale(1, 5, 0.3)).hasMessageContaining("whole number");
  }

  @Property
  void levelAndValueAreInverse(@ForAll @IntRange(min = 0, max = 9) int level) {
    RatingScale scale = RatingScale.HALF_STARS;
    assertThat(scale.level(scale.value(level))).isEqualTo(level);
  }
}
