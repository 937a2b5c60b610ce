package org.rbmrec.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rbmrec.data.split.Split;

/** Spark MLlib's ALS, run on ml-100k u1 as rbmrec's peer, scores every test rating sanely. */
class SparkAlsPeerTest {
  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = SparkDistributedTrainer.session("local[2]");
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @Test
  void alsOnU1ScoresAllTwentyThousandTestRatingsWithRmseBelowOne() {
    Split u1 = Ml100k.split("u1");

    SparkAlsPeer.Result result =
        SparkAlsPeer.run(spark, u1.train(), u1.test(), SparkAlsPeer.Settings.defaults());

    assertThat(result.nTest()).isEqualTo(20_000);
    assertThat(result.rmse()).isBetween(0.85, 1.0);
    assertThat(result.mae()).isLessThan(result.rmse());
    assertThat(result.nFallback()).isLessThan(100);
  }

  @Test
  void settingsRejectANonPositiveRank() {
    assertThatThrownBy(() -> new SparkAlsPeer.Settings(0, 0.1, 10, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rank must be in [1, 10000], got 0");
  }
}
