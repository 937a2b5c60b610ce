package org.rbmrec.bench.librec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of LibRec's {@code SVDPlusPlusRecommender} (Koren 2008): biased MF plus implicit
 * feedback from the set of items each user rated, fitted by SGD, with the LibRec key each setting
 * fills.
 *
 * @param factors latent factors ({@code rec.factor.number})
 * @param epochs passes over the training ratings ({@code rec.iterator.maximum})
 * @param learnRate SGD step size ({@code rec.iterator.learnrate})
 * @param userRegularization L2 on user factors ({@code rec.user.regularization})
 * @param itemRegularization L2 on item factors ({@code rec.item.regularization})
 * @param biasRegularization L2 on the biases ({@code rec.bias.regularization})
 * @param implicitRegularization L2 on the implicit item factors y_j
 *     ({@code rec.impItem.regularization})
 */
public record LibRecSvdPlusPlus(
    int factors,
    int epochs,
    double learnRate,
    double userRegularization,
    double itemRegularization,
    double biasRegularization,
    double implicitRegularization)
    implements LibRecModel {

  public LibRecSvdPlusPlus {
    Check.intIn("factors", factors, 1, 10_000);
    Check.intIn("epochs", epochs, 1, 100_000);
    Check.positiveAtMost("learnRate", learnRate, 10);
    Check.doubleIn("userRegularization", userRegularization, 0, 100);
    Check.doubleIn("itemRegularization", itemRegularization, 0, 100);
    Check.doubleIn("biasRegularization", biasRegularization, 0, 100);
    Check.doubleIn("implicitRegularization", implicitRegularization, 0, 100);
  }

  /**
   * The benchmark setting: 20 factors, 50 epochs, step 0.01, all regularisation (factors, biases,
   * implicit factors) 0.1, a fixed step size. Chosen as the best RMSE on u1.test of
   * regularisation {0.05, 0.1} × epochs {20, 50} at 20 factors, so it flatters LibRec, not us.
   */
  public static LibRecSvdPlusPlus defaults() {
    return new LibRecSvdPlusPlus(20, 50, 0.01, 0.1, 0.1, 0.1, 0.1);
  }

  /**
   * LibRec's own test settings ({@code rec/cf/rating/svdpp-test.properties} in the 2.0.0 jar):
   * 10 factors, 13 epochs, step 0.01, regularisation 0.01, implicit regularisation 0.001; the file
   * sets no bias regularisation, so LibRec's default 0.01 applies.
   */
  public static LibRecSvdPlusPlus librecTestSettings() {
    return new LibRecSvdPlusPlus(10, 13, 0.01, 0.01, 0.01, 0.01, 0.001);
  }

  /** The same settings with {@code factors}. */
  public LibRecSvdPlusPlus withFactors(int n) {
    return new LibRecSvdPlusPlus(n, epochs, learnRate, userRegularization, itemRegularization,
        biasRegularization, implicitRegularization);
  }

  /** The same settings with {@code epochs}. */
  public LibRecSvdPlusPlus withEpochs(int n) {
    return new LibRecSvdPlusPlus(factors, n, learnRate, userRegularization, itemRegularization,
        biasRegularization, implicitRegularization);
  }

  @Override
  public Kind kind() {
    return Kind.SVD_PLUS_PLUS;
  }

  @Override
  public Map<String, String> properties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("rec.recommender.class", "svdpp");
    LibRecBiasedMf.putSgdProperties(p, factors, epochs, learnRate, userRegularization,
        itemRegularization, biasRegularization);
    p.put("rec.impItem.regularization", Double.toString(implicitRegularization));
    return Collections.unmodifiableMap(p);
  }
}
