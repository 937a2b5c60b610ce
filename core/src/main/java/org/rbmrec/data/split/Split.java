package org.rbmrec.data.split;

import java.util.Objects;
import org.rbmrec.data.Ratings;

/**
 * A partition of one rating set into a training part and a test part that share the parent's id
 * indices and scale.
 *
 * @param train the ratings a model is fitted on
 * @param test the held-out ratings it is scored on
 * @param description how the split was made, e.g. {@code "random:0.1 seed=42"}
 */
public record Split(Ratings train, Ratings test, String description) {
  public Split {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(description, "description");
    if (train.userIds() != test.userIds() || train.itemIds() != test.itemIds()) {
      throw new IllegalArgumentException(
          "train and test must share the same user and item id indices");
    }
    if (!train.scale().equals(test.scale())) {
      throw new IllegalArgumentException(
          "train and test must share the rating scale, got " + train.scale().describe()
              + " and " + test.scale().describe());
    }
  }

  /**
   * Carves a validation part out of the training part by a random hold-out of {@code fraction}
   * of the training ratings; the test part is untouched.
   *
   * @param fraction share of the training ratings moved to validation, in (0, 1)
   * @param seed seed of the hold-out
   */
  public TrainValidTest withValidation(double fraction, long seed) {
    return withValidation(new SplitSpec.Random(fraction), seed);
  }

  /**
   * Carves a validation part out of the training part with any non-official {@code spec}
   * (for example a per-user or temporal hold-out); the test part is untouched.
   */
  public TrainValidTest withValidation(SplitSpec spec, long seed) {
    if (spec instanceof SplitSpec.Official) {
      throw new IllegalArgumentException(
          "a validation part cannot use an official split file, got " + spec.describe());
    }
    Split inner = spec.apply(train, null, seed);
    return new TrainValidTest(
        inner.train(), inner.test(), test,
        description + ", validation " + inner.description());
  }
}
