package org.rbmrec.data.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.rbmrec.data.Ratings;

class SplitTest {
  private static final Ratings ALL = TestRatings.random(30, 40, 0.5, true, 5);

  @Test
  void partsWithDifferentIdIndicesAreRefused() {
    Ratings other = TestRatings.random(30, 40, 0.5, true, 6);
    assertThatThrownBy(() -> new Split(ALL, other, "mixed"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("share the same user and item id indices");
  }

  @Test
  void validationTakesTheFractionOfTrainingAndKeepsTest() {
    Split split = RandomHoldout.split(ALL, 0.2, 1);
    TrainValidTest parts = split.withValidation(0.25, 2);
    assertThat(parts.valid().size()).isEqualTo(Math.round(0.25 * split.train().size()));
    assertThat(parts.test()).isSameAs(split.test());
    assertThat(parts.description()).isEqualTo("random:0.2 seed=1, validation random:0.25 seed=2");
    assertThat(parts.selection().test()).isSameAs(parts.valid());
  }

  @Test
  void validationCanUseAPerUserSpec() {
    Split split = TemporalHoldout.global(ALL, 0.1);
    TrainValidTest parts = split.withValidation(SplitSpec.parse("temporal-user:k=1"), 0);
    int[] trainCounts = TestRatings.perUserCounts(split.train());
    int[] validCounts = TestRatings.perUserCounts(parts.valid());
    for (int u = 0; u < trainCounts.length; u++) {
      assertThat(validCounts[u]).isEqualTo(trainCounts[u] >= 2 ? 1 : 0);
    }
  }

  @Test
  void validationCannotComeFromAnOfficialFile() {
    Split split = RandomHoldout.split(ALL, 0.2, 1);
    assertThatThrownBy(() -> split.withValidation(SplitSpec.parse("u1"), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot use an official split file");
  }
}
