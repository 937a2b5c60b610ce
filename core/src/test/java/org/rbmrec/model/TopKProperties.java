package org.rbmrec.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.rbmrec.data.SparseRows;

class TopKProperties {
  @Property
  void heapSelectionEqualsSortingEveryUnseenItem(
      @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 9) Integer> scores,
      @ForAll Set<@IntRange(min = 0, max = 59) Integer> seenItems,
      @ForAll @IntRange(min = 0, max = 70) int k) {
    int n = scores.size();
    TreeSet<Integer> seen = new TreeSet<>();
    for (int item : seenItems) {
      if (item < n) {
        seen.add(item);
      }
    }
    int[] columns = seen.stream().mapToInt(Integer::intValue).toArray();
    SparseRows rows =
        SparseRows.fromTriplets(1, n, new int[columns.length], columns, new byte[columns.length]);

    TopItems top = TopK.select(n, k, i -> scores.get(i), rows, 0, s -> s);

    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (!seen.contains(i)) {
        expected.add(i);
      }
    }
    expected.sort(Comparator.<Integer>comparingInt(scores::get).reversed()
        .thenComparingInt(Integer::intValue));
    List<Integer> actual = new ArrayList<>();
    for (int item : top.items()) {
      actual.add(item);
    }
    assertThat(actual).isEqualTo(expected.subList(0, Math.min(k, expected.size())));
    for (int j = 1; j < top.size(); j++) {
      assertThat(top.scores()[j]).isLessThanOrEqualTo(top.scores()[j - 1]);
    }
  }
}
