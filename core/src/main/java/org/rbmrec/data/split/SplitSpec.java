package org.rbmrec.data.split;

import java.nio.file.Path;
import org.rbmrec.data.Ratings;

/**
 * A split strategy as the command line names it. {@link #parse(String)} accepts:
 *
 * <table>
 *   <caption>split strings</caption>
 *   <tr><th>string</th><th>meaning</th></tr>
 *   <tr><td>{@code u1} … {@code u5}, {@code ua}, {@code ub}</td>
 *       <td>the official ml-100k split files</td></tr>
 *   <tr><td>{@code random:0.1}</td><td>a random 10% of all ratings</td></tr>
 *   <tr><td>{@code user:0.2}</td><td>a random 20% of each user's ratings</td></tr>
 *   <tr><td>{@code user:k=10} or {@code user:10}</td>
 *       <td>exactly 10 random ratings of each user</td></tr>
 *   <tr><td>{@code temporal:0.1}</td><td>the latest 10% of all ratings</td></tr>
 *   <tr><td>{@code temporal-user:0.1}</td><td>the latest 10% of each user's ratings</td></tr>
 *   <tr><td>{@code temporal-user:k=5} or {@code temporal-user:5}</td>
 *       <td>the latest 5 ratings of each user</td></tr>
 *   <tr><td>{@code cv:5:1}</td><td>fold 1 of 5-fold cross-validation (folds 1 … k)</td></tr>
 * </table>
 *
 * <p>A per-user value is a count when it is written as {@code k=N} or as a whole number without a
 * decimal point ({@code user:10}); it is a fraction when it has a decimal point
 * ({@code user:0.2}; {@code user:1.0} is an invalid fraction, never a count). Per-user forms take
 * an optional {@code ,min=M} suffix: users with fewer than M ratings stay wholly in training. The
 * default M is 2 for a fraction and k + 1 for a count, so every held-out user keeps at least one
 * training rating.
 *
 * <p>{@link #describe()} gives the canonical string, which parses back to an equal spec.
 */
public sealed interface SplitSpec {
  /** The accepted forms, for error messages and help text. */
  String FORMS = "u1..u5, ua, ub, random:F, user:F, user:k=N (or user:N), temporal:F,"
      + " temporal-user:F, temporal-user:k=N (or temporal-user:N), cv:K:FOLD;"
      + " F a fraction in (0, 1) with a decimal point, N ≥ 1, FOLD in 1..K;"
      + " per-user forms take an optional ,min=M";

  /**
   * Applies this strategy.
   *
   * @param all the full rating set
   * @param officialFolderOrNull the ml-100k folder or zip, needed only by {@link Official}
   * @param seed seed of randomised strategies; ignored by official and temporal ones
   */
  Split apply(Ratings all, Path officialFolderOrNull, long seed);

  /** The canonical string of this spec, e.g. {@code "user:k=10"}. */
  String describe();

  /** Whether the result depends on the seed. */
  default boolean seeded() {
    return true;
  }

