package org.rbmrec.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * What {@code rbmrec compare} measured: every model on every fold, with the same seed.
 *
 * @param data the data set as the user named it
 * @param folds the canonical split strings of the folds, in order
 * @param seed the seed of every split and every model
 * @param protocol how the numbers were made (data, folds, hardware, versions, date), ordered
 *     snake_case keys
 * @param models the results per model, in the order the models were given
 */
record Comparison(
    String data, List<String> folds, long seed, Map<String, Object> protocol,
    List<ModelResults> models) {
  Comparison {
    Objects.requireNonNull(data, "data");
    folds = List.copyOf(folds);
    protocol = new LinkedHashMap<>(protocol);
    models = List.copyOf(models);
    if (folds.isEmpty() || models.isEmpty()) {
      throw new IllegalArgumentException("a comparison needs at least one fold and one model,"
          + " got " + folds.size() + " folds and " + models.size() + " models");
    }
    for (ModelResults m : models) {
      if (m.perFold().size() != folds.size()) {
        throw new IllegalArgumentException("model " + m.model() + " has " + m.perFold().size()
            + " fold results for " + folds.size() + " folds");
      }
    }
  }

  /**
   * One model on one fold.
   *
   * @param fold the canonical split string, such as "u1" or "cv:5:2"
   * @param rmse root mean squared error on the fold's test part (rating units)
   * @param mae mean absolute error on the test part (rating units)
   * @param ndcg mean NDCG@k over the users with a relevant test rating (NaN if none)
   * @param fitSeconds wall-clock seconds of training
   * @param predictSeconds wall-clock seconds of predicting the test ratings and ranking for the
   *     ranking metrics
   * @param nTest test ratings predicted
   * @param nFallback how many of them came from the model's fallback
   */
  record FoldResult(
      String fold, double rmse, double mae, double ndcg, double fitSeconds,
      double predictSeconds, int nTest, int nFallback) {
    FoldResult {
      Objects.requireNonNull(fold, "fold");
    }
  }

  /**
   * One model on every fold.
   *
   * @param model the model's command-line name
   * @param hyperparameters its complete configuration, name → value text
   * @param perFold one result per fold, in fold order
   */
  record ModelResults(String model, Map<String, String> hyperparameters,
      List<FoldResult> perFold) {
    ModelResults {
      Objects.requireNonNull(model, "model");
      hyperparameters = new LinkedHashMap<>(hyperparameters);
      perFold = List.copyOf(perFold);
      if (perFold.isEmpty()) {
        throw new IllegalArgumentException("model " + model + " has no fold results");
      }
    }

    /** Mean and sample standard deviation over folds of RMSE. */
    MeanStd rmse() {
      return over(FoldResult::rmse);
    }

    /** … of MAE. */
    MeanStd mae() {
      return over(FoldResult::mae);
    }

    /** … of NDCG@k. */
    MeanStd ndcg() {
      return over(FoldResult::ndcg);
    }

    /** … of the fit time in seconds. */
    MeanStd fitSeconds() {
      return over(FoldResult::fitSeconds);
    }

    /** … of the prediction and evaluation time in seconds. */
    MeanStd predictSeconds() {
      return over(FoldResult::predictSeconds);
    }

    private MeanStd over(ToDoubleFunction<FoldResult> metric) {
      double[] values = new double[perFold.size()];
      for (int f = 0; f < values.length; f++) {
        values[f] = metric.applyAsDouble(perFold.get(f));
      }
      return MeanStd.of(values);
    }
  }

  /** Builds the results of one model fold by fold. */
  static final class ModelResultsBuilder {
    private final String model;
    private final Map<String, String> hyperparameters;
    private final List<FoldResult> perFold = new ArrayList<>();

    ModelResultsBuilder(String model, Map<String, String> hyperparameters) {
      this.model = model;
      this.hyperparameters = hyperparameters;
    }

    void add(FoldResult result) {
      perFold.add(result);
    }

    ModelResults build() {
      return new ModelResults(model, hyperparameters, perFold);
    }
  }
}
