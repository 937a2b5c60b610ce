package org.rbmrec.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.rbmrec.data.DataException;
import org.rbmrec.data.Ratings;
import org.rbmrec.model.RecordProperties;
import org.rbmrec.model.Recommender;
import org.rbmrec.model.baseline.BiasBaseline;
import org.rbmrec.model.baseline.BiasConfig;
import org.rbmrec.model.baseline.BiasedMf;
import org.rbmrec.model.baseline.BiasedMfConfig;
import org.rbmrec.model.baseline.GlobalMean;
import org.rbmrec.model.baseline.SvdPlusPlus;
import org.rbmrec.model.baseline.SvdPlusPlusConfig;
import org.rbmrec.model.rbm.CdStage;
import org.rbmrec.model.rbm.Orientation;
import org.rbmrec.model.rbm.RbmConfig;
import org.rbmrec.model.rbm.RbmTrainer;
import org.rbmrec.model.rbm.TrainingControl;

/**
 * A model kind with its complete, validated configuration: the defaults of the kind, then the
 * user's hyperparameter overrides, then the seed and thread count. {@link #fit} trains it.
 *
 * <p>The RBM variants start from {@link #rbmDefaults(ModelKind)}. Their fallback, for rows
 * without training ratings, is the bias baseline with its defaults.
 *
 * @param kind the model
 * @param config its configuration record ({@link RbmConfig}, {@link BiasConfig},
 *     {@link BiasedMfConfig}, {@link SvdPlusPlusConfig}), or null for {@link ModelKind#MEAN}
 */
public record TrainingPlan(ModelKind kind, Record config) {
  /** The number of factors C of {@code rbm-factored} unless overridden. */
  public static final int DEFAULT_FACTORS = 60;

  public TrainingPlan {
    Objects.requireNonNull(kind, "kind");
  }

  /**
   * The plan for {@code kind} with {@code overrides} (hyperparameter name → value, names as in
   * {@link #hyperparameters()}) applied, and the seed and thread count set.
   *
   * @throws IllegalArgumentException for an unknown hyperparameter or an invalid value
   */
  public static TrainingPlan of(
      ModelKind kind, Map<String, String> overrides, long seed, int threads) {
    Map<String, String> values = new LinkedHashMap<>(overrides);
    switch (kind) {
      case RBM, RBM_ITEM, RBM_COND, RBM_FACTORED -> {
        RbmConfig.Builder builder = rbmDefaults(kind).toBuilder().seed(seed).threads(threads);
        Map<String, String> properties = builder.build().toProperties();
        requireKnown(values, properties.keySet(), kind);
        properties.putAll(values);
        return new TrainingPlan(kind, RbmConfig.fromProperties(properties));
      }
      case BIAS -> {
        return new TrainingPlan(kind, RecordProperties.withOverrides(
            BiasConfig.defaults(), values, "model " + kind.id()));
      }
      case MF -> {
        values.putIfAbsent("seed", Long.toString(seed));
        return new TrainingPlan(kind, RecordProperties.withOverrides(
            BiasedMfConfig.defaults(), values, "model " + kind.id()));
      }
      case SVDPP -> {
        values.putIfAbsent("seed", Long.toString(seed));
        return new TrainingPlan(kind, RecordProperties.withOverrides(
            SvdPlusPlusConfig.defaults(), values, "model " + kind.id()));
      }
      case MEAN -> {
        requireKnown(values, Set.of(), kind);
        return new TrainingPlan(kind, null);
      }
      default -> throw new IllegalStateException("unhandled model kind " + kind);
    }
  }

  /**
   * The defaults of each RBM variant, chosen on a seeded 10% validation split carved from
   * ml-100k u1.base (never on u1.test):
   * <ul>
   *   <li>{@code rbm}: user-based, F = 60, ε = 0.4 decayed by 0.97 per epoch, weight decay
   *       0.02, 80 epochs of CD-3, with the shared weights S learned at 0.01 ε (without them rare
   *       items get next to no weight and the model loses to the bias baseline; with F = 100,
   *       ε = 0.3 decayed by 0.95 and 40 epochs it only ties with it);
   *   <li>{@code rbm-item}: item-based, F = 200, ε = 0.02 with momentum 0.9 from epoch 6,
   *       40 epochs, CD 1 → 3 (epoch 20) → 5 (epoch 33), parameters averaged over the last
   *       10 epochs, shared weights S at 0.01 ε;
   *   <li>{@code rbm-cond}: {@code rbm-item} with the conditional weights D;
   *   <li>{@code rbm-factored}: item-based with C = {@value #DEFAULT_FACTORS} factors,
   *       ε = 0.05, 20 epochs.
   * </ul>
   */
  public static RbmConfig rbmDefaults(ModelKind kind) {
    RbmConfig.Builder builder = RbmConfig.defaults().toBuilder();
    return switch (kind) {
      case RBM -> builder.orientation(Orientation.USER).hidden(60).learningRate(0.4)
          .learningRateDecay(0.97).weightDecay(0.02).epochs(80).cdSteps(3)
          .sharedLearningRate(0.01).build();
      case RBM_ITEM -> itemBased(builder).build();
      case RBM_COND -> itemBased(builder).conditional(true).build();
      case RBM_FACTORED -> builder.orientation(Orientation.ITEM).factors(DEFAULT_FACTORS)
          .learningRate(0.05).epochs(20).build();
      default -> throw new IllegalArgumentException(kind.id() + " is not an RBM");
    };
  }

