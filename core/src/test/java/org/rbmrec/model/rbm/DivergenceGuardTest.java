package org.rbmrec.model.rbm;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rbmrec.train.TrainingDivergedException;

class DivergenceGuardTest {
  private final DivergenceGuard guard = new DivergenceGuard(
      RbmConfig.builder().learningRate(2).weightDecay(0.001).build());

  private static RbmParameters parameters() {
    return new RbmParameters(3, 2, 4, 0, true);
  }

  @Test
  void finiteParametersPass() {
    assertThatCode(() -> guard.checkParameters(parameters(), 1, null)).doesNotThrowAnyException();
  }

  @Test
  void aNanHiddenBiasIsNamedWithTheEpochARateToTryAndTheCheckpoint() {
    RbmParameters p = parameters();
    p.c[2] = Float.NaN;
    assertThatThrownBy(() -> guard.checkParameters(p, 7, "run/checkpoint.safetensors (epoch 6)"))
        .isInstanceOf(TrainingDivergedException.class)
        .hasMessageContaining("diverged in epoch 7")
        .hasMessageContaining("hidden biases c")
        .hasMessageContaining("try learningRate=0.2")
        .hasMessageContaining("run/checkpoint.safetensors (epoch 6), is kept");
  }

  @Test
  void anInfiniteConditionalWeightIsCaught() {
    RbmParameters p = parameters();
    p.d[11] = Float.NEGATIVE_INFINITY;
    assertThatThrownBy(() -> guard.checkParameters(p, 1, null))
        .hasMessageContaining("conditional weights D")
        .hasMessageContaining("no checkpoint was written");
  }

  @Test
  void anInfiniteMetricIsDivergence() {
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("train_rmse", 1.0);
    metrics.put("valid_rmse", Double.POSITIVE_INFINITY);
    assertThatThrownBy(() -> guard.checkMetrics(metrics, true, 3, null))
        .isInstanceOf(TrainingDivergedException.class)
        .hasMessageContaining("valid_rmse is Infinity");
  }

  @Test
  void theReconstructionErrorOfPersistentCdIsNanByDesign() {
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("recon_error", Double.NaN);
    metrics.put("train_rmse", 1.0);
    assertThatCode(() -> guard.checkMetrics(metrics, false, 3, null))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> guard.checkMetrics(metrics, true, 3, null))
        .hasMessageContaining("recon_error is NaN");
  }
}
