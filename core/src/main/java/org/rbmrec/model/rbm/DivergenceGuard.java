package org.rbmrec.model.rbm;

import java.util.Map;
import org.rbmrec.train.TrainingDivergedException;

/**
 * Stops training that has diverged: NaN or ±∞ in any parameter array at the end of an epoch (a
 * sequential scan, a small cost next to an epoch), or in an epoch metric that had data to
 * measure. The message names the epoch, the likely cause with a learning rate to try, and the
 * last good checkpoint, which the caller has not overwritten.
 */
final class DivergenceGuard {
  private final RbmConfig config;

  DivergenceGuard(RbmConfig config) {
    this.config = config;
  }

  /**
   * Throws if a parameter is not finite after {@code epoch}.
   *
   * @param lastGood where the last good checkpoint is, with its epoch, or null
   */
  void checkParameters(RbmParameters p, int epoch, String lastGood) {
    String bad = firstNonFinite(p);
    if (bad != null) {
      throw diverged(epoch, "the " + bad + " hold NaN or infinite values", lastGood);
    }
  }

  /**
   * Throws if a metric that should be a number is not: any ±∞, and NaN in a metric that is
   * defined whenever it is reported ({@code train_rmse}, {@code free_energy_gap}, and
   * {@code recon_error} when {@code reconMeasured}).
   */
  void checkMetrics(Map<String, Double> metrics, boolean reconMeasured, int epoch,
      String lastGood) {
    for (Map.Entry<String, Double> e : metrics.entrySet()) {
      double x = e.getValue();
      boolean mustBeNumber = e.getKey().equals("train_rmse")
          || e.getKey().equals("free_energy_gap")
          || (e.getKey().equals("recon_error") && reconMeasured);
      if (Double.isInfinite(x) || (Double.isNaN(x) && mustBeNumber)) {
        throw diverged(epoch, e.getKey() + " is " + x, lastGood);
      }
    }
  }

  private TrainingDivergedException diverged(int epoch, String what, String lastGood) {
    double rate = config.learningRate();
    String cause = "the learning rate " + rate + " is likely too high: try learningRate="
        + rate / 10;
    double product = rate * config.weightDecay();
    if (product > 1) {
      cause += " (learningRate × weightDecay = " + product
          + " > 1: the weight decay alone overshoots)";
    }
    String checkpoint = lastGood == null
        ? "no checkpoint was written before it diverged"
        : "the last good checkpoint, " + lastGood + ", is kept";
    return new TrainingDivergedException("RBM training diverged in epoch " + epoch + ": "
        + what + "; " + cause + "; " + checkpoint, epoch, lastGood);
  }

  /** The name of the first parameter array holding a non-finite value, or null. */
  static String firstNonFinite(RbmParameters p) {
    if (!finite(p.w)) {
      return "weights W";
    }
    if (!finite(p.b)) {
      return "visible biases b";
    }
    if (!finite(p.c)) {
      return "hidden biases c";
    }
    if (p.d != null && !finite(p.d)) {
      return "conditional weights D";
    }
    if (p.a != null && (!finite(p.a) || !finite(p.bf))) {
      return "factors A, B";
    }
    return null;
  }

  private static boolean finite(float[] a) {
    // x − x is 0 for finite x and NaN for NaN and ±∞: one branch-free pass.
    float acc = 0f;
    for (float x : a) {
      acc += x - x;
    }
    return acc == 0f;
  }
}
