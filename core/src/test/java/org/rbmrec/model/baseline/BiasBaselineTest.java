package org.rbmrec.model.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.rbmrec.data.Ratings;
import org.rbmrec.data.SparseRows;
import org.rbmrec.train.EpochListener;
import org.rbmrec.train.EpochReport;
import org.junit.jupiter.api.Test;

/**
 * Four ratings on 3 users (user 2 has none) and 3 items:
 * (u0,i0)=5, (u0,i1)=3, (u1,i0)=4, (u1,i2)=1; μ = 13/4.
 */
class BiasBaselineTest {
  private static final Ratings FOUR = TinyRatings.of(
      3, 3, new double[] {0, 0, 5}, new double[] {0, 1, 3}, new double[] {1, 0, 4},
      new double[] {1, 2, 1});

  @Test
  void oneIterationMatchesTheHandComputedAlsSolution() {
    BiasBaseline model = BiasBaseline.fit(FOUR, new BiasConfig(1, 1, 1), EpochListener.NONE);
    // items first, with b_u = 0:  b_i = Σ (r − μ) / (λ_i + |R(i)|)
    //   b_i0 = (1.75 + 0.75) / 3 = 5/6,  b_i1 = (−0.25) / 2 = −1/8,  b_i2 = (−2.25) / 2 = −9/8
    // then users:  b_u = Σ (r − μ − b_i) / (λ_u + |R(u)|)
    //   b_u0 = ((5 − 13/4 − 5/6) + (3 − 13/4 + 1/8)) / 3 = (11/12 − 1/8) / 3 = 19/72
    //   b_u1 = ((4 − 13/4 − 5/6) + (1 − 13/4 + 9/8)) / 3 = (−1/12 − 9/8) / 3 = −29/72
    assertThat(model.mean()).isCloseTo(13.0 / 4, within(1e-12));
    assertThat(model.itemBias(0)).isCloseTo(5.0 / 6, within(1e-12));
    assertThat(model.itemBias(1)).isCloseTo(-1.0 / 8, within(1e-12));
    assertThat(model.itemBias(2)).isCloseTo(-9.0 / 8, within(1e-12));
    assertThat(model.userBias(0)).isCloseTo(19.0 / 72, within(1e-12));
    assertThat(model.userBias(1)).isCloseTo(-29.0 / 72, within(1e-12));
    // r̂(u0, i2) = 13/4 + 19/72 − 9/8 = 172/72
    assertThat(model.predict(0, 2)).isCloseTo(172.0 / 72, within(1e-12));
  }

  @Test
  void manyIterationsReachTheJointMinimiser() {
    double lu = 2;
    double li = 0.5;
    BiasBaseline model = BiasBaseline.fit(FOUR, new BiasConfig(lu, li, 500), EpochListener.NONE);
    double mu = model.mean();
    // Stationarity: every bias solves its own normal equation given the other side's biases.
    SparseRows byUser = FOUR.byUser();
    for (int u = 0; u < 2; u++) {
      double residual = 0;
      for (int p = byUser.rowStart(u); p < byUser.rowEnd(u); p++) {
        residual += (byUser.level(p) + 1) - mu - model.itemBias(byUser.column(p));
      }
      assertThat(model.userBias(u) * (lu + byUser.rowLength(u))).isCloseTo(residual, within(1e-9));
    }
    SparseRows byItem = FOUR.byItem();
    for (int i = 0; i < 3; i++) {
      double residual = 0;
      for (int p = byItem.rowStart(i); p < byItem.rowEnd(i); p++) {
        residual += (byItem.level(p) + 1) - mu - model.userBias(byItem.column(p));
      }
      assertThat(model.itemBias(i) * (li + byItem.rowLength(i))).isCloseTo(residual, within(1e-9));
    }
  }

  @Test
  void userWithoutTrainingRatingsFallsBackToItemBiases() {
    BiasBaseline model = BiasBaseline.fit(FOUR, new BiasConfig(1, 1, 1), EpochListener.NONE);
    assertThat(model.userBias(2)).isZero();
    assertThat(model.isFallback(2, 0)).isTrue();
    assertThat(model.isFallback(0, 0)).isFalse();
    assertThat(model.predict(2, 0)).isCloseTo(13.0 / 4 + 5.0 / 6, within(1e-12));
  }

  @Test
  void reportsTrainRmseOncePerIteration() {
    List<EpochReport> reports = new ArrayList<>();
    BiasBaseline.fit(FOUR, new BiasConfig(1, 1, 3), reports::add);
    assertThat(reports).extracting(EpochReport::epoch).containsExactly(1, 2, 3);
    assertThat(reports.get(2).metric("train_rmse")).isBetween(0.0, 2.0);
  }

  @Test
  void recommendsUnseenItemsByItemBias() {
    BiasBaseline model = BiasBaseline.fit(FOUR, new BiasConfig(1, 1, 1), EpochListener.NONE);
    assertThat(model.recommend(0, 5, true).items()).containsExactly(2);
    assertThat(model.recommend(2, 5, true).items()).containsExactly(0, 1, 2);
  }

  @Test
  void configValidationNamesParameterRangeAndValue() {
    assertThatThrownBy(() -> new BiasConfig(-1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("userRegularization must be in [0, 10000], got -1.0");
    assertThatThrownBy(() -> new BiasConfig(1, Double.NaN, 1))
        .hasMessage("itemRegularization must be in [0, 10000], got NaN");
    assertThatThrownBy(() -> new BiasConfig(1, 1, 0))
        .hasMessage("iterations must be in [1, 1000], got 0");
  }
}
