package org.rbmrec.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.rbmrec.data.DataException;
import org.rbmrec.data.RatingScale;

class ScaleInferenceTest {
  @Test
  void wholeStarsOneToFiveGiveFiveLevels() {
    RatingScale scale = ScaleInference.infer(new double[] {3, 1, 5, 2, 4}, "f");
    assertThat(scale).isEqualTo(new RatingScale(1, 5, 1));
    assertThat(scale.levels()).isEqualTo(5);
  }

  @Test
  void halfStarsGiveTenLevels() {
    double[] values = {5, 4.5, 4, 3.5, 3, 2.5, 2, 1.5, 1, 0.5};
    RatingScale scale = ScaleInference.infer(values, "f");
    assertThat(scale).isEqualTo(RatingScale.HALF_STARS);
  }

  @Test
  void stepIsTheLargestDividingEveryGap() {
    assertThat(ScaleInference.infer(new double[] {1, 3, 5}, "f"))
        .isEqualTo(new RatingScale(1, 5, 2));
    assertThat(ScaleInference.infer(new double[] {1, 2, 5}, "f"))
        .isEqualTo(new RatingScale(1, 5, 1));
    RatingScale quarters = ScaleInference.infer(new double[] {0.25, 1, 0.5}, "f");
    assertThat(quarters.step()).isEqualTo(0.25);
    assertThat(quarters.levels()).isEqualTo(4);
  }

  @Test
  void singleValueGivesOneLevel() {
    RatingScale scale = ScaleInference.infer(new double[] {4}, "f");
    assertThat(scale.levels()).isEqualTo(1);
    assertThat(scale.min()).isEqualTo(4.0);
  }

  @Test
  void tooManyLevelsAskForAnExplicitScale() {
    assertThatThrownBy(() -> ScaleInference.infer(new double[] {0, 0.01, 10}, "data.csv"))
        .isInstanceOf(DataException.class)
        .hasMessage("data.csv: cannot infer a rating scale: the values 0..10 in steps of 0.01"
            + " make 1001 levels, more than 127; give the scale explicitly");
  }

  @Test
  void tooManyDecimalsAskForAnExplicitScale() {
    assertThatThrownBy(() -> ScaleInference.infer(new double[] {1, Math.PI}, "f"))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("more than 6 decimals");
  }
}
