package org.rbmrec.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.rbmrec.data.RatingScale;
import org.rbmrec.data.Ratings;
import org.rbmrec.data.synth.SyntheticConfig;
import org.rbmrec.data.synth.SyntheticRatings;
import org.rbmrec.model.Predictions;
import org.rbmrec.model.Recommender;
import org.rbmrec.model.TopItems;
import org.rbmrec.model.baseline.BiasBaseline;
import org.rbmrec.model.baseline.BiasConfig;
import org.rbmrec.model.rbm.RbmConfig;
import org.rbmrec.model.rbm.RbmModel;
import org.rbmrec.model.rbm.RbmTrainer;
import org.rbmrec.progress.Progress;
import org.rbmrec.train.EpochListener;

/**
 * Test helper: tiny synthetic data (40 users, 25 items, 1..5 stars) split into training and
 * "implicit" ratings, with user 0's and item 3's training ratings removed so that fallbacks
 * occur, and tiny trained models.
 */
final class TinyModels {
  private static final Ratings[] SPLIT = split();

  private TinyModels() {}

  private static Ratings[] split() {
    SyntheticConfig config = new SyntheticConfig(40, 25, 400, 5, RatingScale.STARS_1_TO_5, 2,
        0.5, 0.5, 0.1, 0.5, 11L);
    Ratings all = SyntheticRatings.generate(config, Progress.NONE, 1).ratings();
    boolean[] train = new boolean[all.size()];
    boolean[] implicit = new boolean[all.size()];
    for (int x = 0; x < all.size(); x++) {
      boolean removed = all.user(x) == 0 || all.item(x) == 3;
      train[x] = !removed && x % 5 != 0;
      implicit[x] = !removed && x % 5 == 0;
    }
    return new Ratings[] {all.select(train), all.select(implicit)};
  }

  /** Training ratings. */
  static Ratings training() {
    return SPLIT[0];
  }

  /** Ratings whose existence, not value, the conditional RBM may use. */
  static Ratings implicit() {
    return SPLIT[1];
  }

  static BiasBaseline bias() {
    return BiasBaseline.fit(training(), BiasConfig.defaults(), EpochListener.NONE);
  }

  static RbmModel rbm(RbmConfig config) {
    return new RbmTrainer(config).train(training(), config.conditional() ? implicit() : null,
        null, bias(), EpochListener.NONE, Progress.NONE);
  }

  /** Asserts equal predictions, fallback flags and top-k lists for every user and item. */
  static void assertSameBehaviour(Recommender loaded, Recommender model) {
    assertThat(loaded.getClass()).isEqualTo(model.getClass());
    assertThat(loaded.name()).isEqualTo(model.name());
    assertThat(loaded.scale()).isEqualTo(model.scale());
    assertThat(loaded.numUsers()).isEqualTo(model.numUsers());
    assertThat(loaded.numItems()).isEqualTo(model.numItems());
    int n = model.numUsers() * model.numItems();
    int[] users = new int[n];
    int[] items = new int[n];
    for (int u = 0, x = 0; u < model.numUsers(); u++) {
      for (int i = 0; i < model.numItems(); i++, x++) {
        users[x] = u;
        items[x] = i;
        assertThat(loaded.predict(u, i)).isEqualTo(model.predict(u, i));
        assertThat(loaded.isFallback(u, i)).isEqualTo(model.isFallback(u, i));
      }
    }
    Predictions a = model.predict(users, items);
    Predictions b = loaded.predict(users, items);
    assertThat(b.values()).containsExactly(a.values());
    assertThat(b.fallback()).containsExactly(a.fallback());
    for (int u = 0; u < model.numUsers(); u++) {
      for (boolean excludeSeen : new boolean[] {true, false}) {
        TopItems expected = model.recommend(u, 7, excludeSeen);
        TopItems actual = loaded.recommend(u, 7, excludeSeen);
        assertThat(actual.items()).containsExactly(expected.items());
        assertThat(actual.scores()).containsExactly(expected.scores());
      }
    }
  }
}
