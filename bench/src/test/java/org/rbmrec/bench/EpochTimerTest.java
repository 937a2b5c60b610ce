package org.rbmrec.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EpochTimerTest {
  @Test
  void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertThat(EpochTimer.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    assertThat(EpochTimer.median(new double[] {5, 1, 3})).isEqualTo(3);
  }
}
