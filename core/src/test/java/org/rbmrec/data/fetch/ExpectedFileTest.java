package org.rbmrec.data.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.rbmrec.data.movielens.MovieLensVariant;

class ExpectedFileTest {
  @Test
  void registryValuesBecomeTheExpectation() {
    ExpectedFile e = ExpectedFile.of(MovieLensVariant.ML_100K);

    assertThat(e.size()).isEqualTo(4_924_029L);
    assertThat(e.sha256())
        .isEqualTo("50d2a982c66986937beb9ffb3aa76efe955bf3d5c6b761f4e3a7cd717c6a3229");
  }

  @Test
  void variantsWithoutKnownChecksumExpectNothing() {
    ExpectedFile e = ExpectedFile.of(MovieLensVariant.ML_32M);

    assertThat(e.knownSize()).isEmpty();
    assertThat(e.knownSha256()).isEmpty();
  }

  @Test
  void checksumIsStoredLowerCase() {
    assertThat(new ExpectedFile(1, "AB".repeat(32)).sha256()).isEqualTo("ab".repeat(32));
  }

  @Test
  void rejectsMalformedChecksum() {
    assertThatThrownBy(() -> new ExpectedFile(1, "xyz"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sha256 must be 64 hex digits, or null for unknown, got \"xyz\"");
  }

  @Test
  void rejectsNegativeSize() {
    assertThatThrownBy(() -> new ExpectedFile(-2, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("size must be >= 0, or -1 for unknown, got -2");
  }
}
