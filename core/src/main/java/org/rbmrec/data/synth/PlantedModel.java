package org.rbmrec.data.synth;

import java.util.SplittableRandom;
import org.rbmrec.data.RatingScale;

/**
 * The noiseless preference model behind synthetic ratings:
 * {@code value(u, i) = μ + b_u + b_i + p_u·q_i}, with, for a scale of width w = max − min
 * (in units of the 4.5-wide half-star scale, c = w / 4.5):
 * <ul>
 *   <li>{@code μ = min + 0.67·w} (3.5 on half stars, like ml-20m's mean of 3.53);
 *   <li>{@code b_u ~ N(0, (0.35c)²)}, {@code b_i ~ N(0, (0.45c)²)};
 *   <li>{@code p_u, q_i} of length F with entries {@code ~ N(0, 0.6c / √F)}, so that
 *       {@code p_u·q_i} has standard deviation {@code 0.6c}.
 * </ul>
 * Factors are stored row-major: {@code userFactors[u*F + f]}, {@code itemFactors[i*F + f]}.
 */
final class PlantedModel {
  static final double MEAN_POSITION = 0.67;
  static final double USER_BIAS_SD = 0.35;
  static final double ITEM_BIAS_SD = 0.45;
  static final double INTERACTION_SD = 0.6;
  static final double HALF_STAR_WIDTH = 4.5;

  private final int rank;
  private final double mean;
  private final double min;
  private final double max;
  private final float[] userBias;
  private final float[] itemBias;
  private final float[] userFactors;
  private final float[] itemFactors;

  PlantedModel(SyntheticConfig config) {
    RatingScale scale = config.scale();
    double c = (scale.max() - scale.min()) / HALF_STAR_WIDTH;
    this.rank = config.rank();
    this.min = scale.min();
    this.max = scale.max();
    this.mean = scale.min() + MEAN_POSITION * (scale.max() - scale.min());
    double factorSd = Math.sqrt(INTERACTION_SD * c / Math.sqrt(rank));
    this.userBias = new float[config.users()];
    this.userFactors = new float[config.users() * rank];
    for (int u = 0; u < config.users(); u++) {
      SplittableRandom random = Streams.of(config.seed(), Streams.USER_FACTORS, u);
      userBias[u] = (float) (USER_BIAS_SD * c * random.nextGaussian());
      for (int f = 0; f < rank; f++) {
        userFactors[u * rank + f] = (float) (factorSd * random.nextGaussian());
      }
    }
    this.itemBias = new float[config.items()];
    this.itemFactors = new float[config.items() * rank];
    for (int i = 0; i < config.items(); i++) {
      SplittableRandom random = Streams.of(config.seed(), Streams.ITEM_FACTORS, i);
      itemBias[i] = (float) (ITEM_BIAS_SD * c * random.nextGaussian());
      for (int f = 0; f < rank; f++) {
        itemFactors[i * rank + f] = (float) (factorSd * random.nextGaussian());
      }
    }
  }

  /** The noiseless, unclipped value {@code μ + b_u + b_i + p_u·q_i}. */
  double raw(int user, int item) {
    double dot = 0;
    int pu = user * rank;
    int qi = item * rank;
    for (int f = 0; f < rank; f++) {
      dot += userFactors[pu + f] * itemFactors[qi + f];
    }
    return mean + userBias[user] + itemBias[item] + dot;
  }

  /** {@link #raw} clipped to [min, max] of the scale. */
  double clipped(int user, int item) {
    return Math.max(min, Math.min(max, raw(user, item)));
  }
}
