package org.rbmrec.model.rbm;

import java.util.Objects;
import org.rbmrec.data.Ratings;
import org.rbmrec.data.SparseRows;

/**
 * The batch-overfitting check: train on one fixed mini-batch of the first N rows (users, or
 * items in ITEM orientation, that have ratings) for S update steps and record, after every step,
 * the mean-field reconstruction RMSE of that batch's own ratings (h = σ(x(V)), then the expected
 * rating of each entry under p(v | h)). A correct RBM with enough hidden units drives it towards
 * zero; an update built from the outer product of batch means, mean(v) ⊗ mean(h), plateaus.
 *
 * <p>Step s uses the configured learning rate (no decay), the momentum of epoch s, k from the
 * first CD stage, and the random streams of (seed, s, row).
 */
public final class OverfitCheck {
  private OverfitCheck() {}

  /**
   * The outcome.
   *
   * @param rows N, the rows in the batch
   * @param ratings the number of ratings in the batch
   * @param initialRmse reconstruction RMSE before any update
   * @param curve (S) reconstruction RMSE after each step
   */
  public record Result(int rows, int ratings, double initialRmse, double[] curve) {
    /** The reconstruction RMSE after the last step. */
    public double finalRmse() {
      return curve.length == 0 ? initialRmse : curve[curve.length - 1];
    }
  }

  /**
   * Runs the check.
   *
   * @param ratings the data; the batch is its first {@code rows} rows with ratings
   * @param rows N ≥ 1
   * @param steps S ≥ 1
   * @param config model and optimiser settings (batchSize is replaced by N)
   */
  public static Result run(Ratings ratings, int rows, int steps, RbmConfig config) {
    Objects.requireNonNull(ratings, "ratings");
    if (rows < 1) {
      throw new IllegalArgumentException("rows must be ≥ 1, got " + rows);
    }
    if (steps < 1) {
      throw new IllegalArgumentException("steps must be ≥ 1, got " + steps);
    }
    RbmConfig batchConfig = config.toBuilder().batchSize(rows).build();
    RbmTrainer trainer = new RbmTrainer(batchConfig);
    SparseRows all = trainer.rowsOf(ratings);
    int[] batch = firstRows(all, rows);
    RbmParameters params = trainer.initialParameters(all, ratings.scale().levels());
    IndicatorRows indicator = batchConfig.conditional() ? IndicatorRows.union(all, null) : null;
    double[] values = ratings.scale().values();
    RbmInference inference = new RbmInference(params, all, indicator, values);
    double[] curve = new double[steps];
    int ratingCount = 0;
    for (int row : batch) {
      ratingCount += all.rowLength(row);
    }
    double initial = reconstructionRmse(inference, batch);
    try (ChunkRunner runner = new ChunkRunner(batchConfig.threads())) {
      TrainingState state = new TrainingState(batchConfig, params, all, indicator, values, runner);
      int k = batchConfig.cdSteps(1);
      for (int s = 1; s <= steps; s++) {
        state.update(batch, 0, batch.length, s, k, batchConfig.learningRate(),
            batchConfig.momentum(s));
        state.flush();
        curve[s - 1] = reconstructionRmse(inference, batch);
      }
    }
    return new Result(batch.length, ratingCount, initial, curve);
  }

  /** Mean-field reconstruction RMSE of the ratings of {@code batch} (rating units). */
  static double reconstructionRmse(RbmInference inference, int[] batch) {
    RbmParameters p = inference.p;
    SparseRows rows = inference.rows;
    float[] x = new float[p.hidden];
    float[] h = new float[p.hidden];
    float[] out = new float[p.levels];
    double sse = 0;
    long n = 0;
    for (int row : batch) {
      inference.rowInput(row, x);
      RbmMath.hiddenProbabilities(x, h, p.hidden);
      for (int q = rows.rowStart(row); q < rows.rowEnd(row); q++) {
        inference.levelProbabilities(
            PredictionRule.MEAN_FIELD, row, rows.column(q), x, h, 0, null, out);
        double e = inference.expectedValue(out) - inference.levelValues[rows.level(q)];
        sse += e * e;
        n++;
      }
    }
    return Math.sqrt(sse / n);
  }

  private static int[] firstRows(SparseRows rows, int n) {
    int[] batch = new int[n];
    int count = 0;
    for (int r = 0; r < rows.numRows() && count < n; r++) {
      if (rows.rowLength(r) > 0) {
        batch[count++] = r;
      }
    }
    if (count < n) {
      throw new IllegalArgumentException(
          "rows must be at most the " + count + " rows with ratings, got " + n);
    }
    return batch;
  }
}
