package org.rbmrec.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Ml100kFixtureTest {
  @Test
  void fullDataHasTheOfficialShape() {
    Ratings all = Ml100kFixture.all();
    assertThat(all.size()).isEqualTo(100_000);
    assertThat(all.numUsers()).isEqualTo(943);
    assertThat(all.numItems()).isEqualTo(1682);
    assertThat(all.levelHistogram()).containsExactly(6110, 11370, 27145, 34174, 21201);
  }

  @Test
  void u1SplitSharesIdsAndPartitionsTheData() {
    Ratings[] u1 = Ml100kFixture.split("u1");
    assertThat(u1[0].size()).isEqualTo(80_000);
    assertThat(u1[1].size()).isEqualTo(20_000);
    assertThat(u1[0].userIds()).isSameAs(u1[1].userIds());
    SparseRows train = u1[0].byUser();
    for (int j = 0; j < u1[1].size(); j++) {
      assertThat(train.find(u1[1].user(j), u1[1].item(j))).isEqualTo(-1);
    }
  }

  @Test
  void userMajorViewRowsAreSortedByItem() {
    SparseRows rows = Ml100kFixture.all().byUser();
    assertThat(rows.nnz()).isEqualTo(100_000);
    for (int r = 0; r < rows.numRows(); r++) {
      for (int p = rows.rowStart(r) + 1; p < rows.rowEnd(r); p++) {
        assertThat(rows.column(p)).isGreaterThan(rows.column(p - 1));
      }
    }
  }
}
