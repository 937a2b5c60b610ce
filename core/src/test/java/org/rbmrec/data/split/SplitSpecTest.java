package org.rbmrec.data.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SplitSpecTest {
  @Test
  void parsesEveryAcceptedForm() {
    assertThat(SplitSpec.parse("u3")).isEqualTo(new SplitSpec.Official("u3"));
    assertThat(SplitSpec.parse("ub")).isEqualTo(new SplitSpec.Official("ub"));
    assertThat(SplitSpec.parse("random:0.1")).isEqualTo(new SplitSpec.Random(0.1));
    assertThat(SplitSpec.parse("user:0.2")).isEqualTo(new SplitSpec.UserFraction(0.2, 2));
    assertThat(SplitSpec.parse("user:k=10")).isEqualTo(new SplitSpec.UserCount(10, 11));
    assertThat(SplitSpec.parse("temporal:0.1")).isEqualTo(new SplitSpec.Temporal(0.1));
    assertThat(SplitSpec.parse("temporal-user:0.1"))
        .isEqualTo(new SplitSpec.TemporalUserFraction(0.1, 2));
    assertThat(SplitSpec.parse("temporal-user:k=5"))
        .isEqualTo(new SplitSpec.TemporalUserCount(5, 6));
    assertThat(SplitSpec.parse("cv:5:1")).isEqualTo(new SplitSpec.Fold(5, 1));
  }

  @Test
  void aWholeNumberWithoutDecimalPointIsAPerUserCount() {
    assertThat(SplitSpec.parse("user:10")).isEqualTo(new SplitSpec.UserCount(10, 11));
    assertThat(SplitSpec.parse("temporal-user:3"))
        .isEqualTo(new SplitSpec.TemporalUserCount(3, 4));
  }

  @Test
  void theMinSuffixSetsTheEligibilityThreshold() {
    assertThat(SplitSpec.parse("user:k=10,min=20")).isEqualTo(new SplitSpec.UserCount(10, 20));
    assertThat(SplitSpec.parse("user:0.2,min=20").describe()).isEqualTo("user:0.2,min=20");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "u6", "random", "random:10", "random:1.5", "random:0.0", "user:",
      "user:1.0", "user:k=0", "user:k=x", "user:k=5,min=3", "user:0.2,max=3", "cv:5",
      "cv:5:6", "cv:1:1", "cv:a:1", "temporal:abc", "holdout:0.1"})
  void badSpecsNameTheValueAndListTheAcceptedForms(String text) {
    assertThatThrownBy(() -> SplitSpec.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + text + "\"")
        .hasMessageContaining("random:F")
        .hasMessageContaining("cv:K:FOLD");
  }

  @Test
  void theOfficialSplitWithoutAFolderIsRefused() {
    assertThatThrownBy(() -> SplitSpec.parse("u1").apply(TestRatings.random(3, 3, 1, true, 1),
        null, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs the ml-100k folder");
  }

  @Test
  void seededSpecsSayTheyAre() {
    assertThat(SplitSpec.parse("random:0.1").seeded()).isTrue();
    assertThat(SplitSpec.parse("temporal:0.1").seeded()).isFalse();
    assertThat(SplitSpec.parse("u1").seeded()).isFalse();
  }
}
