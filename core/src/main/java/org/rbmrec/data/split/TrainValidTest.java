package org.rbmrec.data.split;

import java.util.Objects;
import org.rbmrec.data.Ratings;

/**
 * A three-way partition: models are fitted on {@code train}, hyperparameters chosen on
 * {@code valid} (carved from the original training part) and the final score taken on
 * {@code test}. All three share the parent's id indices.
 *
 * @param train ratings for fitting
 * @param valid ratings for choosing hyperparameters and early stopping
 * @param test ratings for the final, untouched score
 * @param description how the parts were made
 */
public record TrainValidTest(Ratings train, Ratings valid, Ratings test, String description) {
  public TrainValidTest {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(valid, "valid");
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(description, "description");
    if (train.userIds() != valid.userIds() || train.userIds() != test.userIds()
        || train.itemIds() != valid.itemIds() || train.itemIds() != test.itemIds()) {
      throw new IllegalArgumentException(
          "train, valid and test must share the same user and item id indices");
    }
  }

  /** The training and validation parts as a {@link Split}, for model selection. */
  public Split selection() {
    return new Split(train, valid, description + " (train vs valid)");
  }
}
