package org.rbmrec.bench.librec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of LibRec's {@code RBMRecommender}, named after what they do, with the LibRec key each
 * one sets.
 *
 * @param hiddenUnits F, hidden units ({@code rec.factor.number}); LibRec's own default is 500
 * @param epochs passes over all users ({@code rec.iterator.maximum})
 * @param weightLearnRate learning rate of the weights ({@code rec.epsilonw})
 * @param visibleBiasLearnRate learning rate of the visible biases ({@code rec.epsilonvb})
 * @param hiddenBiasLearnRate learning rate of the hidden biases ({@code rec.epsilonhb})
 * @param gibbsSteps steps of contrastive divergence, CD-T ({@code rec.tstep})
 * @param momentum momentum of the updates ({@code rec.momentum})
 * @param weightDecay L2 weight decay ({@code rec.lamtaw})
 * @param biasDecay L2 decay of the biases ({@code rec.lamtab})
 * @param prediction "mean" (expected rating) or "max" (most probable rating)
 *     ({@code rec.predictiontype})
 */
public record LibRecRbm(
    int hiddenUnits,
    int epochs,
    double weightLearnRate,
    double visibleBiasLearnRate,
    double hiddenBiasLearnRate,
    int gibbsSteps,
    double momentum,
    double weightDecay,
    double biasDecay,
    String prediction)
    implements LibRecModel {

  public LibRecRbm {
    Check.intIn("hiddenUnits", hiddenUnits, 1, 100_000);
    Check.intIn("epochs", epochs, 1, 100_000);
    Check.positiveAtMost("weightLearnRate", weightLearnRate, 10);
    Check.positiveAtMost("visibleBiasLearnRate", visibleBiasLearnRate, 10);
    Check.positiveAtMost("hiddenBiasLearnRate", hiddenBiasLearnRate, 10);
    Check.intIn("gibbsSteps", gibbsSteps, 1, 1_000);
    Check.doubleIn("momentum", momentum, 0, 1);
    Check.doubleIn("weightDecay", weightDecay, 0, 10);
    Check.doubleIn("biasDecay", biasDecay, 0, 10);
    if (!"mean".equals(prediction) && !"max".equals(prediction)) {
      throw new IllegalArgumentException(
          "prediction must be \"mean\" or \"max\", got " + prediction);
    }
  }

  /**
   * LibRec's own test settings for the RBM ({@code rec/cf/rating/rbm-test.properties} in the
   * 2.0.0 jar: 20 epochs, learning rates 0.01, CD-1, momentum 0.1, weight decay 0.01, no bias
   * decay, mean prediction), except F = 100 hidden units as in Salakhutdinov et al. (LibRec's
   * file uses 500).
   */
  public static LibRecRbm defaults() {
    return new LibRecRbm(100, 20, 0.01, 0.01, 0.01, 1, 0.1, 0.01, 0.0, "mean");
  }

  /** The same settings with {@code hiddenUnits} F. */
  public LibRecRbm withHiddenUnits(int f) {
    return new LibRecRbm(f, epochs, weightLearnRate, visibleBiasLearnRate, hiddenBiasLearnRate,
        gibbsSteps, momentum, weightDecay, biasDecay, prediction);
  }

  /** The same settings with {@code epochs}. */
  public LibRecRbm withEpochs(int n) {
    return new LibRecRbm(hiddenUnits, n, weightLearnRate, visibleBiasLearnRate,
        hiddenBiasLearnRate, gibbsSteps, momentum, weightDecay, biasDecay, prediction);
  }

  @Override
  public Kind kind() {
    return Kind.RBM;
  }

  @Override
  public Map<String, String> properties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("rec.recommender.class", "rbm");
    p.put("rec.factor.number", Integer.toString(hiddenUnits));
    p.put("rec.iterator.maximum", Integer.toString(epochs));
    p.put("rec.epsilonw", Double.toString(weightLearnRate));
    p.put("rec.epsilonvb", Double.toString(visibleBiasLearnRate));
    p.put("rec.epsilonhb", Double.toString(hiddenBiasLearnRate));
    p.put("rec.tstep", Integer.toString(gibbsSteps));
    p.put("rec.momentum", Double.toString(momentum));
    p.put("rec.lamtaw", Double.toString(weightDecay));
    p.put("rec.lamtab", Double.toString(biasDecay));
    p.put("rec.predictiontype", prediction);
    return Collections.unmodifiableMap(p);
  }
}
