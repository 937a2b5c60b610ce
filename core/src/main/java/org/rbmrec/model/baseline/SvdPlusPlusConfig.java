package org.rbmrec.model.baseline;

/**
 * Configuration of {@link SvdPlusPlus}.
 *
 * @param factors F, the number of latent factors, in [1, 4096]
 * @param epochs passes over the training users, in [1, 100000]
 * @param learningRate γ, the SGD step size, in (0, 1]
 * @param learningRateDecay the factor γ is multiplied by after each epoch, in (0, 1]
 * @param regularization λ, the L2 penalty on p_u and q_i, in [0, 10]
 * @param implicitRegularization λ_y, the L2 penalty on the implicit factors y_j, in [0, 10]
 * @param biasRegularization λ_b, the L2 penalty on the biases b_u and b_i, in [0, 10]
 * @param initStd the standard deviation of the normal initialisation of p, q and y, in [0, 10]
 * @param seed the seed of every random choice (initialisation and SGD order)
 */
public record SvdPlusPlusConfig(
    int factors,
    int epochs,
    double learningRate,
    double learningRateDecay,
    double regularization,
    double implicitRegularization,
    double biasRegularization,
    double initStd,
    long seed) {
  public SvdPlusPlusConfig {
    Checks.intRange("factors", factors, 1, 4096);
    Checks.intRange("epochs", epochs, 1, 100_000);
    Checks.openClosed("learningRate", learningRate, 0, 1);
    Checks.openClosed("learningRateDecay", learningRateDecay, 0, 1);
    Checks.closed("regularization", regularization, 0, 10);
    Checks.closed("implicitRegularization", implicitRegularization, 0, 10);
    Checks.closed("biasRegularization", biasRegularization, 0, 10);
    Checks.closed("initStd", initStd, 0, 10);
  }

  /**
   * F = 20, 30 epochs, γ = 0.01 decaying by 0.95 per epoch, λ = 0.1, λ_y = 0.3, λ_b = 0.02,
   * initStd = 0.1, seed 42: tuned on a validation hold-out of ml-100k u1.base (see
   * {@link SvdPlusPlus}).
   */
  public static SvdPlusPlusConfig defaults() {
    return new SvdPlusPlusConfig(20, 30, 0.01, 0.95, 0.1, 0.3, 0.02, 0.1, 42L);
  }

  /** This configuration with {@code epochs} epochs. */
  public SvdPlusPlusConfig withEpochs(int epochs) {
    return new SvdPlusPlusConfig(
        factors, epochs, learningRate, learningRateDecay, regularization,
        implicitRegularization, biasRegularization, initStd, seed);
  }

  /** This configuration with seed {@code seed}. */
  public SvdPlusPlusConfig withSeed(long seed) {
    return new SvdPlusPlusConfig(
        factors, epochs, learningRate, learningRateDecay, regularization,
        implicitRegularization, biasRegularization, initStd, seed);
  }
}