  /** The item-based settings shared by {@code rbm-item} and {@code rbm-cond}. */
  private static RbmConfig.Builder itemBased(RbmConfig.Builder builder) {
    return builder.orientation(Orientation.ITEM).hidden(200).learningRate(0.02).momentumEnd(0.9)
        .epochs(40).averageEpochs(10).sharedLearningRate(0.01)
        .cdSchedule(List.of(new CdStage(1, 1), new CdStage(20, 3), new CdStage(33, 5)));
  }

  /**
   * The name of the hyperparameter that the command line's {@code --epochs} sets for this kind
   * ("epochs", or "iterations" for the bias baseline), or null if the kind has none.
   */
  public static String epochsKey(ModelKind kind) {
    return switch (kind) {
      case BIAS -> "iterations";
      case MEAN -> null;
      default -> "epochs";
    };
  }

  /**
   * The name of the hyperparameter that the command line's {@code --hidden} sets: the hidden
   * units of an RBM, the latent factors of MF and SVD++; null for the bias and mean baselines.
   */
  public static String hiddenKey(ModelKind kind) {
    return switch (kind) {
      case RBM, RBM_ITEM, RBM_COND, RBM_FACTORED -> "hidden";
      case MF, SVDPP -> "factors";
      default -> null;
    };
  }

  /** The complete configuration as ordered name → value text. */
  public Map<String, String> hyperparameters() {
    if (config == null) {
      return Map.of();
    }
    if (config instanceof RbmConfig rbm) {
      return rbm.toProperties();
    }
    return RecordProperties.toProperties(config);
  }

  /**
   * Trains the model.
   *
   * @param train the training ratings
   * @param validation ratings to monitor per epoch (RBMs report {@code valid_rmse} and the
   *     free-energy gap on them), or null; never trained on
   * @param implicit for {@code rbm-cond}: pairs known to be rated whose values are hidden (for
   *     example the test pairs), or null; ignored by other kinds
   * @throws DataException for an RBM kind when the rating scale has a single level
   */
  public Recommender fit(
      Ratings train, Ratings validation, Ratings implicit, EpochListener listener,
      org.rbmrec.progress.Progress progress) {
    return fit(train, validation, implicit, listener, progress, TrainingControl.none());
  }

  /**
   * Trains the model with checkpoints, resume and stop requests as {@code control} says. Only
   * the RBMs checkpoint ({@link #checkpoints()}); the baselines train in seconds, ignore the
   * store and the stop request, and refuse to resume.
   *
   * @throws IllegalArgumentException if {@code control} resumes a model that keeps no
   *     checkpoint
   * @see RbmTrainer#train(Ratings, Ratings, Ratings, Recommender, EpochListener,
   *     org.rbmrec.progress.Progress, TrainingControl)
   */
  public Recommender fit(
      Ratings train, Ratings validation, Ratings implicit, EpochListener listener,
      org.rbmrec.progress.Progress progress, TrainingControl control) {
    if (control.resumeFrom() != null && !checkpoints()) {
      throw new IllegalArgumentException(noCheckpointMessage(kind));
    }
    return switch (kind) {
      case RBM, RBM_ITEM, RBM_COND, RBM_FACTORED -> {
        if (train.scale().levels() < 2) {
          throw new DataException("an RBM needs ratings on at least 2 levels, but the scale "
              + train.scale().describe() + " has one (every rating is the same); give the"
              + " scale explicitly or use a baseline model");
        }
        BiasBaseline fallback = BiasBaseline.fit(train, BiasConfig.defaults(), EpochListener.NONE);
        yield new RbmTrainer((RbmConfig) config)
            .train(train, implicit, validation, fallback, listener, progress, control);
      }
      case BIAS -> BiasBaseline.fit(train, (BiasConfig) config, listener);
      case MF -> BiasedMf.fit(train, (BiasedMfConfig) config, listener);
      case SVDPP -> SvdPlusPlus.fit(train, (SvdPlusPlusConfig) config, listener);
      case MEAN -> GlobalMean.fit(train);
    };
  }

  /** Whether this model writes checkpoints and can resume from one (the RBMs). */
  public boolean checkpoints() {
    return kind.isRbm();
  }

  /** Why {@code kind} cannot resume. */
  public static String noCheckpointMessage(ModelKind kind) {
    return "model " + kind.id() + " trains in seconds and keeps no checkpoint, so it cannot"
        + " resume; rerun without --resume (only the RBMs rbm, rbm-item, rbm-cond and"
        + " rbm-factored checkpoint)";
  }

  private static void requireKnown(Map<String, String> values, Set<String> known, ModelKind kind) {
    for (String key : values.keySet()) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException("unknown hyperparameter '" + key + "' for model "
            + kind.id() + (known.isEmpty() ? " (it has none)"
                : "; known: " + String.join(", ", new TreeSet<>(known))));
      }
    }
  }
}
