package org.rbmrec.model.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.rbmrec.data.Ratings;
import org.junit.jupiter.api.Test;

class GlobalMeanTest {
  private static final Ratings THREE = TinyRatings.of(
      2, 3, new double[] {0, 0, 5}, new double[] {0, 1, 3}, new double[] {1, 2, 2});

  @Test
  void predictsTheMeanOfThreeRatingsEverywhere() {
    GlobalMean model = GlobalMean.fit(THREE);
    assertThat(model.mean()).isCloseTo(10.0 / 3, within(1e-12));
    assertThat(model.predict(1, 0)).isCloseTo(10.0 / 3, within(1e-12));
    assertThat(model.predict(0, 2)).isCloseTo(10.0 / 3, within(1e-12));
    assertThat(model.isFallback(1, 0)).isFalse();
  }

  @Test
  void recommendsUnseenItemsOnly() {
    GlobalMean model = GlobalMean.fit(THREE);
    assertThat(model.recommend(0, 5, true).items()).containsExactly(2);
    assertThat(model.recommend(0, 5, false).items()).containsExactly(0, 1, 2);
  }

  @Test
  void emptyTrainingSetIsRefused() {
    assertThatThrownBy(() -> GlobalMean.fit(TinyRatings.of(1, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty training set");
  }

  @Test
  void outOfRangeIndicesAreRefused() {
    GlobalMean model = GlobalMean.fit(THREE);
    assertThatThrownBy(() -> model.predict(2, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("user index must be in [0, 2), got 2");
  }
}
