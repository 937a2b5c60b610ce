package org.rbmrec.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.rbmrec.data.SparseRows;
import org.junit.jupiter.api.Test;

class TopKTest {
  private static final double[] SCORES = {0.5, 3.0, 2.0, 3.0, Double.NaN, 4.0};

  private static SparseRows seen(int numItems, int... items) {
    int[] rows = new int[items.length];
    return SparseRows.fromTriplets(1, numItems, rows, items, new byte[items.length]);
  }

  @Test
  void returnsTheBestItemsBestFirstWithTiesByLowerIndex() {
    TopItems top = TopK.select(6, 3, i -> SCORES[i], null, 0, s -> s);
    assertThat(top.items()).containsExactly(5, 1, 3);
    assertThat(top.scores()).containsExactly(4.0, 3.0, 3.0);
  }

  @Test
  void excludesTheUsersSeenItems() {
    TopItems top = TopK.select(6, 3, i -> SCORES[i], seen(6, 1, 5), 0, s -> s);
    assertThat(top.items()).containsExactly(3, 2, 0);
  }

  @Test
  void returnsFewerThanKWhenTheCandidatesRunOutAndSkipsNaN() {
    TopItems top = TopK.select(6, 10, i -> SCORES[i], seen(6, 0, 2), 0, s -> s);
    assertThat(top.items()).containsExactly(5, 1, 3);
  }

  @Test
  void reportsMappedScoresButRanksByRawScores() {
    double[] raw = {5.4, 5.9, 4.0};
    TopItems top = TopK.select(3, 3, i -> raw[i], null, 0, s -> Math.min(s, 5.0));
    assertThat(top.items()).containsExactly(1, 0, 2);
    assertThat(top.scores()).containsExactly(5.0, 5.0, 4.0);
  }

  @Test
  void zeroKGivesAnEmptyListAndNegativeKIsRefused() {
    assertThat(TopK.select(6, 0, i -> SCORES[i], null, 0, s -> s).size()).isZero();
    assertThatThrownBy(() -> TopK.select(6, -1, i -> SCORES[i], null, 0, s -> s))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("k must be ≥ 0, got -1");
  }
}
