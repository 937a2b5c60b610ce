package org.rbmrec.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.rbmrec.data.Ratings;

/**
 * Spark MLlib's ALS (explicit feedback: alternating least squares on L2-regularised user and
 * item factors, without biases) trained and scored on an rbmrec split, as a peer for rbmrec's
 * own models: the same training ratings in, the same test ratings scored, RMSE and MAE over all
 * of them.
 *
 * <p>A test pair ALS cannot score (a user or item absent from training: its
 * {@code coldStartStrategy} "nan") gets the training mean and is counted in
 * {@code nFallback}, as rbmrec's evaluator counts its fallbacks. ALS cuts users and items
 * into as many blocks as the cluster's default parallelism.
 */
public final class SparkAlsPeer {
  private SparkAlsPeer() {}

  /**
   * ALS's settings.
   *
   * @param rank latent factors, in [1, 10000]
   * @param regParam L2 regularisation λ (scaled by each user's and item's rating count, as ALS
   *     does), in [0, 100]
   * @param maxIter alternating sweeps, in [1, 10000]
   * @param seed seed of the initial factors
   */
  public record Settings(int rank, double regParam, int maxIter, long seed) {
    public Settings {
      if (rank < 1 || rank > 10_000) {
        throw new IllegalArgumentException("rank must be in [1, 10000], got " + rank);
      }
      if (!(regParam >= 0 && regParam <= 100)) {
        throw new IllegalArgumentException("regParam must be in [0, 100], got " + regParam);
      }
      if (maxIter < 1 || maxIter > 10_000) {
        throw new IllegalArgumentException("maxIter must be in [1, 10000], got " + maxIter);
      }
    }

    /** Rank 10, λ = 0.1, 10 sweeps, seed 1: Spark's documented example settings. */
    public static Settings defaults() {
      return new Settings(10, 0.1, 10, 1L);
    }
  }

  /**
   * What ALS measured.
   *
   * @param rmse root mean squared error over all test ratings, in rating units
   * @param mae mean absolute error over all test ratings
   * @param nTest test ratings scored
   * @param nFallback test ratings ALS could not score (given the training mean)
   * @param fitSeconds wall-clock seconds of {@code ALS.fit} (data frame building excluded)
   */
  public record Result(double rmse, double mae, int nTest, int nFallback, double fitSeconds) {}

  /** Trains ALS on {@code train} and scores {@code test} (same id indices). */
  public static Result run(SparkSession spark, Ratings train, Ratings test, Settings settings) {
    Objects.requireNonNull(spark, "spark");
    Objects.requireNonNull(settings, "settings");
    if (train.size() == 0 || test.size() == 0) {
      throw new IllegalArgumentException("ALS needs non-empty training and test ratings, got "
          + train.size() + " and " + test.size());
    }
    Dataset<Row> trainFrame = frame(spark, train);
    Dataset<Row> testFrame = frame(spark, test);
    ALS als = new ALS().setRank(settings.rank()).setRegParam(settings.regParam())
        .setMaxIter(settings.maxIter()).setSeed(settings.seed())
        .setUserCol("user").setItemCol("item").setRatingCol("rating")
        .setColdStartStrategy("nan")
        .setNumBlocks(Math.max(1, spark.sparkContext().defaultParallelism()));
    long start = System.nanoTime();
    ALSModel model = als.fit(trainFrame);
    double fitSeconds = (System.nanoTime() - start) / 1e9;
    List<Row> scored = model.transform(testFrame).select("rating", "prediction").collectAsList();
    double mean = train.meanValue();
    double se = 0;
    double ae = 0;
    int fallback = 0;
    for (Row row : scored) {
      double prediction = row.getFloat(1);
      if (Double.isNaN(prediction)) {
        prediction = mean;
        fallback++;
      }
      double e = prediction - row.getDouble(0);
      se += e * e;
      ae += Math.abs(e);
    }
    int n = scored.size();
    return new Result(Math.sqrt(se / n), ae / n, n, fallback, fitSeconds);
  }

  /** (user, item, rating) rows with dense int ids and the rating value. */
  private static Dataset<Row> frame(SparkSession spark, Ratings ratings) {
    StructType schema = new StructType()
        .add("user", DataTypes.IntegerType, false)
        .add("item", DataTypes.IntegerType, false)
        .add("rating", DataTypes.DoubleType, false);
    List<Row> rows = new ArrayList<>(ratings.size());
    for (int x = 0; x < ratings.size(); x++) {
      rows.add(RowFactory.create(ratings.user(x), ratings.item(x), ratings.value(x)));
    }
    return spark.createDataFrame(rows, schema);
  }
}
