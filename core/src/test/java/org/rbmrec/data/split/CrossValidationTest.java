package org.rbmrec.data.split;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rbmrec.data.Ml100kFixture;
import org.rbmrec.data.Ratings;

class CrossValidationTest {
  private static final Ratings ALL = Ml100kFixture.all();

  @Test
  void fiveFoldsHaveEqualTestSizesAndPartitionTheData() {
    List<Split> folds = CrossValidation.folds(ALL, 5, 3);
    assertThat(folds).extracting(s -> s.test().size()).containsOnly(20_000);
    assertThat(TestRatings.contents(folds.stream().map(Split::test).toArray(Ratings[]::new)))
        .containsExactly(TestRatings.contents(ALL));
  }

  @Test
  void oneFoldEqualsTheSameFoldOfTheFullList() {
    Split single = SplitSpec.parse("cv:5:4").apply(ALL, null, 3);
    Split fromList = CrossValidation.folds(ALL, 5, 3).get(3);
    assertThat(TestRatings.contents(single.test()))
        .containsExactly(TestRatings.contents(fromList.test()));
    assertThat(single.description()).isEqualTo("cv:5:4 seed=3");
  }

  @Test
  void differentSeedsShuffleDifferently() {
    assertThat(TestRatings.contents(CrossValidation.fold(ALL, 5, 1, 1).test()))
        .isNotEqualTo(TestRatings.contents(CrossValidation.fold(ALL, 5, 1, 2).test()));
  }
}
