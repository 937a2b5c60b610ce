package org.rbmrec.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.atomic.AtomicLong;
import org.rbmrec.data.IdIndex;
import org.rbmrec.data.Ml100kFixture;
import org.rbmrec.data.RatingScale;
import org.rbmrec.data.Ratings;
import org.rbmrec.model.Recommender;
import org.rbmrec.model.TopItems;
import org.rbmrec.model.baseline.BiasBaseline;
import org.rbmrec.model.baseline.BiasConfig;
import org.rbmrec.model.baseline.TinyRatings;
import org.rbmrec.progress.Progress;
import org.rbmrec.train.EpochListener;
import org.junit.jupiter.api.Test;

/**
 * A hand-checked evaluation: 3 users, 4 items, a stub model with fixed predictions and lists.
 *
 * <pre>
 *   train: (u0,i0)=5  (u1,i1)=3  (u2,i0)=2
 *   test:  (u0,i1)=4  (u0,i2)=2  (u0,i3)=5  (u1,i0)=5  (u2,i3)=1
 *   predicted:  3.5       2.5       4          4          2       (u1 is a fallback user)
 *   lists (k=2): u0 → [3, 2]   u1 → [0, 2]   u2 → never asked (no relevant test item)
 * </pre>
 */
class EvaluatorTest {
  private static final IdIndex[] IDS = TinyRatings.indices(3, 4);
  private static final Ratings TRAIN =
      TinyRatings.of(IDS, new double[] {0, 0, 5}, new double[] {1, 1, 3}, new double[] {2, 0, 2});
  private static final Ratings TEST = TinyRatings.of(
      IDS, new double[] {0, 1, 4}, new double[] {0, 2, 2}, new double[] {0, 3, 5},
      new double[] {1, 0, 5}, new double[] {2, 3, 1});

  private static final class StubModel implements Recommender {
    @Override
    public String name() {
      return "stub";
    }

    @Override
    public RatingScale scale() {
      return RatingScale.STARS_1_TO_5;
    }

    @Override
    public int numUsers() {
      return 3;
    }

    @Override
    public int numItems() {
      return 4;
    }

    @Override
    public double predict(int user, int item) {
      double[][] table = {{5, 3.5, 2.5, 4}, {4, 3, 1, 1}, {1, 1, 1, 2}};
      return table[user][item];
    }

    @Override
    public boolean isFallback(int user, int item) {
      return user == 1;
    }

    @Override
    public TopItems recommend(int user, int k, boolean excludeSeen) {
      assertThat(excludeSeen).isTrue();
      assertThat(k).isEqualTo(2);
      return switch (user) {
        case 0 -> new TopItems(new int[] {3, 2}, new double[] {4, 2.5});
        case 1 -> new TopItems(new int[] {0, 2}, new double[] {4, 1});
        default -> throw new AssertionError("user " + user + " has no relevant test item");
      };
    }
  }

  private static EvaluationResult evaluate(double threshold, int threads) {
    return new Evaluator(new EvaluationConfig(2, threshold, threads))
        .evaluate(new StubModel(), TRAIN, TEST);
  }

  @Test
  void errorMetricsCoverEveryTestRatingAndCountFallbacks() {
    EvaluationResult r = evaluate(4, 1);
    // errors -0.5, 0.5, -1, -1, 1: squares sum 3.5, absolutes sum 4
    assertThat(r.rmse()).isCloseTo(Math.sqrt(3.5 / 5), within(1e-12));
    assertThat(r.mae()).isCloseTo(4.0 / 5, within(1e-12));
    assertThat(r.nTest()).isEqualTo(5);
    assertThat(r.nFallback()).isEqualTo(1);
    assertThat(r.model()).isEqualTo("stub");
  }

  @Test
  void rankingMetricsAverageOverUsersWithARelevantTestItem() {
    EvaluationResult r = evaluate(4, 1);
    // u0: relevant {1, 3}, hits [T, F]; u1: relevant {0}, hits [T, F]
    double ndcgU0 = 1 / (1 + Math.log(2) / Math.log(3));
    assertThat(r.nUsersRanked()).isEqualTo(2);
    assertThat(r.precision()).isCloseTo(0.5, within(1e-12));
    assertThat(r.recall()).isCloseTo((0.5 + 1) / 2, within(1e-12));
    assertThat(r.ndcg()).isCloseTo((ndcgU0 + 1) / 2, within(1e-12));
    assertThat(r.map()).isCloseTo((0.5 + 1) / 2, within(1e-12));
    assertThat(r.hitRate()).isEqualTo(1.0);
    assertThat(r.coverage()).isCloseTo(3.0 / 4, within(1e-12));
  }

