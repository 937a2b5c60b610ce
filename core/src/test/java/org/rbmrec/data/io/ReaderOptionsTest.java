package org.rbmrec.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.rbmrec.data.RatingScale;

class ReaderOptionsTest {
  @Test
  void defaultsSniffEverythingAndKeepTheLatestDuplicate() {
    ReaderOptions options = ReaderOptions.defaults();
    assertThat(options.separator()).isNull();
    assertThat(options.header()).isNull();
    assertThat(options.scale()).isNull();
    assertThat(options.duplicates()).isEqualTo(DuplicatePolicy.KEEP_LATEST);
    assertThat(options.charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(new int[] {options.userColumn(), options.itemColumn(), options.ratingColumn(),
        options.timestampColumn()}).containsExactly(0, 1, 2, 3);
  }

  @Test
  void negativeColumnIsRejectedNamingTheParameter() {
    assertThatThrownBy(() -> ReaderOptions.defaults().withColumns(-1, 1, 2, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("userColumn must be in [0, 63], got -1");
    assertThatThrownBy(() -> ReaderOptions.defaults().withColumns(0, 1, 2, -2))
        .hasMessage("timestampColumn must be in [0, 63] or -1 for none, got -2");
  }

  @Test
  void repeatedColumnsAreRejected() {
    assertThatThrownBy(() -> ReaderOptions.defaults().withColumns(0, 0, 2, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("column positions must be distinct, got user=0, item=0");
  }

  @Test
  void nullPolicyOrCharsetIsRejected() {
    assertThatThrownBy(() -> ReaderOptions.defaults().withDuplicates(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("duplicates");
    assertThatThrownBy(() -> ReaderOptions.defaults().withCharset(null))
        .hasMessageContaining("charset");
  }

  @Test
  void fingerprintDiffersWhenAnOptionDiffers() {
    ReaderOptions base = ReaderOptions.defaults();
    assertThat(base.fingerprint()).isEqualTo(ReaderOptions.defaults().fingerprint());
    assertThat(base.withScale(RatingScale.HALF_STARS).fingerprint())
        .isNotEqualTo(base.fingerprint());
    assertThat(base.withSeparator(Separator.TAB).fingerprint()).isNotEqualTo(base.fingerprint());
    assertThat(base.withColumns(1, 0, 2, 3).fingerprint()).isNotEqualTo(base.fingerprint());
  }

  @Test
  void separatorParsesSymbolsAndWords() {
    assertThat(Separator.parse("\t")).isEqualTo(Separator.TAB);
    assertThat(Separator.parse("TAB")).isEqualTo(Separator.TAB);
    assertThat(Separator.parse("::")).isEqualTo(Separator.DOUBLE_COLON);
    assertThat(Separator.parse("comma")).isEqualTo(Separator.COMMA);
    assertThat(Separator.parse(";")).isEqualTo(Separator.SEMICOLON);
    assertThat(Separator.parse("|")).isEqualTo(Separator.PIPE);
    assertThat(Separator.parse("whitespace")).isEqualTo(Separator.WHITESPACE);
    assertThatThrownBy(() -> Separator.parse("#"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got \"#\"");
  }
}
