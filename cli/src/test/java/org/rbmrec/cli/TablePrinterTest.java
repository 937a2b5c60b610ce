package org.rbmrec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TablePrinterTest {
  @Test
  void textAlignsNumbersRightAndTextLeft() {
    String text = new TablePrinter("model", "rmse", "time")
        .row("rbm", "0.9012", "1,234")
        .row("item-mean", "1.02", "5")
        .toText();
    assertThat(text).isEqualTo(
        "model        rmse   time\n"
            + "---------  ------  -----\n"
            + "rbm        0.9012  1,234\n"
            + "item-mean    1.02      5\n");
  }

  @Test
  void markdownMarksNumericColumnsRightAlignedAndEscapesPipes() {
    String md = new TablePrinter("name", "share").row("a|b", "12.5%").toMarkdown();
    assertThat(md).isEqualTo("| name | share |\n|---|---:|\n| a\\|b | 12.5% |\n");
  }

  @Test
  void rowsMustHaveOneCellPerColumn() {
    assertThatThrownBy(() -> new TablePrinter("a", "b").row("only one"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 cells");
  }

  @Test
  void linesHaveNoTrailingSpaces() {
    String text = new TablePrinter("key", "value").row("long key name", "").toText();
    for (String line : text.split("\n")) {
      assertThat(line).doesNotEndWith(" ");
    }
  }
}
