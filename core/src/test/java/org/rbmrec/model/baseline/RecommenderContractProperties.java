package org.rbmrec.model.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.rbmrec.data.IdIndex;
import org.rbmrec.data.RatingScale;
import org.rbmrec.data.Ratings;
import org.rbmrec.data.SparseRows;
import org.rbmrec.model.Recommender;
import org.rbmrec.model.TopItems;
import org.rbmrec.train.EpochListener;

/** Every baseline, on small random data, keeps the {@link Recommender} contract. */
class RecommenderContractProperties {
  @Property(tries = 60)
  void topKIsSortedAtMostKAndExcludesSeenItems(
      @ForAll("smallRatings") Ratings train, @ForAll @IntRange(min = 0, max = 12) int k) {
    SparseRows seen = train.byUser();
    for (Recommender model : fitAll(train)) {
      for (int u = 0; u < model.numUsers(); u++) {
        TopItems top = model.recommend(u, k, true);
        int unseen = model.numItems() - seen.rowLength(u);
        assertThat(top.size()).isEqualTo(Math.min(k, unseen));
        Set<Integer> distinct = new HashSet<>();
        for (int j = 0; j < top.size(); j++) {
          int item = top.items()[j];
          assertThat(seen.find(u, item)).as("%s recommended seen item %d", model.name(), item)
              .isEqualTo(-1);
          assertThat(distinct.add(item)).isTrue();
          if (j > 0) {
            assertThat(top.scores()[j]).isLessThanOrEqualTo(top.scores()[j - 1]);
          }
          assertThat(top.scores()[j]).isCloseTo(model.predict(u, item), within(1e-12));
        }
      }
    }
  }

  @Property(tries = 60)
  void predictionsStayOnTheScale(@ForAll("smallRatings") Ratings train) {
    for (Recommender model : fitAll(train)) {
      for (int u = 0; u < model.numUsers(); u++) {
        for (int i = 0; i < model.numItems(); i++) {
          assertThat(model.predict(u, i)).isBetween(1.0, 5.0);
        }
      }
    }
  }

  private static List<Recommender> fitAll(Ratings train) {
    return List.of(
        GlobalMean.fit(train),
        BiasBaseline.fit(train, BiasConfig.defaults(), EpochListener.NONE),
        BiasedMf.fit(train, new BiasedMfConfig(3, 5, 0.05, 1, 0.01, 0.01, 0.3, 1),
            EpochListener.NONE),
        SvdPlusPlus.fit(train, new SvdPlusPlusConfig(3, 5, 0.05, 1, 0.01, 0.01, 0.01, 0.3, 1),
            EpochListener.NONE));
  }

  /** 1–8 users, 1–12 items, each pair rated with probability ~0.4 (at least one rating). */
  @Provide
  Arbitrary<Ratings> smallRatings() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 8),
            Arbitraries.integers().between(1, 12),
            Arbitraries.longs())
        .as(RecommenderContractProperties::randomRatings);
  }

  private static Ratings randomRatings(int numUsers, int numItems, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] users = new int[numUsers * numItems];
    int[] items = new int[users.length];
    byte[] levels = new byte[users.length];
    int n = 0;
    for (int u = 0; u < numUsers; u++) {
      for (int i = 0; i < numItems; i++) {
        if (random.nextDouble() < 0.4 || (n == 0 && u == numUsers - 1 && i == numItems - 1)) {
          users[n] = u;
          items[n] = i;
          levels[n] = (byte) random.nextInt(5);
          n++;
        }
      }
    }
    IdIndex[] ids = TinyRatings.indices(numUsers, numItems);
    return Ratings.of(
        Arrays.copyOf(users, n), Arrays.copyOf(items, n),
        Arrays.copyOf(levels, n), null, ids[0], ids[1], RatingScale.STARS_1_TO_5);
  }
}
