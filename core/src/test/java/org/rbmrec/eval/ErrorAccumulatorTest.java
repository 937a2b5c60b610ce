package org.rbmrec.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ErrorAccumulatorTest {
  @Test
  void accumulatesRmseAndMaeOfThreePairs() {
    ErrorAccumulator acc = new ErrorAccumulator();
    acc.add(3.5, 4.0);
    acc.add(2.0, 4.0);
    acc.add(5.0, 5.0);
    assertThat(acc.count()).isEqualTo(3);
    assertThat(acc.rmse()).isCloseTo(Math.sqrt(4.25 / 3), within(1e-12));
    assertThat(acc.mae()).isCloseTo(2.5 / 3, within(1e-12));
  }

  @Test
  void mergingEqualsAddingEverythingToOne() {
    ErrorAccumulator a = new ErrorAccumulator();
    a.add(1, 2);
    ErrorAccumulator b = new ErrorAccumulator();
    b.add(4, 1);
    b.add(3, 3);
    a.merge(b);
    // errors -1, 3, 0: squares 10, absolutes 4
    assertThat(a.count()).isEqualTo(3);
    assertThat(a.rmse()).isCloseTo(Math.sqrt(10.0 / 3), within(1e-12));
    assertThat(a.mae()).isCloseTo(4.0 / 3, within(1e-12));
    assertThat(b.count()).isEqualTo(2);
  }

  @Test
  void emptyAccumulatorRefusesToReportAnError() {
    ErrorAccumulator acc = new ErrorAccumulator();
    assertThat(acc.count()).isZero();
    assertThatThrownBy(acc::rmse).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(acc::mae).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void nanIsRefused() {
    assertThatThrownBy(() -> new ErrorAccumulator().add(Double.NaN, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NaN");
  }
}
