package org.rbmrec.bench.librec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of LibRec's {@code BiasedMFRecommender}: r̂(u,i) = μ + b_u + b_i + p_u·q_i fitted by
 * stochastic gradient descent on the squared error, with the LibRec key each setting fills.
 *
 * @param factors latent factors per user and item ({@code rec.factor.number})
 * @param epochs passes over the training ratings ({@code rec.iterator.maximum})
 * @param learnRate SGD step size ({@code rec.iterator.learnrate})
 * @param userRegularization L2 on user factors ({@code rec.user.regularization})
 * @param itemRegularization L2 on item factors ({@code rec.item.regularization})
 * @param biasRegularization L2 on the biases ({@code rec.bias.regularization})
 */
public record LibRecBiasedMf(
    int factors,
    int epochs,
    double learnRate,
    double userRegularization,
    double itemRegularization,
    double biasRegularization)
    implements LibRecModel {

  public LibRecBiasedMf {
    Check.intIn("factors", factors, 1, 10_000);
    Check.intIn("epochs", epochs, 1, 100_000);
    Check.positiveAtMost("learnRate", learnRate, 10);
    Check.doubleIn("userRegularization", userRegularization, 0, 100);
    Check.doubleIn("itemRegularization", itemRegularization, 0, 100);
    Check.doubleIn("biasRegularization", biasRegularization, 0, 100);
  }

  /**
   * The benchmark setting: 20 factors, 50 epochs, step 0.01, all regularisation 0.1, a fixed step
   * size (no bold driver, no decay). Chosen as the best RMSE on u1.test of regularisation {0.02,
   * 0.05, 0.1} × epochs {10, 20, 50, 100} at 20 factors, so it flatters LibRec, not us.
   */
  public static LibRecBiasedMf defaults() {
    return new LibRecBiasedMf(20, 50, 0.01, 0.1, 0.1, 0.1);
  }

  /**
   * LibRec's own test settings ({@code rec/cf/rating/biasedmf-test.properties} in the 2.0.0 jar):
   * 10 factors, 10 epochs, step 0.01, all regularisation 0.01.
   */
  public static LibRecBiasedMf librecTestSettings() {
    return new LibRecBiasedMf(10, 10, 0.01, 0.01, 0.01, 0.01);
  }

  /** The same settings with {@code factors}. */
  public LibRecBiasedMf withFactors(int n) {
    return new LibRecBiasedMf(n, epochs, learnRate, userRegularization, itemRegularization,
        biasRegularization);
  }

  /** The same settings with {@code epochs}. */
  public LibRecBiasedMf withEpochs(int n) {
    return new LibRecBiasedMf(factors, n, learnRate, userRegularization, itemRegularization,
        biasRegularization);
  }

  @Override
  public Kind kind() {
    return Kind.BIASED_MF;
  }

  @Override
  public Map<String, String> properties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("rec.recommender.class", "biasedmf");
    putSgdProperties(p, factors, epochs, learnRate, userRegularization, itemRegularization,
        biasRegularization);
    return Collections.unmodifiableMap(p);
  }

  /** The keys shared by LibRec's SGD matrix factorisations, with a fixed step size. */
  static void putSgdProperties(Map<String, String> p, int factors, int epochs, double learnRate,
      double userRegularization, double itemRegularization, double biasRegularization) {
    p.put("rec.factor.number", Integer.toString(factors));
    p.put("rec.iterator.maximum", Integer.toString(epochs));
    p.put("rec.iterator.learnrate", Double.toString(learnRate));
    // Only the bold driver reads the maximum; pinned to the step so nothing is left implicit.
    p.put("rec.iterator.learnrate.maximum", Double.toString(learnRate));
    p.put("rec.learnrate.bolddriver", "false");
    p.put("rec.learnrate.decay", "1.0");
    p.put("rec.user.regularization", Double.toString(userRegularization));
    p.put("rec.item.regularization", Double.toString(itemRegularization));
    p.put("rec.bias.regularization", Double.toString(biasRegularization));
  }
}
