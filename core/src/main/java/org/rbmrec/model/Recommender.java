package org.rbmrec.model;

import org.rbmrec.data.RatingScale;

/**
 * A trained, immutable rating model over the dense user and item indices of the data it was
 * trained on (see {@link org.rbmrec.data.IdIndex}). Implementations are thread-safe for reading.
 *
 * <p>Mapping raw ids to indices, and the policy for ids never seen in training, belong to the
 * caller; a user index that is known but has no training ratings is served by the model's
 * fallback (the bias baseline), which {@link #isFallback(int, int)} reports.
 */
public interface Recommender {
  /** A short model name, such as "rbm" or "bias". */
  String name();

  /** The rating scale of predictions. */
  RatingScale scale();

  /** The number of users the model knows. */
  int numUsers();

  /** The number of items the model knows. */
  int numItems();

  /**
   * The predicted rating value of {@code item} by {@code user}, within [scale.min, scale.max].
   * Never NaN: a pair the model cannot score is served by its fallback.
   */
  double predict(int user, int item);

  /** Whether {@link #predict(int, int)} for this pair comes from the fallback. */
  boolean isFallback(int user, int item);

  /**
   * Predicts many pairs. Implementations may override this to batch or parallelise the work.
   *
   * @param users (n) user indices
   * @param items (n) item indices
   * @return the predictions, aligned with the inputs
   */
  default Predictions predict(int[] users, int[] items) {
    if (users.length != items.length) {
      throw new IllegalArgumentException(
          "users and items must have equal length, got " + users.length + " and "
              + items.length);
    }
    double[] values = new double[users.length];
    boolean[] fallback = new boolean[users.length];
    for (int i = 0; i < users.length; i++) {
      values[i] = predict(users[i], items[i]);
      fallback[i] = isFallback(users[i], items[i]);
    }
    return new Predictions(values, fallback);
  }

  /**
   * The {@code k} best items for {@code user}, best first, scored by predicted rating.
   *
   * @param excludeSeen whether to leave out the items the user rated in training
   * @return at most {@code k} items, sorted by descending score
   */
  TopItems recommend(int user, int k, boolean excludeSeen);
}
