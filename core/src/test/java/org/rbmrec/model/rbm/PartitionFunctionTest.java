package org.rbmrec.model.rbm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PartitionFunctionTest {
  private static final int[] COLUMNS = {0, 1, 3, 4};
  private static final int[] INDICATOR = {0, 1, 2, 3, 4};

  /** log Σ_V exp(−F(V)) by enumerating every visible and hidden state. */
  private static double bruteForceLogZ(RbmParameters p) {
    BruteForce oracle = new BruteForce(p, INDICATOR);
    int states = (int) Math.pow(p.levels, COLUMNS.length);
    double[] terms = new double[states];
    int[] v = new int[COLUMNS.length];
    for (int s = 0; s < states; s++) {
      int code = s;
      for (int x = 0; x < v.length; x++) {
        v[x] = code % p.levels;
        code /= p.levels;
      }
      terms[s] = -oracle.freeEnergy(COLUMNS, v);
    }
    return BruteForce.logSumExp(terms);
  }

  @Test
  void exactLogZMatchesEnumerationOfEveryState() {
    RbmParameters p = BruteForce.randomParameters(5, 3, 4, 0, true, 0.8, 17);
    assertThat(PartitionFunction.exactLog(p, COLUMNS, INDICATOR))
        .isCloseTo(bruteForceLogZ(p), within(1e-4));
  }

  @Test
  void annealedImportanceSamplingEstimatesLogZOfATinyModel() {
    RbmParameters p = BruteForce.randomParameters(5, 3, 4, 0, true, 0.8, 17);
    PartitionFunction.Estimate estimate =
        PartitionFunction.annealedImportanceSampling(p, COLUMNS, INDICATOR, 200, 500, 3);
    double exact = bruteForceLogZ(p);
    assertThat(Math.abs(estimate.logZBase() - exact)).isGreaterThan(0.2);
    assertThat(estimate.logZ()).isCloseTo(exact, within(0.05));
    assertThat(estimate.standardError()).isLessThan(0.05);
  }
}
