package org.rbmrec.bench.librec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A summary of a recommender's raw predictions on the test pairs, made to expose degenerate output
 * that LibRec itself hides (it clamps every prediction to the rating range and replaces NaN with
 * the global mean before evaluating).
 *
 * @param count predictions summarised
 * @param nan predictions that were NaN
 * @param infinite predictions that were ±∞
 * @param min smallest finite prediction (NaN if none)
 * @param max largest finite prediction (NaN if none)
 * @param mean mean of the finite predictions (NaN if none)
 * @param belowScale finite predictions below the lowest rating
 * @param aboveScale finite predictions above the highest rating
 * @param distinct distinct values among all predictions (all NaNs count as one)
 * @param testMean mean of the true test ratings, for comparison with {@code mean}
 * @param lowestRating lowest rating of the scale, in stars
 * @param highestRating highest rating of the scale, in stars
 */
public record PredictionStats(
    int count,
    int nan,
    int infinite,
    double min,
    double max,
    double mean,
    int belowScale,
    int aboveScale,
    int distinct,
    double testMean,
    double lowestRating,
    double highestRating) {

  /** At most this fraction of predictions may fall off the scale before output is degenerate. */
  public static final double MAX_OFF_SCALE_FRACTION = 0.05;
  /** Fewer distinct values than this fraction of the predictions is degenerate. */
  public static final double MIN_DISTINCT_FRACTION = 0.01;
  /** A mean prediction further than this (in stars) from the mean test rating is degenerate. */
  public static final double MAX_MEAN_SHIFT = 0.5;

  /**
   * Summarises {@code raw}.
   *
   * @param raw predictions on the test pairs, before any clamping; not modified
   * @param testMean mean of the true test ratings
   * @param lowestRating lowest rating of the scale
   * @param highestRating highest rating of the scale
   */
  public static PredictionStats of(
      double[] raw, double testMean, double lowestRating, double highestRating) {
    if (raw.length == 0) {
      throw new IllegalArgumentException("raw predictions must not be empty");
    }
    int nan = 0;
    int infinite = 0;
    int below = 0;
    int above = 0;
    int finite = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    for (double p : raw) {
      if (Double.isNaN(p)) {
        nan++;
      } else if (Double.isInfinite(p)) {
        infinite++;
      } else {
        finite++;
        sum += p;
        min = Math.min(min, p);
        max = Math.max(max, p);
        if (p < lowestRating) {
          below++;
        } else if (p > highestRating) {
          above++;
        }
      }
    }
    double[] sorted = raw.clone();
    Arrays.sort(sorted); // NaNs sort last and compare equal to each other
    int distinct = 1;
    for (int j = 1; j < sorted.length; j++) {
      if (Double.compare(sorted[j], sorted[j - 1]) != 0) {
        distinct++;
      }
    }
    double none = Double.NaN;
    return new PredictionStats(raw.length, nan, infinite, finite > 0 ? min : none,
        finite > 0 ? max : none, finite > 0 ? sum / finite : none, below, above, distinct,
        testMean, lowestRating, highestRating);
  }

  /** The reasons the output is degenerate; empty if it looks sane. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (nan > 0) {
      problems.add(nan + " NaN predictions");
    }
    if (infinite > 0) {
      problems.add(infinite + " infinite predictions");
    }
    if (distinct < Math.max(2, MIN_DISTINCT_FRACTION * count)) {
      problems.add("only " + distinct + " distinct predictions");
    }
    int offScale = belowScale + aboveScale;
    if (offScale > MAX_OFF_SCALE_FRACTION * count) {
      problems.add(String.format(Locale.ROOT, "%.1f%% of predictions off the %s..%s scale",
          100.0 * offScale / count, stars(lowestRating), stars(highestRating)));
    }
    if (!(Math.abs(mean - testMean) <= MAX_MEAN_SHIFT)) {
      problems.add(String.format(Locale.ROOT,
          "mean prediction %.3f is %+.3f stars from the mean test rating %.3f",
          mean, mean - testMean, testMean));
    }
    return problems;
  }

  /** True if any of {@link #problems()} applies. */
  public boolean degenerate() {
    return !problems().isEmpty();
  }

  /**
   * One line for a report: "ok" or "DEGENERATE (reasons)", then the figures behind it, for
   * example {@code ok: raw predictions min 1.02 max 5.31 mean 3.52 (test mean 3.53), 0.4% off
   * scale, 19876 distinct of 20000, 0 NaN}.
   */
  public String describe() {
    List<String> problems = problems();
    String verdict = problems.isEmpty() ? "ok" : "DEGENERATE (" + String.join("; ", problems) + ")";
    return String.format(Locale.ROOT,
        "%s: raw predictions min %.3f max %.3f mean %.3f (test mean %.3f), %d below %s and %d"
            + " above %s (LibRec clamps them), %d distinct of %d, %d NaN, %d infinite",
        verdict, min, max, mean, testMean, belowScale, stars(lowestRating), aboveScale,
        stars(highestRating), distinct, count, nan, infinite);
  }

  private static String stars(double rating) {
    return rating == Math.rint(rating) ? Long.toString((long) rating) : Double.toString(rating);
  }
}
