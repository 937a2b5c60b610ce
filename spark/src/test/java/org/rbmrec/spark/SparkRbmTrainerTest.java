package org.rbmrec.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rbmrec.data.Ratings;
import org.rbmrec.data.split.Split;
import org.rbmrec.model.baseline.GlobalMean;
import org.rbmrec.model.rbm.CdStage;
import org.rbmrec.model.rbm.Orientation;
import org.rbmrec.model.rbm.RbmConfig;
import org.rbmrec.model.rbm.RbmModel;
import org.rbmrec.model.rbm.RbmParameters;
import org.rbmrec.model.rbm.RbmTrainer;
import org.rbmrec.progress.Progress;
import org.rbmrec.train.EpochListener;
import org.rbmrec.train.EpochReport;

/** Distributed CD in local[2] gives the single-machine trainer's parameters. */
class SparkRbmTrainerTest {
  private static SparkSession spark;
  private static JavaSparkContext context;
  private static Split u1;

  @BeforeAll
  static void startSpark() {
    spark = SparkDistributedTrainer.session("local[2]");
    context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    u1 = Ml100k.split("u1");
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  private static double maxAbsDiff(float[] a, float[] b) {
    assertThat(a).hasSameSizeAs(b);
    double max = 0;
    for (int x = 0; x < a.length; x++) {
      max = Math.max(max, Math.abs(a[x] - b[x]));
    }
    return max;
  }

  private static void assertIdentical(RbmParameters actual, RbmParameters expected) {
    assertThat(actual.weightsCopy()).isEqualTo(expected.weightsCopy());
    assertThat(actual.visibleBiasesCopy()).isEqualTo(expected.visibleBiasesCopy());
    assertThat(actual.hiddenBiasesCopy()).isEqualTo(expected.hiddenBiasesCopy());
    assertThat(actual.implicitWeightsCopy()).isEqualTo(expected.implicitWeightsCopy());
  }

  private static void assertClose(RbmParameters actual, RbmParameters expected) {
    assertThat(maxAbsDiff(actual.weightsCopy(), expected.weightsCopy())).isLessThan(1e-4);
    assertThat(maxAbsDiff(actual.visibleBiasesCopy(), expected.visibleBiasesCopy()))
        .isLessThan(1e-4);
    assertThat(maxAbsDiff(actual.hiddenBiasesCopy(), expected.hiddenBiasesCopy()))
        .isLessThan(1e-4);
    if (expected.conditional()) {
      assertThat(maxAbsDiff(actual.implicitWeightsCopy(), expected.implicitWeightsCopy()))
          .isLessThan(1e-4);
    }
  }

  private static RbmConfig userBased() {
    return RbmConfig.builder().orientation(Orientation.USER).hidden(20).epochs(3)
        .batchSize(50).chunkRows(4).learningRate(0.2).momentumEnd(0.9).momentumSwitchEpoch(2)
        .cdSchedule(List.of(new CdStage(1, 1), new CdStage(3, 3))).sharedLearningRate(0.05)
        .seed(11).threads(1).monitorRows(50).build();
  }

  @Test
  void exactModeGivesTheSingleMachineParametersBitForBit() {
    Ratings train = Ml100k.firstUsers(u1.train(), 300);
    RbmConfig config = userBased();
    RbmParameters expected = new RbmTrainer(config).train(train, GlobalMean.fit(train))
        .parameters();

    List<EpochReport> reports = new ArrayList<>();
    RbmModel model = new SparkRbmTrainer(context, 2).train(config, train, null, null,
        GlobalMean.fit(train), reports::add, Progress.NONE, EpochCallback.NONE);

    assertIdentical(model.parameters(), expected);
    assertThat(reports).extracting(EpochReport::epoch).containsExactly(1, 2, 3);
  }

  @Test
  void exactModeReproducesTheConditionalItemBasedRbmWithAveraging() {
    Ratings train = Ml100k.firstUsers(u1.train(), 200);
    Ratings implicit = Ml100k.firstUsers(u1.test(), 200);
    RbmConfig config = RbmConfig.builder().orientation(Orientation.ITEM).hidden(16)
        .conditional(true).epochs(3).batchSize(64).chunkRows(4).averageEpochs(2).seed(5)
        .threads(2).monitorRows(50).build();
    RbmParameters expected = new RbmTrainer(config).train(train, implicit, null,
        GlobalMean.fit(train), EpochListener.NONE, Progress.NONE).parameters();

    RbmModel model = new SparkRbmTrainer(context, 3).train(config, train, implicit, null,
        GlobalMean.fit(train), EpochListener.NONE, Progress.NONE, EpochCallback.NONE);

    assertIdentical(model.parameters(), expected);
  }

  @Test
  void summedModeMatchesTheSingleMachineRunWithinRoundingAfterThreeEpochs() {
    Ratings train = Ml100k.firstUsers(u1.train(), 300);
    RbmConfig config = userBased();
    RbmParameters expected = new RbmTrainer(config).train(train, GlobalMean.fit(train))
        .parameters();

    RbmModel model = new SparkRbmTrainer(context, 2, SparkRbmTrainer.Mode.SUMMED).train(config,
        train, null, null, GlobalMean.fit(train), EpochListener.NONE, Progress.NONE,
        EpochCallback.NONE);

    assertClose(model.parameters(), expected);
  }

  @Test
  void theCallbackSeesEveryEpochWithFlushedState() {
    Ratings train = Ml100k.firstUsers(u1.train(), 100);
    RbmConfig config = RbmConfig.builder().orientation(Orientation.USER).hidden(8).epochs(2)
        .batchSize(40).seed(2).threads(1).monitorRows(0).build();
    List<Integer> seen = new ArrayList<>();

    new SparkRbmTrainer(context, 2).train(config, train, null, null, GlobalMean.fit(train),
        EpochListener.NONE, Progress.NONE,
        (cd, report) -> seen.add(cd.completedEpochs() * 10 + report.epoch()));

    assertThat(seen).containsExactly(11, 22);
  }

  @Test
  void persistentCdIsRefused() {
    Ratings train = Ml100k.firstUsers(u1.train(), 20);
    RbmConfig config = RbmConfig.builder().orientation(Orientation.USER).hidden(4).epochs(1)
        .persistent(true).build();

    assertThatThrownBy(() -> new SparkRbmTrainer(context, 2).train(config, train, null, null,
        GlobalMean.fit(train), EpochListener.NONE, Progress.NONE, EpochCallback.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("persistent CD");
  }
}
