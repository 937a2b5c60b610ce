package org.rbmrec.model.rbm;

/**
 * How the visible softmax units are treated in the negative (reconstruction) phase of
 * contrastive divergence.
 */
public enum NegativePhase {
  /**
   * Each rated entry is reconstructed by one categorical draw from its softmax; the statistics
   * use the sampled one-hot vector. This is the unbiased Gibbs step.
   */
  SAMPLED,
  /**
   * Each rated entry is reconstructed by its softmax probabilities, used directly in the
   * statistics and as the (mean-field) visible input to the next hidden update. Lower variance,
   * slightly biased. Persistent chains still store a sampled level.
   */
  PROBABILITIES
}
