package org.rbmrec.model.rbm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A row block rebuilt from its arrays holds the same rows, and bad arrays are refused. */
class CdRowBlockTest {
  private static final double[] STARS = {1, 2, 3, 4, 5};

  @Test
  void aBlockRebuiltFromItsArraysHoldsTheSameRows() {
    CdRowBlock block = CdRowBlock.of(4, new int[] {2, 7}, new int[] {0, 2, 3},
        new int[] {0, 3, 1}, new byte[] {4, 0, 2}, new int[] {0, 3, 4}, new int[] {0, 2, 3, 1},
        STARS);

    CdRowBlock copy = CdRowBlock.of(block.numColumns(), block.rowIds(), block.rowPointers(),
        block.columns(), block.levels(), block.indicatorPointers(), block.indicatorColumns(),
        block.levelValues());

    assertThat(copy.numRows()).isEqualTo(2);
    assertThat(copy.columns()).containsExactly(0, 3, 1);
    assertThat(copy.levels()).containsExactly(4, 0, 2);
    assertThat(copy.indicatorColumns()).containsExactly(0, 2, 3, 1);
    assertThat(copy.localRow(7)).isEqualTo(1);
    assertThat(copy.localRow(3)).isNegative();
  }

  @Test
  void rowIdsOutOfOrderAreRefused() {
    assertThatThrownBy(() -> CdRowBlock.of(4, new int[] {7, 2}, new int[] {0, 1, 2},
        new int[] {0, 1}, new byte[] {0, 0}, null, null, STARS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rowIds must be strictly increasing, got 7 then 2");
  }

  @Test
  void pointersThatDoNotCoverTheEntriesAreRefused() {
    assertThatThrownBy(() -> CdRowBlock.of(4, new int[] {1}, new int[] {0, 1},
        new int[] {0, 1}, new byte[] {0, 0}, null, null, STARS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rowPointers must have length 2, start at 0 and end at 2");
  }

  @Test
  void parameterArraysOfTheWrongShapeAreRefused() {
    assertThatThrownBy(() -> ParameterSnapshot.of(3, 5, 2, new float[29], new float[15],
        new float[2], null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("do not match V=3, K=5, F=2: w 29");
  }
}