  @Test
  void rankingSampleKeepsAtMostMaxRankedUsersEvenlySpacedAndAllErrorPairs() {
    EvaluationResult r = new Evaluator(new EvaluationConfig(2, 4, 1, 1))
        .evaluate(new StubModel(), TRAIN, TEST);
    // eligible users u0 and u1; one evenly spaced pick is the first, u0: hits [T, F]
    assertThat(r.nUsersRanked()).isEqualTo(1);
    assertThat(r.recall()).isCloseTo(0.5, within(1e-12));
    assertThat(r.coverage()).isCloseTo(2.0 / 4, within(1e-12));
    assertThat(r.nTest()).isEqualTo(5);
  }

  @Test
  void zeroMaxRankedUsersRanksEveryEligibleUser() {
    EvaluationResult r = new Evaluator(new EvaluationConfig(2, 4, 1, 0))
        .evaluate(new StubModel(), TRAIN, TEST);
    assertThat(r.nUsersRanked()).isEqualTo(2);
  }

  @Test
  void negativeMaxRankedUsersIsRejectedNamingTheParameter() {
    assertThatThrownBy(() -> new EvaluationConfig(10, 4, 1, -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRankedUsers")
        .hasMessageContaining("-1");
  }

  @Test
  void relevanceThresholdIsARatingValue() {
    EvaluationResult r = evaluate(5, 1);
    // at ≥ 5, u0's only relevant item is 3, which its list hits first
    assertThat(r.recall()).isCloseTo(1.0, within(1e-12));
    assertThat(r.map()).isCloseTo(1.0, within(1e-12));
    assertThat(r.relevanceThreshold()).isEqualTo(5.0);
  }

  @Test
  void rankingMetricsAreNaNWhenNoUserHasARelevantItem() {
    Ratings lowTest = TinyRatings.of(IDS, new double[] {2, 3, 1});
    EvaluationResult r = new Evaluator(new EvaluationConfig(2, 4, 1))
        .evaluate(new StubModel(), TRAIN, lowTest);
    assertThat(r.nUsersRanked()).isZero();
    assertThat(r.precision()).isNaN();
    assertThat(r.coverage()).isNaN();
    assertThat(r.rmse()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void emptyTestSetIsRefused() {
    Ratings empty = TinyRatings.of(IDS);
    assertThatThrownBy(() -> new Evaluator(EvaluationConfig.defaults())
        .evaluate(new StubModel(), TRAIN, empty))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty test set");
  }

  @Test
  void testRatingsThatAreAlsoInTrainingAreRefused() {
    Ratings overlapping = TinyRatings.of(IDS, new double[] {1, 1, 3});
    assertThatThrownBy(() -> new Evaluator(EvaluationConfig.defaults())
        .evaluate(new StubModel(), TRAIN, overlapping))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("also in the training set");
  }

  @Test
  void setsWithDifferentIdIndicesAreRefused() {
    Ratings other = TinyRatings.of(3, 5, new double[] {0, 4, 4});
    assertThatThrownBy(() -> new Evaluator(EvaluationConfig.defaults())
        .evaluate(new StubModel(), TRAIN, other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("item id index");
  }

  @Test
  void thresholdAboveTheScaleIsRefused() {
    assertThatThrownBy(() -> evaluate(6, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("relevanceThreshold must be at most the scale maximum 5.0, got 6.0");
  }

  @Test
  void progressCountsEveryRankedUserOnce() {
    AtomicLong advanced = new AtomicLong();
    AtomicLong total = new AtomicLong();
    Progress progress = new Progress() {
      @Override
      public void start(String task, long steps, String unit) {
        total.set(steps);
      }

      @Override
      public void advance(long steps) {
        advanced.addAndGet(steps);
      }

      @Override
      public void finish() {}
    };
    new Evaluator(new EvaluationConfig(2, 4, 1)).evaluate(new StubModel(), TRAIN, TEST, progress);
    // u0 and u1 have a relevant test item; u2 is not ranked
    assertThat(total.get()).isEqualTo(2);
    assertThat(advanced.get()).isEqualTo(2);
  }

  @Test
  void configValidationNamesParameterRangeAndValue() {
    assertThatThrownBy(() -> new EvaluationConfig(0, 4, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("k must be in [1, 10000], got 0");
    assertThatThrownBy(() -> new EvaluationConfig(10, 4, 0))
        .hasMessage("threads must be in [1, 1024], got 0");
    assertThatThrownBy(() -> new EvaluationConfig(10, Double.NaN, 1))
        .hasMessageContaining("relevanceThreshold");
  }

  @Test
  void resultOnMl100kIsIdenticalForOneAndThreeThreads() {
    Ratings[] u1 = Ml100kFixture.split("u1");
    BiasBaseline model = BiasBaseline.fit(u1[0], BiasConfig.defaults(), EpochListener.NONE);
    EvaluationConfig config = new EvaluationConfig(10, 4, 1);
    EvaluationResult one = new Evaluator(config).evaluate(model, u1[0], u1[1]);
    EvaluationResult three = new Evaluator(config.withThreads(3)).evaluate(model, u1[0], u1[1]);
    assertThat(three).isEqualTo(one);
    assertThat(one.nUsersRanked()).isBetween(400, 462);
    assertThat(one.nTest()).isEqualTo(20_000);
  }
}
