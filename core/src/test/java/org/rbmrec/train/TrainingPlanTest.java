package org.rbmrec.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rbmrec.model.baseline.BiasedMfConfig;
import org.rbmrec.model.rbm.Orientation;
import org.rbmrec.model.rbm.RbmConfig;

class TrainingPlanTest {
  @Test
  void eachRbmVariantIsASettingOfTheSameModel() {
    RbmConfig user = (RbmConfig) TrainingPlan.of(ModelKind.RBM, Map.of(), 1, 1).config();
    RbmConfig item = (RbmConfig) TrainingPlan.of(ModelKind.RBM_ITEM, Map.of(), 1, 1).config();
    RbmConfig cond = (RbmConfig) TrainingPlan.of(ModelKind.RBM_COND, Map.of(), 1, 1).config();
    RbmConfig factored =
        (RbmConfig) TrainingPlan.of(ModelKind.RBM_FACTORED, Map.of(), 1, 1).config();
    assertThat(user.orientation()).isEqualTo(Orientation.USER);
    assertThat(item.orientation()).isEqualTo(Orientation.ITEM);
    assertThat(cond.conditional()).isTrue();
    assertThat(item.conditional()).isFalse();
    assertThat(factored.factors()).isPositive();
    assertThat(item.factors()).isZero();
  }

  @Test
  void theSeedAndThreadsOfTheCommandLineAreApplied() {
    RbmConfig rbm = (RbmConfig) TrainingPlan.of(ModelKind.RBM, Map.of(), 99, 3).config();
    assertThat(rbm.seed()).isEqualTo(99);
    assertThat(rbm.threads()).isEqualTo(3);
    BiasedMfConfig mf = (BiasedMfConfig) TrainingPlan.of(ModelKind.MF, Map.of(), 99, 3).config();
    assertThat(mf.seed()).isEqualTo(99);
  }

  @Test
  void overridesUseTheNamesOfTheSavedConfiguration() {
    TrainingPlan plan = TrainingPlan.of(ModelKind.RBM_ITEM, Map.of("hidden", "7"), 1, 1);
    assertThat(plan.hyperparameters()).containsEntry("hidden", "7");
    assertThat(((RbmConfig) plan.config()).hidden()).isEqualTo(7);
  }

  @Test
  void anUnknownHyperparameterNamesTheModelAndTheKnownOnes() {
    assertThatThrownBy(() -> TrainingPlan.of(ModelKind.RBM, Map.of("hiden", "7"), 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown hyperparameter 'hiden' for model rbm")
        .hasMessageContaining("hidden");
    assertThatThrownBy(() -> TrainingPlan.of(ModelKind.MEAN, Map.of("epochs", "7"), 1, 1))
        .hasMessageContaining("(it has none)");
  }

  @Test
  void theEpochsAndHiddenShortcutsMapToEachModelsOwnNames() {
    assertThat(TrainingPlan.epochsKey(ModelKind.BIAS)).isEqualTo("iterations");
    assertThat(TrainingPlan.epochsKey(ModelKind.RBM_ITEM)).isEqualTo("epochs");
    assertThat(TrainingPlan.hiddenKey(ModelKind.SVDPP)).isEqualTo("factors");
    assertThat(TrainingPlan.hiddenKey(ModelKind.BIAS)).isNull();
  }

  @Test
  void modelNamesParseAndUnknownOnesListTheKnown() {
    assertThat(ModelKind.parse("RBM-Item")).isEqualTo(ModelKind.RBM_ITEM);
    assertThatThrownBy(() -> ModelKind.parse("dbn")).hasMessageContaining("rbm-factored");
  }
}
