package org.rbmrec.data.split;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.rbmrec.data.Ratings;

class SplitPartitionProperties {
  @Provide
  Arbitrary<Ratings> ratings() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 25),
            Arbitraries.integers().between(1, 30),
            Arbitraries.doubles().between(0.05, 0.9),
            Arbitraries.longs())
        .as((users, items, density, seed) -> TestRatings.random(users, items, density, true,
            seed));
  }

  @Provide
  Arbitrary<SplitSpec> specs() {
    return Arbitraries.of(
        "random:0.1", "random:0.5", "user:0.2", "user:k=1", "user:3", "user:0.3,min=5",
        "temporal:0.1", "temporal:0.7", "temporal-user:0.25", "temporal-user:k=2",
        "cv:2:1", "cv:5:3", "cv:5:5", "cv:10:7").map(SplitSpec::parse);
  }

  @Property(tries = 300)
  void partsAreDisjointAndTheirUnionIsTheWholeSet(
      @ForAll("ratings") Ratings all, @ForAll("specs") SplitSpec spec, @ForAll long seed) {
    Split split = spec.apply(all, null, seed);
    assertThat(split.train().size() + split.test().size()).isEqualTo(all.size());
    assertThat(TestRatings.contents(split.train(), split.test()))
        .containsExactly(TestRatings.contents(all));
    assertThat(TestRatings.disjoint(TestRatings.pairs(split.train()),
        TestRatings.pairs(split.test()))).isTrue();
  }

  @Property(tries = 100)
  void everyPartSharesTheParentsIdIndices(
      @ForAll("ratings") Ratings all, @ForAll("specs") SplitSpec spec, @ForAll long seed) {
    Split split = spec.apply(all, null, seed);
    assertThat(split.train().userIds()).isSameAs(all.userIds());
    assertThat(split.test().itemIds()).isSameAs(all.itemIds());
  }

  @Property(tries = 100)
  void theFoldsOfOneShufflePartitionTheData(
      @ForAll("ratings") Ratings all, @ForAll @IntRange(min = 2, max = 8) int k,
      @ForAll long seed) {
    Ratings[] tests = CrossValidation.folds(all, k, seed).stream().map(Split::test)
        .toArray(Ratings[]::new);
    assertThat(TestRatings.contents(tests)).containsExactly(TestRatings.contents(all));
  }

  @Property(tries = 100)
  void validationIsCarvedFromTrainingAndLeavesTestAlone(
      @ForAll("ratings") Ratings all, @ForAll("specs") SplitSpec spec, @ForAll long seed) {
    Split split = spec.apply(all, null, seed);
    TrainValidTest parts = split.withValidation(0.2, seed + 1);
    assertThat(parts.test()).isSameAs(split.test());
    assertThat(TestRatings.contents(parts.train(), parts.valid()))
        .containsExactly(TestRatings.contents(split.train()));
  }

  @Property(tries = 200)
  void canonicalStringsParseBackToEqualSpecs(@ForAll("specs") SplitSpec spec) {
    assertThat(SplitSpec.parse(spec.describe())).isEqualTo(spec);
  }
}
