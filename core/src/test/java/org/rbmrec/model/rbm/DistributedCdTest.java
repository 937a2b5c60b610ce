package org.rbmrec.model.rbm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rbmrec.data.Ml100kFixture;
import org.rbmrec.data.Ratings;
import org.rbmrec.progress.Progress;
import org.rbmrec.train.EpochListener;

/** The distributed facade reproduces the single-machine trainer's statistics and updates. */
class DistributedCdTest {
  private static Ratings firstUsers(Ratings all, int users) {
    boolean[] keep = new boolean[all.size()];
    for (int x = 0; x < keep.length; x++) {
      keep[x] = all.user(x) < users;
    }
    return all.select(keep);
  }

  private static RbmConfig userConfig() {
    return RbmConfig.builder().orientation(Orientation.USER).hidden(12).epochs(3)
        .batchSize(20).chunkRows(3).momentumStart(0.5).momentumEnd(0.9).momentumSwitchEpoch(2)
        .cdSchedule(List.of(new CdStage(1, 1), new CdStage(3, 2))).seed(7).threads(1)
        .monitorRows(50).build();
  }

  /** Splits the active rows into {@code parts} blocks by row number modulo parts. */
  private static CdRowBlock[] blocks(DistributedCd cd, int parts) {
    int[] active = cd.activeRows();
    CdRowBlock[] blocks = new CdRowBlock[parts];
    for (int b = 0; b < parts; b++) {
      int part = b;
      blocks[b] = cd.block(Arrays.stream(active).filter(r -> r % parts == part).toArray());
    }
    return blocks;
  }

  private static void assertClose(float[] actual, float[] expected, double tolerance) {
    assertThat(actual).hasSameSizeAs(expected);
    double max = 0;
    for (int x = 0; x < actual.length; x++) {
      max = Math.max(max, Math.abs(actual[x] - expected[x]));
    }
    assertThat(max).isLessThan(tolerance);
  }

  @Test
  void statisticsOfTwoBlocksMergedEqualThoseOfOneBlock() {
    Ratings train = firstUsers(Ml100kFixture.split("u1")[0], 150);
    try (DistributedCd cd = DistributedCd.start(userConfig(), train, null, null)) {
      int[] batch = Arrays.copyOf(cd.beginEpoch(), 20);
      ParameterSnapshot p = cd.parameters();
      CdRowBlock all = cd.block(cd.activeRows());
      CdStatistics whole = DistributedCd.statistics(cd.config(), p, all, batch, 1);
      CdRowBlock[] halves = blocks(cd, 2);
      CdStatistics merged = DistributedCd.statistics(cd.config(), p, halves[0], batch, 1)
          .plus(DistributedCd.statistics(cd.config(), p, halves[1], batch, 1));

      assertThat(merged.rows()).isEqualTo(20);
      assertThat(merged.units()).containsExactlyInAnyOrder(whole.units());
      int kf = 5 * cd.config().hidden();
      for (int s = 0; s < whole.units().length; s++) {
        int t = Arrays.asList(Arrays.stream(merged.units()).boxed().toArray())
            .indexOf(whole.units()[s]);
        assertThat(merged.rowsRated()[t]).isEqualTo(whole.rowsRated()[s]);
        assertClose(Arrays.copyOfRange(merged.w(), t * kf, (t + 1) * kf),
            Arrays.copyOfRange(whole.w(), s * kf, (s + 1) * kf), 1e-5);
        assertClose(Arrays.copyOfRange(merged.b(), t * 5, (t + 1) * 5),
            Arrays.copyOfRange(whole.b(), s * 5, (s + 1) * 5), 1e-5);
      }
      assertClose(merged.c(), whole.c(), 1e-5);
      assertThat(merged.reconCount()).isEqualTo(whole.reconCount());
    }
  }

