package org.rbmrec.model.rbm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rbmrec.data.RatingScale;
import org.rbmrec.data.SparseRows;

/**
 * A tiny RBM (5 visible units, K = 3, F = 3) against brute-force enumeration of every state, for
 * the plain, conditional and factored variants.
 */
class RbmBruteForceTest {
  enum Variant {
    PLAIN(0, false),
    CONDITIONAL(0, true),
    FACTORED(2, false);

    final int factors;
    final boolean conditional;

    Variant(int factors, boolean conditional) {
      this.factors = factors;
      this.conditional = conditional;
    }
  }

  private static final int V = 5;
  private static final int K = 3;
  private static final int F = 3;
  private static final RatingScale SCALE = new RatingScale(1, 3, 1);
  // Row 0 rated units 0, 2, 3 (levels 2, 0, 1); unit 4 is "rated, value unknown" (implicit).
  private static final int[] COLUMNS = {0, 2, 3};
  private static final int[] LEVELS = {2, 0, 1};
  private static final int[] INDICATOR = {0, 2, 3, 4};

  private static RbmParameters params(Variant variant) {
    return BruteForce.randomParameters(V, K, F, variant.factors, variant.conditional, 0.6, 42);
  }

  private static float[] input(RbmParameters p) {
    float[] x = p.c.clone();
    if (p.d != null) {
      RbmMath.addImplicitInput(p.d, F, INDICATOR, 0, INDICATOR.length, x);
    }
    RbmMath.addVisibleInput(p.w, K, F, COLUMNS, bytes(LEVELS), 0, COLUMNS.length, x);
    return x;
  }

  private static RbmModel model(Variant variant, RbmParameters p) {
    // Row 0 is the row under test; row 1 rated every unit, so every unit is known to the model.
    int[] rowOf = {0, 0, 0, 1, 1, 1, 1, 1};
    int[] columnOf = {0, 2, 3, 0, 1, 2, 3, 4};
    byte[] levelOf = {2, 0, 1, 0, 1, 2, 0, 1};
    SparseRows rows = SparseRows.fromTriplets(2, V, rowOf, columnOf, levelOf);
    SparseRows implicit = SparseRows.fromTriplets(2, V, new int[] {0}, new int[] {4},
        new byte[] {0});
    RbmConfig config = RbmConfig.builder().orientation(Orientation.USER)
        .hidden(F).factors(variant.factors)
        .conditional(variant.conditional).threads(1).build();
    return new RbmModel(config, p, SCALE, rows, IndicatorRows.union(rows, implicit),
        new ConstantRecommender(SCALE, 2, V, 2.0));
  }

  @ParameterizedTest
  @EnumSource(Variant.class)
  void freeEnergyIsMinusLogSumOverHiddenStates(Variant variant) {
    RbmParameters p = params(variant);
    BruteForce oracle = new BruteForce(p, INDICATOR);
    double exact = oracle.freeEnergy(COLUMNS, LEVELS);
    double kernel = RbmMath.freeEnergy(p.b, K, COLUMNS, bytes(LEVELS), 0, COLUMNS.length,
        input(p), F);
    assertThat(kernel).isCloseTo(exact, within(1e-5));
    assertThat(model(variant, p).freeEnergy(0)).isCloseTo(exact, within(1e-5));
  }

  @ParameterizedTest
  @EnumSource(Variant.class)
  void hiddenProbabilitiesMatchEnumeration(Variant variant) {
    RbmParameters p = params(variant);
    double[] exact = new BruteForce(p, INDICATOR).hiddenProbabilities(COLUMNS, LEVELS);
    float[] h = new float[F];
    RbmMath.hiddenProbabilities(input(p), h, F);
    for (int j = 0; j < F; j++) {
      assertThat((double) h[j]).isCloseTo(exact[j], within(1e-6));
    }
  }

