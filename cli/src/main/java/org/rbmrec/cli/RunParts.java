package org.rbmrec.cli;

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
 */
record RunParts(Ratings train, Ratings valid, Ratings test) {
  /**
   * @param spec how the data is split
   * @param seed seed of the split and of the validation carve
   * @param validFraction fraction of the training part held out for validation, in [0, 1)
   */
  static RunParts of(Dataset dataset, SplitSpec spec, long seed, double validFraction) {
    Split split = spec.apply(dataset.ratings(), dataset.location(), seed);
    if (validFraction <= 0) {
      return new RunParts(split.train(), null, split.test());
    }
    TrainValidTest tvt = split.withValidation(validFraction, seed);
    return new RunParts(tvt.train(), tvt.valid(), split.test());
  }
}