  @Test
  void plusSumsSharedUnitsAndAppendsTheOthersInFirstTouchOrder() {
    CdStatistics a = CdStatistics.of(2, 1, 1, new int[] {4, 1}, new float[] {1, 2, 3, 4},
        new float[] {1, 0, 0, 1}, null, new int[] {1, 1}, new int[] {0, 0}, new float[] {0.5f},
        1.0, 2);
    CdStatistics b = CdStatistics.of(2, 1, 2, new int[] {0, 4}, new float[] {10, 20, 30, 40},
        new float[] {0, 1, 1, 0}, null, new int[] {2, 1}, new int[] {0, 0}, new float[] {1f},
        0.5, 1);

    CdStatistics sum = a.plus(b);

    assertThat(sum.units()).containsExactly(4, 1, 0);
    assertThat(sum.w()).containsExactly(31, 42, 3, 4, 10, 20);
    assertThat(sum.b()).containsExactly(2, 0, 0, 1, 0, 1);
    assertThat(sum.rowsRated()).containsExactly(2, 1, 2);
    assertThat(sum.c()).containsExactly(1.5f);
    assertThat(sum.rows()).isEqualTo(3);
    assertThat(sum.reconSquaredError()).isEqualTo(1.5);
    assertThat(sum.reconCount()).isEqualTo(3);
  }