  @ParameterizedTest
  @EnumSource(Variant.class)
  void visibleSoftmaxMatchesEnumerationForEveryHiddenState(Variant variant) {
    RbmParameters p = params(variant);
    BruteForce oracle = new BruteForce(p, INDICATOR);
    float[] h = new float[F];
    float[] q = new float[K];
    for (int state = 0; state < 1 << F; state++) {
      for (int j = 0; j < F; j++) {
        h[j] = state >> j & 1;
      }
      for (int position = 0; position < COLUMNS.length; position++) {
        double[] exact = oracle.visibleProbabilities(COLUMNS, position, state);
        RbmMath.visibleLogits(p.w, p.b, K, F, COLUMNS[position], h, q, 0);
        RbmMath.softmax(q, 0, K);
        for (int l = 0; l < K; l++) {
          assertThat((double) q[l]).isCloseTo(exact[l], within(1e-6));
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Variant.class)
  void exactPredictionMarginalisesHiddenUnitsAndTheQuery(Variant variant) {
    RbmParameters p = params(variant);
    BruteForce oracle = new BruteForce(p, INDICATOR);
    RbmModel model = model(variant, p);
    // Unobserved query 4: p(v_4 = k | V) ∝ Σ_h exp(−E(V ∪ {v_4 = k}, h)).
    double[] predicted = model.levelProbabilities(0, 4, PredictionRule.EXACT);
    double[] logWeights = new double[K];
    for (int l = 0; l < K; l++) {
      logWeights[l] = -oracle.freeEnergy(new int[] {0, 2, 3, 4}, new int[] {2, 0, 1, l});
    }
    assertDistribution(predicted, logWeights);
    // Observed query 2: the exact rule conditions on the row's other ratings.
    double[] observed = model.levelProbabilities(0, 2, PredictionRule.EXACT);
    for (int l = 0; l < K; l++) {
      logWeights[l] = -oracle.freeEnergy(new int[] {0, 2, 3}, new int[] {2, l, 1});
    }
    assertDistribution(observed, logWeights);
    double expected = 0;
    for (int l = 0; l < K; l++) {
      expected += predicted[l] * SCALE.value(l);
    }
    assertThat(model.predictExact(0, 4)).isCloseTo(expected, within(1e-9));
  }

  @ParameterizedTest
  @EnumSource(Variant.class)
  void longChainCdGradientConvergesToExactLogLikelihoodGradient(Variant variant) {
    RbmParameters p = params(variant);
    double[][] exact = new BruteForce(p, INDICATOR).logLikelihoodGradient(COLUMNS, LEVELS);
    SparseRows rows = SparseRows.fromTriplets(1, V, new int[] {0, 0, 0}, COLUMNS, bytes(LEVELS));
    SparseRows implicit = SparseRows.fromTriplets(1, V, new int[] {0}, new int[] {4},
        new byte[] {0});
    IndicatorRows indicator = IndicatorRows.union(rows, implicit);
    CdWorker worker = new CdWorker(p, SCALE.values(), COLUMNS.length);
    int chains = 40_000;
    double[] gw = new double[p.w.length];
    double[] gb = new double[p.b.length];
    double[] gc = new double[F];
    double[] gd = new double[V * F];
    for (int run = 0; run < chains; run++) {
      worker.random.reseed(7, run, 0);
      worker.accumulateRow(rows, indicator, 0, 25, NegativePhase.SAMPLED, null);
      for (int s = 0; s < worker.numTouched; s++) {
        int i = worker.touched[s];
        for (int x = 0; x < K * F; x++) {
          gw[i * K * F + x] += worker.gw[s * K * F + x];
        }
        for (int l = 0; l < K; l++) {
          gb[i * K + l] += worker.gb[s * K + l];
        }
        if (p.d != null) {
          for (int j = 0; j < F; j++) {
            gd[i * F + j] += worker.gd[s * F + j];
          }
        }
      }
      for (int j = 0; j < F; j++) {
        gc[j] += worker.gc[j];
      }
      worker.reset();
    }
    double tolerance = 0.03;
    assertClose(gw, exact[0], chains, tolerance);
    assertClose(gb, exact[1], chains, tolerance);
    assertClose(gc, exact[2], chains, tolerance);
    if (p.d != null) {
      assertClose(gd, exact[3], chains, tolerance);
    }
  }

  @ParameterizedTest
  @EnumSource(value = Variant.class, names = "FACTORED")
  void factoredGradientFollowsTheChainRuleThroughTheProduct(Variant variant) {
    RbmParameters p = params(variant);
    double[][] exact = new BruteForce(p, INDICATOR).logLikelihoodGradient(COLUMNS, LEVELS);
    float[] gw = new float[p.w.length];
    for (int x = 0; x < gw.length; x++) {
      gw[x] = (float) exact[0][x];
    }
    int[] touched = {0, 2, 3};
    float[] ga = new float[p.a.length];
    float[] gbf = new float[p.bf.length];
    TrainingState.factorGradients(p, gw, touched, touched.length, ga, gbf);
    double eps = 1e-2;
    for (int x = 0; x < p.a.length; x++) {
      assertThat((double) ga[x]).isCloseTo(finiteDifference(p, p.a, x, eps), within(2e-3));
    }
    for (int x = 0; x < p.bf.length; x++) {
      assertThat((double) gbf[x]).isCloseTo(finiteDifference(p, p.bf, x, eps), within(2e-3));
    }
  }

  private static double finiteDifference(RbmParameters p, float[] target, int x, double eps) {
    float saved = target[x];
    target[x] = (float) (saved + eps);
    p.materialiseFactors();
    double plus = new BruteForce(p, INDICATOR).logLikelihood(COLUMNS, LEVELS);
    target[x] = (float) (saved - eps);
    p.materialiseFactors();
    double minus = new BruteForce(p, INDICATOR).logLikelihood(COLUMNS, LEVELS);
    target[x] = saved;
    p.materialiseFactors();
    return (plus - minus) / (2 * eps);
  }

  private static void assertDistribution(double[] predicted, double[] logWeights) {
    double logZ = BruteForce.logSumExp(logWeights);
    for (int l = 0; l < logWeights.length; l++) {
      assertThat(predicted[l]).isCloseTo(Math.exp(logWeights[l] - logZ), within(1e-5));
    }
  }

  private static void assertClose(double[] sums, double[] exact, int n, double tolerance) {
    for (int x = 0; x < exact.length; x++) {
      assertThat(sums[x] / n).as("component %d", x).isCloseTo(exact[x], within(tolerance));
    }
  }

  private static byte[] bytes(int[] values) {
    byte[] b = new byte[values.length];
    for (int x = 0; x < values.length; x++) {
      b[x] = (byte) values[x];
    }
    return b;
  }
}
