package org.rbmrec.model.rbm;

/**
 * One stage of the contrastive-divergence schedule: from epoch {@code startEpoch} (1-based) on,
 * run {@code k} Gibbs steps in the negative phase, until the next stage starts.
 *
 * @param startEpoch first epoch of the stage, ≥ 1
 * @param k number of Gibbs steps, in [1, 1000]
 */
public record CdStage(int startEpoch, int k) {
  public CdStage {
    if (startEpoch < 1) {
      throw new IllegalArgumentException("CD stage startEpoch must be ≥ 1, got " + startEpoch);
    }
    if (k < 1 || k > 1000) {
      throw new IllegalArgumentException("CD stage k must be in [1, 1000], got " + k);
    }
  }

  /** Parses {@code "start:k"}, e.g. {@code "20:3"}. */
  public static CdStage parse(String text) {
    String[] parts = text.trim().split(":");
    if (parts.length != 2) {
      throw new IllegalArgumentException(
          "CD stage must look like start:k (e.g. 20:3), got '" + text + "'");
    }
    try {
      return new CdStage(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "CD stage must look like start:k (e.g. 20:3), got '" + text + "'", e);
    }
  }

  @Override
  public String toString() {
    return startEpoch + ":" + k;
  }
}
