package org.rbmrec.model.rbm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.rbmrec.data.Ml100kFixture;
import org.rbmrec.data.Ratings;
import org.rbmrec.model.Predictions;
import org.rbmrec.model.TopItems;
import org.rbmrec.train.EpochReport;

/** Prediction, recommendation and per-epoch diagnostics of a model trained on real data. */
class RbmModelTest {
  private static volatile RbmModel model;
  private static final List<EpochReport> REPORTS = new ArrayList<>();

  private static RbmModel model() {
    if (model == null) {
      synchronized (RbmModelTest.class) {
        if (model == null) {
          Ratings[] u1 = Ml100kFixture.split("u1");
          boolean[] keep = new boolean[u1[0].size()];
          for (int x = 0; x < keep.length; x++) {
            keep[x] = u1[0].user(x) < 300;
          }
          Ratings training = u1[0].select(keep);
          RbmConfig config = RbmConfig.builder().orientation(Orientation.USER)
              .hidden(20).epochs(3).learningRate(0.1)
              .threads(2).build();
          model = new RbmTrainer(config).train(training, null, u1[1],
              ConstantRecommender.globalMean(training), REPORTS::add,
              org.rbmrec.progress.Progress.NONE);
        }
      }
    }
    return model;
  }

  @Test
  void everyEpochReportsTheDiagnostics() {
    model();
    assertThat(REPORTS).hasSize(3);
    for (EpochReport report : REPORTS) {
      assertThat(report.metrics()).containsKeys("k", "learning_rate", "recon_error",
          "train_rmse", "valid_rmse", "free_energy_gap");
      assertThat(report.metric("recon_error")).isBetween(0.0, 4.0);
      assertThat(report.metric("valid_rmse")).isBetween(0.5, 2.0);
      assertThat(report.metric("free_energy_gap")).isFinite();
    }
  }

  @Test
  void userWithoutTrainingRatingsFallsBack() {
    RbmModel m = model();
    int user = 900; // only users < 300 are in this training set
    assertThat(m.isFallback(user, 0)).isTrue();
    assertThat(m.predict(user, 0)).isEqualTo(m.fallback().predict(user, 0));
    assertThat(m.levelProbabilities(user, 0, PredictionRule.EXACT)).isNull();
  }

  @Test
  void levelProbabilitiesSumToOneUnderBothRules() {
    RbmModel m = model();
    for (PredictionRule rule : PredictionRule.values()) {
      double[] p = m.levelProbabilities(5, 10, rule);
      double sum = 0;
      for (double x : p) {
        sum += x;
      }
      assertThat(sum).isCloseTo(1.0, within(1e-5));
    }
  }

  @Test
  void batchedPredictionEqualsOneByOne() {
    RbmModel m = model();
    Ratings test = Ml100kFixture.split("u1")[1];
    Predictions batch = m.predict(test.usersCopy(), test.itemsCopy());
    for (int x = 0; x < test.size(); x += 97) {
      assertThat(batch.values()[x]).isEqualTo(m.predict(test.user(x), test.item(x)));
      assertThat(batch.fallback()[x]).isEqualTo(m.isFallback(test.user(x), test.item(x)));
    }
    assertThat(batch.fallbackCount()).isPositive();
  }

  @Test
  void recommendationsAgreeWithPredictions() {
    RbmModel m = model();
    TopItems top = m.recommend(7, 5, true);
    assertThat(top.size()).isEqualTo(5);
    for (int x = 0; x < top.size(); x++) {
      assertThat(top.scores()[x]).isEqualTo(m.predict(7, top.items()[x]));
    }
  }

  @Property(tries = 30)
  void recommendationsAreSortedBoundedAndExcludeSeen(
      @ForAll @IntRange(min = 0, max = 299) int user, @ForAll @IntRange(min = 0, max = 40) int k) {
    RbmModel m = model();
    TopItems top = m.recommend(user, k, true);
    assertThat(top.size()).isLessThanOrEqualTo(k);
    for (int x = 1; x < top.size(); x++) {
      assertThat(top.scores()[x]).isLessThanOrEqualTo(top.scores()[x - 1]);
    }
    for (int item : top.items()) {
      assertThat(m.trainingRows().find(user, item)).isEqualTo(-1);
    }
  }

  @Test
  void topLevelRankingIsSortedByTheTopProbability() {
    RbmModel m = model();
    TopItems top = m.recommend(3, 10, true, RankBy.TOP_LEVEL_PROBABILITY);
    double[] first = m.levelProbabilities(3, top.items()[0], m.config().predictionRule());
    assertThat(top.scores()[0]).isCloseTo(first[first.length - 1], within(1e-6));
    for (int x = 1; x < top.size(); x++) {
      assertThat(top.scores()[x]).isLessThanOrEqualTo(top.scores()[x - 1]);
    }
  }
}
