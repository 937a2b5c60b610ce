package org.rbmrec.bench.librec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LibRecModelTest {

  @Test
  void rbmDefaultsAreLibRecsTestSettingsWithOneHundredHiddenUnits() {
    assertThat(LibRecRbm.defaults().properties())
        .containsEntry("rec.factor.number", "100")
        .containsEntry("rec.iterator.maximum", "20")
        .containsEntry("rec.epsilonw", "0.01")
        .containsEntry("rec.tstep", "1")
        .containsEntry("rec.momentum", "0.1")
        .containsEntry("rec.lamtaw", "0.01")
        .containsEntry("rec.predictiontype", "mean");
  }

  @Test
  void svdPlusPlusSetsItsImplicitRegularisation() {
    assertThat(new LibRecSvdPlusPlus(15, 7, 0.02, 0.1, 0.2, 0.3, 0.4).properties())
        .containsEntry("rec.factor.number", "15")
        .containsEntry("rec.iterator.maximum", "7")
        .containsEntry("rec.iterator.learnrate", "0.02")
        .containsEntry("rec.user.regularization", "0.1")
        .containsEntry("rec.item.regularization", "0.2")
        .containsEntry("rec.bias.regularization", "0.3")
        .containsEntry("rec.impItem.regularization", "0.4")
        .containsEntry("rec.learnrate.bolddriver", "false");
  }

  @Test
  void zeroHiddenUnitsIsRejectedNamingTheRange() {
    assertThatThrownBy(() -> LibRecRbm.defaults().withHiddenUnits(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("hiddenUnits must be in [1, 100000], got 0");
  }

  @Test
  void negativeLearnRateIsRejectedNamingTheRange() {
    assertThatThrownBy(() -> new LibRecBiasedMf(10, 10, -0.01, 0.01, 0.01, 0.01))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("learnRate must be in (0, 10.0], got -0.01");
  }

  @Test
  void unknownRbmPredictionTypeIsRejected() {
    assertThatThrownBy(() -> new LibRecRbm(10, 1, 0.01, 0.01, 0.01, 1, 0, 0, 0, "median"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("prediction must be");
  }
}
