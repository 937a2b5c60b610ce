package org.rbmrec.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ErrorMetricsTest {
  private static final double[] PREDICTED = {3.5, 2.0, 5.0};
  private static final double[] ACTUAL = {4.0, 4.0, 5.0};

  @Test
  void rmseOfThreeValuesMatchesHandComputation() {
    // errors -0.5, -2, 0: squares 0.25 + 4 + 0 = 4.25, mean 4.25/3
    assertThat(ErrorMetrics.rmse(PREDICTED, ACTUAL)).isCloseTo(Math.sqrt(4.25 / 3), within(1e-12));
  }

  @Test
  void maeOfThreeValuesMatchesHandComputation() {
    // |errors| 0.5 + 2 + 0 = 2.5
    assertThat(ErrorMetrics.mae(PREDICTED, ACTUAL)).isCloseTo(2.5 / 3, within(1e-12));
  }

  @Test
  void perfectPredictionsHaveZeroError() {
    assertThat(ErrorMetrics.rmse(ACTUAL, ACTUAL)).isZero();
    assertThat(ErrorMetrics.mae(ACTUAL, ACTUAL)).isZero();
  }

  @Test
  void emptyInputIsRefusedRatherThanScoredZero() {
    assertThatThrownBy(() -> ErrorMetrics.rmse(new double[0], new double[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> ErrorMetrics.mae(new double[0], new double[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void misalignedInputNamesBothLengths() {
    assertThatThrownBy(() -> ErrorMetrics.rmse(new double[] {1, 2}, new double[] {1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("equal length, got 2 and 3");
  }

  @Test
  void nanIsRefusedWithItsPosition() {
    assertThatThrownBy(() -> ErrorMetrics.mae(new double[] {1, Double.NaN}, new double[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at 1");
  }
}
