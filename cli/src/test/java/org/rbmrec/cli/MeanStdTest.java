package org.rbmrec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MeanStdTest {
  @Test
  void theStandardDeviationDividesByNMinusOne() {
    MeanStd s = MeanStd.of(new double[] {1, 2, 3, 4});
    assertThat(s.mean()).isEqualTo(2.5);
    assertThat(s.std()).isCloseTo(Math.sqrt(5.0 / 3.0), within(1e-15));
    assertThat(s.n()).isEqualTo(4);
  }

  @Test
  void aSingleValueHasNoStandardDeviationAndShowsADash() {
    MeanStd s = MeanStd.of(new double[] {0.91234});
    assertThat(s.std()).isNaN();
    assertThat(s.format(4)).isEqualTo("0.9123 ± –");
  }

  @Test
  void formatShowsMeanAndStdWithTheGivenDecimals() {
    assertThat(MeanStd.of(new double[] {1, 2}).format(2)).isEqualTo("1.50 ± 0.71");
  }

  @Test
  void noValuesIsAnError() {
    assertThatThrownBy(() -> MeanStd.of(new double[0]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got none");
  }
}
