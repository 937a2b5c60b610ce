package org.rbmrec.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * A hand-made ranking: items 10, 20, 30, 40, 50 best first; relevant items 20, 50 and 70 (70 is
 * not ranked). Hits at ranks 2 and 5.
 */
class RankingMetricsTest {
  private static final int[] RANKED = {10, 20, 30, 40, 50};
  private static final int[] RELEVANT = {70, 50, 20};

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  @Test
  void hitsMarkTheRelevantRanks() {
    assertThat(RankingMetrics.hits(RANKED, RELEVANT, 5))
        .containsExactly(false, true, false, false, true);
    assertThat(RankingMetrics.hits(RANKED, RELEVANT, 3)).containsExactly(false, true, false);
  }

  @Test
  void precisionDividesHitsByK() {
    boolean[] hits = RankingMetrics.hits(RANKED, RELEVANT, 5);
    assertThat(RankingMetrics.precision(hits, 5)).isCloseTo(2.0 / 5, within(1e-12));
    // a list shorter than k is still divided by k
    assertThat(RankingMetrics.precision(hits, 10)).isCloseTo(2.0 / 10, within(1e-12));
  }

  @Test
  void recallDividesHitsByTheNumberRelevant() {
    boolean[] hits = RankingMetrics.hits(RANKED, RELEVANT, 5);
    assertThat(RankingMetrics.recall(hits, 3, 5)).isCloseTo(2.0 / 3, within(1e-12));
    boolean[] top3 = RankingMetrics.hits(RANKED, RELEVANT, 3);
    assertThat(RankingMetrics.recall(top3, 3, 3)).isCloseTo(1.0 / 3, within(1e-12));
  }

  @Test
  void ndcgUsesLog2DiscountAndTheIdealOfMinKAndRelevant() {
    boolean[] hits = RankingMetrics.hits(RANKED, RELEVANT, 5);
    double dcg = 1 / log2(3) + 1 / log2(6);
    double ideal = 1 + 1 / log2(3) + 1 / log2(4);
    assertThat(RankingMetrics.ndcg(hits, 3, 5)).isCloseTo(dcg / ideal, within(1e-12));
    // at k = 2 the ideal list holds only two relevant items
    boolean[] top2 = RankingMetrics.hits(RANKED, RELEVANT, 2);
    assertThat(RankingMetrics.ndcg(top2, 3, 2))
        .isCloseTo((1 / log2(3)) / (1 + 1 / log2(3)), within(1e-12));
  }

  @Test
  void averagePrecisionIsNormalisedByMinKAndRelevant() {
    boolean[] hits = RankingMetrics.hits(RANKED, RELEVANT, 5);
    // precision at the hits: 1/2 at rank 2, 2/5 at rank 5; divided by min(5, 3) = 3
    assertThat(RankingMetrics.averagePrecision(hits, 3, 5))
        .isCloseTo((0.5 + 0.4) / 3, within(1e-12));
    // at k = 2: one hit at rank 2, divided by min(2, 3) = 2
    boolean[] top2 = RankingMetrics.hits(RANKED, RELEVANT, 2);
    assertThat(RankingMetrics.averagePrecision(top2, 3, 2)).isCloseTo(0.5 / 2, within(1e-12));
  }

  @Test
  void aPerfectListScoresOneOnEveryMetric() {
    boolean[] hits = {true, true};
    assertThat(RankingMetrics.precision(hits, 2)).isEqualTo(1.0);
    assertThat(RankingMetrics.recall(hits, 2, 2)).isEqualTo(1.0);
    assertThat(RankingMetrics.ndcg(hits, 5, 2)).isCloseTo(1.0, within(1e-12));
    assertThat(RankingMetrics.averagePrecision(hits, 5, 2)).isCloseTo(1.0, within(1e-12));
    assertThat(RankingMetrics.hitRate(hits, 2)).isEqualTo(1.0);
  }

  @Test
  void hitRateIsOneWithAnyHitAndZeroWithout() {
    assertThat(RankingMetrics.hitRate(new boolean[] {false, false, true}, 3)).isEqualTo(1.0);
    assertThat(RankingMetrics.hitRate(new boolean[] {false, false, false}, 3)).isEqualTo(0.0);
  }

  @Test
  void coverageCountsDistinctRecommendedItemsAndSkipsPadding() {
    assertThat(RankingMetrics.coverage(new int[] {0, 2, -1, 2, 3, -1}, 8))
        .isCloseTo(3.0 / 8, within(1e-12));
  }

  @Test
  void usersWithoutRelevantItemsAreRefused() {
    assertThatThrownBy(() -> RankingMetrics.recall(new boolean[] {false}, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("numRelevant must be ≥ 1");
  }

  @Test
  void listsLongerThanKAreRefused() {
    assertThatThrownBy(() -> RankingMetrics.precision(new boolean[3], 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most k items, got 3");
  }
}
