package org.rbmrec.cli;

import org.rbmrec.data.DataException;
import org.rbmrec.data.Ratings;
import org.rbmrec.data.source.Dataset;
import org.rbmrec.data.split.Split;
import org.rbmrec.data.split.SplitSpec;
import org.rbmrec.data.split.TrainValidTest;

/**
 * The parts a training run uses: the split of its data, then a validation part carved from the
 * training part. {@code train} makes them and {@code evaluate}/{@code recommend} rebuild them
 * through this one method, so both always see the same parts.
 *
 * @param train what the model is trained on
 * @param valid the validation part, or null when the fraction is 0
 * @param test the test part, never seen in training
 *
 * <p>A split that leaves the training or the test part empty is a user error, raised here,
 * before anything is trained or written.
 */
record RunParts(Ratings train, Ratings valid, Ratings test) {
  /**
   * @param spec how the data is split
   * @param seed seed of the split and of the validation carve
   * @param validFraction fraction of the training part held out for validation, in [0, 1)
   */
  static RunParts of(Dataset dataset, SplitSpec spec, long seed, double validFraction) {
    Split split = spec.apply(dataset.ratings(), dataset.location(), seed);
    requireRatings(split.test(), "test", spec, dataset);
    requireRatings(split.train(), "training", spec, dataset);
    if (validFraction <= 0) {
      return new RunParts(split.train(), null, split.test());
    }
    TrainValidTest tvt = split.withValidation(validFraction, seed);
    if (tvt.train().size() == 0) {
      throw new DataException("the validation fraction " + validFraction + " leaves no training"
          + " ratings of the " + split.train().size() + " in the training part; lower --valid");
    }
    return new RunParts(tvt.train(), tvt.valid(), split.test());
  }

  /** Fails before any training when the split leaves a part empty (tiny or skewed data). */
  private static void requireRatings(Ratings part, String name, SplitSpec spec, Dataset data) {
    if (part.size() == 0) {
      int n = data.ratings().size();
      throw new DataException("the split " + spec.describe() + " of " + data.name() + " ("
          + n + (n == 1 ? " rating" : " ratings") + ") leaves the " + name
          + " part empty; choose another split or use more data");
    }
  }
}
