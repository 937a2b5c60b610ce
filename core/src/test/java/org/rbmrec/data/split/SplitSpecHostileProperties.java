package org.rbmrec.data.split;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.rbmrec.data.DataException;
import org.rbmrec.data.Ratings;

/**
 * Hostile split strings ({@code --split}): odd numbers (NaN, infinities, negative, zero, one,
 * huge, overflowing), missing parts and junk. Each either parses into a spec that splits data
 * into two disjoint parts whose union is the data, or is refused with an
 * {@link IllegalArgumentException} quoting the text and listing the accepted forms (or, when
 * applied, a {@link DataException}).
 */
class SplitSpecHostileProperties {
  @Provide
  Arbitrary<String> specs() {
    Arbitrary<String> kind = Arbitraries.of("random", "temporal", "user", "temporal-user", "cv",
        "u1", "ua", "u6", "", "RANDOM", "random ");
    Arbitrary<String> value = Arbitraries.of("0.1", "0.5", "0.0", "1.0", "0.999999999",
        "1e-320", "NaN", "Infinity", "-0.1", ".5", "5.", "0.1.2", "", "k=1", "k=0", "k=-1",
        "k=2147483647", "k=2147483648", "3", "0", "2147483647", "2:1", "0:0", "1:1", "3:0",
        "3:4", "2147483647:2147483647", "5:3", "-3:1", "0.2,min=3", "0.2,min=0",
        "0.2,min=-1", "k=2,min=2", "k=2,min=2147483647", "k=2,max=3", "0.2,", ":");
    return Combinators.combine(kind, value, Arbitraries.of(":", ":", "::", ""))
        .as((k, v, sep) -> k + sep + v);
  }

  @Property(tries = 300)
  void aSplitStringParsesIntoAPartitionOrIsRefusedClearly(@ForAll("specs") String text,
      @ForAll long seed) {
    SplitSpec spec;
    try {
      spec = SplitSpec.parse(text);
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).contains("\"" + text + "\"").contains("accepted forms");
      return;
    }
    Ratings all = TestRatings.random(12, 15, 0.5, true, seed);
    Split split;
    try {
      split = spec.apply(all, null, seed);
    } catch (DataException | IllegalArgumentException e) {
      assertThat(e.getMessage()).isNotBlank();
      return;
    }
    assertThat(split.train().size() + split.test().size()).isEqualTo(all.size());
    assertThat(TestRatings.disjoint(TestRatings.pairs(split.train()),
        TestRatings.pairs(split.test()))).isTrue();
    assertThat(SplitSpec.parse(spec.describe()).describe()).isEqualTo(spec.describe());
  }
}
