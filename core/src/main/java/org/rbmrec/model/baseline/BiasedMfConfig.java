package org.rbmrec.model.baseline;

/**
 * Configuration of {@link BiasedMf}.
 *
 * @param factors F, the number of latent factors, in [1, 4096]
 * @param epochs passes over the training ratings, in [1, 100000]
 * @param learningRate γ, the SGD step size, in (0, 1]
 * @param learningRateDecay the factor γ is multiplied by after each epoch, in (0, 1]
 * @param regularization λ, the L2 penalty on the factor vectors p_u and q_i, in [0, 10]
 * @param biasRegularization λ_b, the L2 penalty on the biases b_u and b_i, in [0, 10]
 * @param initStd the standard deviation of the normal initialisation of p and q, in [0, 10]
 * @param seed the seed of every random choice (initialisation and SGD order)
 */
public record BiasedMfConfig(
    int factors,
    int epochs,
    double learningRate,
    double learningRateDecay,
    double regularization,
    double biasRegularization,
    double initStd,
    long seed) {
  public BiasedMfConfig {
    Checks.intRange("factors", factors, 1, 4096);
    Checks.intRange("epochs", epochs, 1, 100_000);
    Checks.openClosed("learningRate", learningRate, 0, 1);
    Checks.openClosed("learningRateDecay", learningRateDecay, 0, 1);
    Checks.closed("regularization", regularization, 0, 10);
    Checks.closed("biasRegularization", biasRegularization, 0, 10);
    Checks.closed("initStd", initStd, 0, 10);
  }

  /**
   * F = 50, 40 epochs, γ = 0.01 without decay, λ = 0.1, λ_b = 0.02, initStd = 0.1, seed 42:
   * tuned on a validation hold-out of ml-100k u1.base (see {@link BiasedMf}).
   */
  public static BiasedMfConfig defaults() {
    return new BiasedMfConfig(50, 40, 0.01, 1.0, 0.1, 0.02, 0.1, 42L);
  }

  /** This configuration with {@code epochs} epochs. */
  public BiasedMfConfig withEpochs(int epochs) {
    return new BiasedMfConfig(
        factors, epochs, learningRate, learningRateDecay, regularization, biasRegularization,
        initStd, seed);
  }

  /** This configuration with seed {@code seed}. */
  public BiasedMfConfig withSeed(long seed) {
    return new BiasedMfConfig(
        factors, epochs, learningRate, learningRateDecay, regularization, biasRegularization,
        initStd, seed);
  }
}
