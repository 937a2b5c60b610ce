package org.rbmrec.model.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rbmrec.data.Ml100kFixture;
import org.rbmrec.data.Ratings;
import org.rbmrec.data.SparseRows;
import org.rbmrec.eval.EvaluationConfig;
import org.rbmrec.eval.EvaluationResult;
import org.rbmrec.eval.Evaluator;
import org.rbmrec.train.EpochListener;

/**
 * The baselines with their default configs on the official ml-100k u1 split. Measured when the
 * defaults were chosen: global mean RMSE 1.154, bias 0.954, biased MF 0.923, SVD++ 0.915; the
 * margins asserted below leave slack for platform differences in floating point.
 */
class BaselinesMl100kTest {
  private static Ratings train;
  private static Ratings test;
  private static Evaluator evaluator;
  private static EvaluationResult globalMean;
  private static EvaluationResult bias;
  private static EvaluationResult mf;
  private static EvaluationResult svdpp;

  @BeforeAll
  static void fitEveryBaselineOnU1() {
    Ratings[] u1 = Ml100kFixture.split("u1");
    train = u1[0];
    test = u1[1];
    evaluator = new Evaluator(EvaluationConfig.defaults());
    globalMean = evaluator.evaluate(GlobalMean.fit(train), train, test);
    bias = evaluator.evaluate(
        BiasBaseline.fit(train, BiasConfig.defaults(), EpochListener.NONE), train, test);
    mf = evaluator.evaluate(
        BiasedMf.fit(train, BiasedMfConfig.defaults(), EpochListener.NONE), train, test);
    svdpp = evaluator.evaluate(
        SvdPlusPlus.fit(train, SvdPlusPlusConfig.defaults(), EpochListener.NONE), train, test);
  }

  @Test
  void globalMeanScoresTheKnownU1Rmse() {
    assertThat(globalMean.rmse()).isCloseTo(1.154, within(0.002));
  }

  @Test
  void biasBaselineBeatsTheGlobalMeanByAWideMargin() {
    assertThat(bias.rmse()).isLessThan(0.98).isLessThan(globalMean.rmse() - 0.15);
    assertThat(bias.mae()).isLessThan(globalMean.mae());
  }

  @Test
  void classicOnePassShrinkageMatchesThePublishedCalibration() {
    BiasBaseline classic =
        BiasBaseline.fit(train, new BiasConfig(10, 25, 1), EpochListener.NONE);
    assertThat(evaluator.evaluate(classic, train, test).rmse()).isCloseTo(0.969, within(0.005));
  }

  @Test
  void biasedMfBeatsTheBiasBaseline() {
    assertThat(mf.rmse()).isLessThan(bias.rmse() - 0.02);
    assertThat(mf.mae()).isLessThan(bias.mae() - 0.015);
  }

  @Test
  void svdPlusPlusBeatsTheBiasBaseline() {
    assertThat(svdpp.rmse()).isLessThan(bias.rmse() - 0.025);
    assertThat(svdpp.mae()).isLessThan(bias.mae() - 0.02);
  }

  @Test
  void personalisedRankingBeatsTheGlobalMeansIndexOrder() {
    assertThat(svdpp.ndcg()).isGreaterThan(2 * globalMean.ndcg());
    assertThat(bias.ndcg()).isGreaterThan(globalMean.ndcg());
    assertThat(svdpp.coverage()).isGreaterThan(bias.coverage());
  }

  @Test
  void fallbacksAreExactlyTheTestPairsWithAnUnseenUserOrItem() {
    SparseRows byUser = train.byUser();
    SparseRows byItem = train.byItem();
    int expected = 0;
    for (int j = 0; j < test.size(); j++) {
      boolean unseen =
          byUser.rowLength(test.user(j)) == 0 || byItem.rowLength(test.item(j)) == 0;
      expected += unseen ? 1 : 0;
    }
    assertThat(expected).isPositive();
    assertThat(bias.nFallback()).isEqualTo(expected);
    assertThat(mf.nFallback()).isEqualTo(expected);
    assertThat(svdpp.nFallback()).isEqualTo(expected);
    assertThat(globalMean.nFallback()).isZero();
  }
}
