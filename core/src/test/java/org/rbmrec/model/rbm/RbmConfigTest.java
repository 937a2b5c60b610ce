package org.rbmrec.model.rbm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RbmConfigTest {
  @Test
  void defaultsAreValidAndRaiseKAsLearningProceeds() {
    RbmConfig config = RbmConfig.defaults();
    assertThat(config.cdSteps(1)).isEqualTo(1);
    assertThat(config.cdSteps(19)).isEqualTo(1);
    assertThat(config.cdSteps(20)).isEqualTo(3);
    assertThat(config.cdSteps(50)).isEqualTo(5);
    assertThat(config.momentum(1)).isEqualTo(config.momentumStart());
    assertThat(config.momentum(config.momentumSwitchEpoch())).isEqualTo(config.momentumEnd());
    assertThat(config.learningRate(3))
        .isEqualTo(config.learningRate() * config.learningRateDecay() * config.learningRateDecay());
  }

  @Test
  void invalidValuesNameTheParameterRangeAndValue() {
    assertThatThrownBy(() -> RbmConfig.builder().learningRate(-1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("learningRate must be in (0, 10], got -1.0");
    assertThatThrownBy(() -> RbmConfig.builder().hidden(0).build())
        .hasMessage("hidden must be in [1, 100000], got 0");
    assertThatThrownBy(() -> RbmConfig.builder().momentumEnd(1.0).build())
        .hasMessage("momentumEnd must be in [0, 1), got 1.0");
    assertThatThrownBy(() -> RbmConfig.builder().threads(0).build())
        .hasMessage("threads must be in [1, 1024], got 0");
  }

  @Test
  void cdScheduleMustStartAtEpochOneAndIncrease() {
    assertThatThrownBy(() -> RbmConfig.builder().cdSchedule(List.of(new CdStage(2, 1))).build())
        .hasMessageContaining("start at epoch 1");
    assertThatThrownBy(() -> RbmConfig.builder()
        .cdSchedule(List.of(new CdStage(1, 1), new CdStage(5, 3), new CdStage(5, 5))).build())
        .hasMessageContaining("strictly increase");
    assertThatThrownBy(() -> CdStage.parse("3")).hasMessageContaining("start:k");
  }

  @Test
  void missingPropertyIsNamed() {
    var properties = new java.util.LinkedHashMap<>(RbmConfig.defaults().toProperties());
    properties.remove("hidden");
    assertThatThrownBy(() -> RbmConfig.fromProperties(properties))
        .hasMessageContaining("'hidden' is missing");
  }

  @Test
  void propertiesWrittenBeforeSharedWeightsAndAveragingLoadWithThemOff() {
    var properties = new java.util.LinkedHashMap<>(RbmConfig.defaults().toProperties());
    properties.remove("sharedLearningRate");
    properties.remove("averageEpochs");
    RbmConfig config = RbmConfig.fromProperties(properties);
    assertThat(config.sharedLearningRate()).isZero();
    assertThat(config.averageEpochs()).isZero();
  }

  @Test
  void sharedWeightsAndAveragingAreValidated() {
    assertThatThrownBy(() -> RbmConfig.builder().sharedLearningRate(-0.1).build())
        .hasMessage("sharedLearningRate must be in [0, 10], got -0.1");
    assertThatThrownBy(() -> RbmConfig.builder().factors(5).sharedLearningRate(0.1).build())
        .hasMessageContaining("sharedLearningRate must be 0 for the factored model");
    assertThatThrownBy(() -> RbmConfig.builder().averageEpochs(-1).build())
        .hasMessage("averageEpochs must be in [0, 100000], got -1");
  }

  @Property(tries = 50)
  void propertiesRoundTrip(
      @ForAll @IntRange(min = 1, max = 500) int hidden,
      @ForAll @IntRange(min = 0, max = 20) int factors,
      @ForAll boolean conditional,
      @ForAll @DoubleRange(min = 0.01, max = 10) double learningRate,
      @ForAll @IntRange(min = 2, max = 40) int secondStage,
      @ForAll @IntRange(min = 0, max = 40) int averageEpochs,
      @ForAll @DoubleRange(min = 0, max = 1) double sharedLearningRate,
      @ForAll long seed) {
    RbmConfig config = RbmConfig.builder().hidden(hidden).factors(factors)
        .averageEpochs(averageEpochs).sharedLearningRate(factors == 0 ? sharedLearningRate : 0)
        .conditional(conditional).learningRate(learningRate)
        .cdSchedule(List.of(new CdStage(1, 1), new CdStage(secondStage, 7))).seed(seed)
        .orientation(seed % 2 == 0 ? Orientation.USER : Orientation.ITEM).build();
    assertThat(RbmConfig.fromProperties(config.toProperties())).isEqualTo(config);
  }
}