  @Test
  void repeatedUnitsAreRejected() {
    assertThatThrownBy(() -> CdStatistics.of(2, 1, 1, new int[] {3, 3}, new float[4],
        new float[4], null, new int[2], new int[2], new float[1], 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("units must be distinct and ≥ 0, got 3 twice");
  }

  /** Chunk c of every batch lives in block c % parts, as the exact Spark placement puts it. */
  /**
   * Runs every epoch of {@code cd} the exact way: rows dealt once over {@code parts} blocks,
   * each block's chain outputs added up in reverse block order (any order gives the same sum).
   */
  private static void runExactly(DistributedCd cd, int parts) {
    RbmConfig config = cd.config();
    CdRowBlock[] blocks = blocks(cd, parts);
    while (cd.completedEpochs() < config.epochs()) {
      int epoch = cd.completedEpochs() + 1;
      int[] order = cd.beginEpoch();
      for (int from = 0; from < order.length; from += config.batchSize()) {
        int[] batch = Arrays.copyOfRange(order, from,
            Math.min(order.length, from + config.batchSize()));
        int[] starts = cd.beginBatch(batch);
        ParameterSnapshot p = cd.parameters();
        ChainOutputs sum = DistributedCd.chains(config, p, blocks[parts - 1], batch, starts, epoch);
        for (int b = parts - 2; b >= 0; b--) {
          sum = sum.plus(DistributedCd.chains(config, p, blocks[b], batch, starts, epoch));
        }
        cd.applyChains(sum);
      }
      cd.endEpoch();
    }
  }

  @Test
  void chainOutputsOfAnyPartitionReproduceTheSingleMachineRunBitForBit() {
    Ratings[] u1 = Ml100kFixture.split("u1");
    Ratings train = firstUsers(u1[0], 150);
    Ratings implicit = firstUsers(u1[1], 150);
    RbmConfig config = RbmConfig.builder().orientation(Orientation.ITEM).hidden(10)
        .conditional(true).epochs(3).batchSize(30).chunkRows(4).sharedLearningRate(0.1)
        .averageEpochs(2).negativePhase(NegativePhase.SAMPLED).cdSteps(2).seed(3).threads(2)
        .monitorRows(30).build();
    RbmParameters expected = new RbmTrainer(config).train(train, implicit, null,
        ConstantRecommender.globalMean(train), EpochListener.NONE, Progress.NONE).parameters();

    RbmParameters actual;
    try (DistributedCd cd = DistributedCd.start(config, train, implicit, null)) {
      runExactly(cd, 3);
      actual = cd.finish(ConstantRecommender.globalMean(train)).parameters();
    }

    assertThat(actual.weightsCopy()).isEqualTo(expected.weightsCopy());
    assertThat(actual.visibleBiasesCopy()).isEqualTo(expected.visibleBiasesCopy());
    assertThat(actual.hiddenBiasesCopy()).isEqualTo(expected.hiddenBiasesCopy());
    assertThat(actual.implicitWeightsCopy()).isEqualTo(expected.implicitWeightsCopy());
  }

  @Test
  void theFactoredModelIsReproducedBitForBitToo() {
    Ratings train = firstUsers(Ml100kFixture.split("u1")[0], 120);
    RbmConfig config = RbmConfig.builder().orientation(Orientation.USER).hidden(8).factors(3)
        .epochs(2).batchSize(25).chunkRows(3).seed(8).threads(1).monitorRows(0).build();
    RbmParameters expected = new RbmTrainer(config)
        .train(train, ConstantRecommender.globalMean(train)).parameters();

    RbmParameters actual;
    try (DistributedCd cd = DistributedCd.start(config, train, null, null)) {
      runExactly(cd, 2);
      actual = cd.finish(ConstantRecommender.globalMean(train)).parameters();
    }

    assertThat(actual.weightsCopy()).isEqualTo(expected.weightsCopy());
    assertThat(actual.visibleBiasesCopy()).isEqualTo(expected.visibleBiasesCopy());
  }

  @Test
  void chainOutputsMissingARowAreRejected() {
    Ratings train = firstUsers(Ml100kFixture.split("u1")[0], 60);
    try (DistributedCd cd = DistributedCd.start(userConfig(), train, null, null)) {
      int[] batch = Arrays.copyOf(cd.beginEpoch(), 20);
      int[] starts = cd.beginBatch(batch);
      ChainOutputs half = DistributedCd.chains(
          cd.config(), cd.parameters(), blocks(cd, 2)[0], batch, starts, 1);

      assertThatThrownBy(() -> cd.applyChains(half))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("missing rows");
    }
  }

  @Test
  void parametersAreSnapshotAfterTheBatchsRowsAreBroughtUpToDate() {
    Ratings train = firstUsers(Ml100kFixture.split("u1")[0], 60);
    try (DistributedCd cd = DistributedCd.start(userConfig(), train, null, null)) {
      int[] batch = Arrays.copyOf(cd.beginEpoch(), 20);

      assertThatThrownBy(() -> cd.applyChains(null))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("beginBatch");
      cd.beginBatch(batch);
      assertThatThrownBy(() -> cd.beginBatch(batch))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("not been applied");
    }
  }

  @Test
  void applyingMergedStatisticsEqualsTheSingleMachineUpdate() {
    Ratings train = firstUsers(Ml100kFixture.split("u1")[0], 150);
    RbmConfig config = userConfig();
    try (DistributedCd cd = DistributedCd.start(config, train, null, null);
        ChunkRunner runner = new ChunkRunner(1)) {
      RbmTrainer trainer = new RbmTrainer(config);
      var rows = trainer.rowsOf(train);
      RbmParameters reference = trainer.initialParameters(rows, 5);
      TrainingState single = new TrainingState(
          config, reference, rows, null, train.scale().values(), runner);
      int[] order = cd.beginEpoch();
      CdRowBlock[] halves = blocks(cd, 2);
      for (int from = 0; from < 60; from += 20) {
        int[] batch = Arrays.copyOfRange(order, from, from + 20);
        cd.beginBatch(batch);
        ParameterSnapshot p = cd.parameters();
        cd.applyBatch(DistributedCd.statistics(config, p, halves[0], batch, 1)
            .plus(DistributedCd.statistics(config, p, halves[1], batch, 1)), 20);
        single.update(order, from, from + 20, 1, 1, config.learningRate(1), config.momentum(1));
      }
      single.flush();
      cd.trainingState().flush();

      assertClose(cd.liveParameters().w, reference.w, 1e-6);
      assertClose(cd.liveParameters().b, reference.b, 1e-6);
      assertClose(cd.liveParameters().c, reference.c, 1e-6);
    }
  }

  @Test
  void threeEpochsOverTwoBlocksMatchTheSingleMachineTrainer() {
    Ratings[] u1 = Ml100kFixture.split("u1");
    Ratings train = firstUsers(u1[0], 120);
    Ratings implicit = firstUsers(u1[1], 120);
    RbmConfig config = RbmConfig.builder().orientation(Orientation.ITEM).hidden(10)
        .conditional(true).epochs(3).batchSize(40).chunkRows(4).sharedLearningRate(0.1)
        .averageEpochs(2).seed(3).threads(1).monitorRows(30).build();
    RbmParameters expected = new RbmTrainer(config).train(train, implicit, null,
        ConstantRecommender.globalMean(train), EpochListener.NONE, Progress.NONE).parameters();

    RbmModel model;
    try (DistributedCd cd = DistributedCd.start(config, train, implicit, null)) {
      CdRowBlock[] blocks = blocks(cd, 2);
      while (cd.completedEpochs() < config.epochs()) {
        int epoch = cd.completedEpochs() + 1;
        int[] order = cd.beginEpoch();
        for (int from = 0; from < order.length; from += config.batchSize()) {
          int[] batch = Arrays.copyOfRange(order, from,
              Math.min(order.length, from + config.batchSize()));
          cd.beginBatch(batch);
          ParameterSnapshot p = cd.parameters();
          CdStatistics sum = CdStatistics.empty(5, config.hidden(), true);
          for (CdRowBlock block : blocks) {
            sum = sum.plus(DistributedCd.statistics(config, p, block, batch, epoch));
          }
          cd.applyBatch(sum, batch.length);
        }
        assertThat(cd.endEpoch().metrics()).containsKeys("recon_error", "train_rmse");
      }
      model = cd.finish(ConstantRecommender.globalMean(train));
    }

    assertClose(model.parameters().weightsCopy(), expected.weightsCopy(), 1e-4);
    assertClose(model.parameters().visibleBiasesCopy(), expected.visibleBiasesCopy(), 1e-4);
    assertClose(model.parameters().hiddenBiasesCopy(), expected.hiddenBiasesCopy(), 1e-4);
    assertClose(model.parameters().implicitWeightsCopy(), expected.implicitWeightsCopy(), 1e-4);
  }

  @Test
  void anEpochIsReportedBeforeItsCheckpointIsSaved() {
    Ratings train = firstUsers(Ml100kFixture.split("u1")[0], 60);
    List<String> events = new java.util.ArrayList<>();
    CheckpointStore store = new CheckpointStore() {
      @Override
      public void save(TrainingCheckpoint checkpoint) {
        events.add("saved epoch " + checkpoint.epochsCompleted());
      }

      @Override
      public String location() {
        return "memory";
      }
    };
    TrainingControl control = new TrainingControl(store, null, null, java.util.Map.of());
    try (DistributedCd cd = DistributedCd.start(userConfig(), train, null, null, control)) {
      CdRowBlock all = cd.block(cd.activeRows());
      int[] order = cd.beginEpoch();
      for (int from = 0; from < order.length; from += 20) {
        int[] batch = Arrays.copyOfRange(order, from, Math.min(order.length, from + 20));
        int[] starts = cd.beginBatch(batch);
        cd.applyChains(DistributedCd.chains(cd.config(), cd.parameters(), all, batch, starts, 1));
      }
      cd.endEpoch(report -> events.add("reported epoch " + report.epoch()));
    }

    assertThat(events).containsExactly("reported epoch 1", "saved epoch 1");
  }

  @Test
  void persistentCdIsRefusedWithAReason() {
    Ratings train = firstUsers(Ml100kFixture.split("u1")[0], 20);
    RbmConfig config = userConfig().toBuilder().persistent(true).build();

    assertThatThrownBy(() -> DistributedCd.start(config, train, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("persistent CD");
  }

  @Test
  void aBatchMissingRowsIsRejected() {
    Ratings train = firstUsers(Ml100kFixture.split("u1")[0], 60);
    try (DistributedCd cd = DistributedCd.start(userConfig(), train, null, null)) {
      int[] batch = Arrays.copyOf(cd.beginEpoch(), 20);
      cd.beginBatch(batch);
      CdStatistics part = DistributedCd.statistics(
          cd.config(), cd.parameters(), blocks(cd, 2)[0], batch, 1);

      assertThatThrownBy(() -> cd.applyBatch(part, 20))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("missing rows");
    }
  }

  @Test
  void restoredProgressContinuesWithTheUninterruptedRunsRowOrder() {
    Ratings train = firstUsers(Ml100kFixture.split("u1")[0], 60);
    RbmConfig config = userConfig();
    int[] third;
    try (DistributedCd run = DistributedCd.start(config, train, null, null)) {
      for (int epoch = 1; epoch <= 2; epoch++) {
        run.beginEpoch();
        run.endEpoch();
      }
      third = run.beginEpoch();
    }
    try (DistributedCd resumed = DistributedCd.start(config, train, null, null)) {
      resumed.restoreProgress(2);

      assertThat(resumed.completedEpochs()).isEqualTo(2);
      assertThat(resumed.beginEpoch()).isEqualTo(third);
    }
  }
}