  /**
   * Parses a split string (see the class comment).
   *
   * @throws IllegalArgumentException naming the value given and listing the accepted forms
   */
  static SplitSpec parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("split must be one of: " + FORMS + "; got null");
    }
    String s = text.trim();
    try {
      if (OfficialSplit.NAMES.contains(s)) {
        return new Official(s);
      }
      int colon = s.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("unknown split");
      }
      String kind = s.substring(0, colon);
      String arg = s.substring(colon + 1);
      switch (kind) {
        case "random":
          return new Random(fraction(arg));
        case "temporal":
          return new Temporal(fraction(arg));
        case "user":
        case "temporal-user":
          return perUser(kind.equals("user"), arg);
        case "cv":
          return fold(arg);
        default:
          throw new IllegalArgumentException("unknown split kind \"" + kind + "\"");
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "invalid split \"" + text + "\" (" + e.getMessage() + "); accepted forms: " + FORMS, e);
    }
  }

  private static SplitSpec perUser(boolean random, String arg) {
    int comma = arg.indexOf(',');
    String value = comma < 0 ? arg : arg.substring(0, comma);
    Integer min = null;
    if (comma >= 0) {
      String option = arg.substring(comma + 1);
      if (!option.startsWith("min=")) {
        throw new IllegalArgumentException("expected ,min=M after the value, got \"," + option
            + "\"");
      }
      min = integer(option.substring(4), "min");
    }
    boolean count = value.startsWith("k=") || (!value.isEmpty() && value.chars()
        .allMatch(Character::isDigit));
    if (count) {
      int k = integer(value.startsWith("k=") ? value.substring(2) : value, "k");
      int m = min == null ? k + 1 : min;
      return random ? new UserCount(k, m) : new TemporalUserCount(k, m);
    }
    double f = fraction(value);
    int m = min == null ? 2 : min;
    return random ? new UserFraction(f, m) : new TemporalUserFraction(f, m);
  }

  private static Fold fold(String arg) {
    int colon = arg.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("cross-validation needs the fold: cv:K:FOLD");
    }
    return new Fold(integer(arg.substring(0, colon), "K"), integer(arg.substring(colon + 1),
        "FOLD"));
  }

  private static double fraction(String text) {
    if (text.indexOf('.') < 0) {
      throw new IllegalArgumentException(
          "expected a fraction with a decimal point, got \"" + text + "\"");
    }
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected a fraction, got \"" + text + "\"");
    }
  }

  private static int integer(String text, String what) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "expected a whole number for " + what + ", got \"" + text + "\"");
    }
  }

  private static String fmt(double fraction) {
    return Double.toString(fraction);
  }

  private static void checkCount(int k, int minRatings) {
    if (k < 1) {
      throw new IllegalArgumentException("per-user count k must be ≥ 1, got " + k);
    }
    if (minRatings < k + 1) {
      throw new IllegalArgumentException(
          "minRatings must be ≥ k + 1 = " + (k + 1) + " so held-out users keep a training"
              + " rating, got " + minRatings);
    }
  }

  private static void checkMinForFraction(int minRatings) {
    if (minRatings < 2) {
      throw new IllegalArgumentException("minRatings must be ≥ 2, got " + minRatings);
    }
  }

  private static String minSuffix(int minRatings, int defaultMin) {
    return minRatings == defaultMin ? "" : ",min=" + minRatings;
  }

  /** An official ml-100k split file: {@code u1} … {@code u5}, {@code ua}, {@code ub}. */
  record Official(String name) implements SplitSpec {
    public Official {
      if (!OfficialSplit.NAMES.contains(name)) {
        throw new IllegalArgumentException(
            "official split must be one of " + OfficialSplit.NAMES + ", got \"" + name + "\"");
      }
    }

    @Override
    public Split apply(Ratings all, Path officialFolderOrNull, long seed) {
      if (officialFolderOrNull == null) {
        throw new IllegalArgumentException(
            "the official split " + name + " needs the ml-100k folder or zip");
      }
      return OfficialSplit.load(all, officialFolderOrNull, name);
    }

    @Override
    public String describe() {
      return name;
    }

    @Override
    public boolean seeded() {
      return false;
    }
  }

  /** A random {@code fraction} of all ratings, see {@link RandomHoldout}. */
  record Random(double fraction) implements SplitSpec {
    public Random {
      Partitions.checkFraction("random hold-out fraction", fraction);
    }

    @Override
    public Split apply(Ratings all, Path officialFolderOrNull, long seed) {
      return RandomHoldout.split(all, fraction, seed);
    }

    @Override
    public String describe() {
      return "random:" + fmt(fraction);
    }
  }

  /** A random {@code fraction} of each user's ratings, see {@link UserHoldout}. */
  record UserFraction(double fraction, int minRatings) implements SplitSpec {
    public UserFraction {
      Partitions.checkFraction("per-user hold-out fraction", fraction);
      checkMinForFraction(minRatings);
    }

    @Override
    public Split apply(Ratings all, Path officialFolderOrNull, long seed) {
      return UserHoldout.fraction(all, fraction, minRatings, seed);
    }

    @Override
    public String describe() {
      return "user:" + fmt(fraction) + minSuffix(minRatings, 2);
    }
  }

  /** Exactly {@code k} random ratings of each user, see {@link UserHoldout}. */
  record UserCount(int k, int minRatings) implements SplitSpec {
    public UserCount {
      checkCount(k, minRatings);
    }

    @Override
    public Split apply(Ratings all, Path officialFolderOrNull, long seed) {
      return UserHoldout.count(all, k, minRatings, seed);
    }

    @Override
    public String describe() {
      return "user:k=" + k + minSuffix(minRatings, k + 1);
    }
  }

  /** The latest {@code fraction} of all ratings, see {@link TemporalHoldout}. */
  record Temporal(double fraction) implements SplitSpec {
    public Temporal {
      Partitions.checkFraction("temporal hold-out fraction", fraction);
    }

    @Override
    public Split apply(Ratings all, Path officialFolderOrNull, long seed) {
      return TemporalHoldout.global(all, fraction);
    }

    @Override
    public String describe() {
      return "temporal:" + fmt(fraction);
    }

    @Override
    public boolean seeded() {
      return false;
    }
  }

  /** The latest {@code fraction} of each user's ratings, see {@link TemporalHoldout}. */
  record TemporalUserFraction(double fraction, int minRatings) implements SplitSpec {
    public TemporalUserFraction {
      Partitions.checkFraction("per-user temporal hold-out fraction", fraction);
      checkMinForFraction(minRatings);
    }

    @Override
    public Split apply(Ratings all, Path officialFolderOrNull, long seed) {
      return TemporalHoldout.userFraction(all, fraction, minRatings);
    }

    @Override
    public String describe() {
      return "temporal-user:" + fmt(fraction) + minSuffix(minRatings, 2);
    }

    @Override
    public boolean seeded() {
      return false;
    }
  }

  /** The latest {@code k} ratings of each user, see {@link TemporalHoldout}. */
  record TemporalUserCount(int k, int minRatings) implements SplitSpec {
    public TemporalUserCount {
      checkCount(k, minRatings);
    }

    @Override
    public Split apply(Ratings all, Path officialFolderOrNull, long seed) {
      return TemporalHoldout.userCount(all, k, minRatings);
    }

    @Override
    public String describe() {
      return "temporal-user:k=" + k + minSuffix(minRatings, k + 1);
    }

    @Override
    public boolean seeded() {
      return false;
    }
  }

  /** Fold {@code fold} (1 … k) of k-fold cross-validation, see {@link CrossValidation}. */
  record Fold(int k, int fold) implements SplitSpec {
    public Fold {
      checkK(k);
      if (fold < 1 || fold > k) {
        throw new IllegalArgumentException(
            "cross-validation fold must be in [1, " + k + "], got " + fold);
      }
    }

    /** Checks the number of folds. */
    static void checkK(int k) {
      if (k < 2 || k > CrossValidation.MAX_FOLDS) {
        throw new IllegalArgumentException(
            "number of cross-validation folds must be in [2, " + CrossValidation.MAX_FOLDS
                + "], got " + k);
      }
    }

    @Override
    public Split apply(Ratings all, Path officialFolderOrNull, long seed) {
      return CrossValidation.fold(all, k, fold, seed);
    }

    @Override
    public String describe() {
      return "cv:" + k + ":" + fold;
    }
  }
}
