package org.rbmrec.model.rbm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rbmrec.data.DataException;
import org.rbmrec.data.Ml100kFixture;
import org.rbmrec.data.Ratings;
import org.rbmrec.model.io.AtomicFiles;
import org.rbmrec.model.io.CheckpointFiles;
import org.rbmrec.progress.Progress;
import org.rbmrec.train.EpochListener;
import org.rbmrec.train.EpochReport;
import org.rbmrec.train.StopRequest;
import org.rbmrec.train.TrainingDivergedException;
import org.rbmrec.train.TrainingStoppedException;

/**
 * Checkpoints: an interrupted run resumed from its checkpoint file ends with the parameters of
 * a run never interrupted, bit for bit; mismatched resumes are refused; a failed write keeps the
 * previous checkpoint; divergence stops training and keeps the last good checkpoint.
 */
class RbmCheckpointTest {
  @TempDir
  Path dir;

  private static Ratings firstUsers(Ratings all, int users) {
    boolean[] keep = new boolean[all.size()];
    for (int x = 0; x < keep.length; x++) {
      keep[x] = all.user(x) < users;
    }
    return all.select(keep);
  }

  private static final Ratings TRAIN = firstUsers(Ml100kFixture.split("u1")[0], 120);
  private static final Ratings TEST = firstUsers(Ml100kFixture.split("u1")[1], 120);

  /** User-based CD-2 with momentum 0.9 from epoch 3 and the shared weights S. */
  private static RbmConfig sharedWithMomentum() {
    return RbmConfig.builder().orientation(Orientation.USER).hidden(8).epochs(4).batchSize(16)
        .chunkRows(4).cdSteps(2).momentumStart(0.5).momentumEnd(0.9).momentumSwitchEpoch(3)
        .learningRateDecay(0.9).sharedLearningRate(0.01).monitorRows(20).seed(3).threads(1)
        .build();
  }

  /** Item-based persistent CD with sampled visibles and averaging over the last 3 epochs. */
  private static RbmConfig persistent() {
    return RbmConfig.builder().orientation(Orientation.ITEM).hidden(6).epochs(4).batchSize(64)
        .chunkRows(8).persistent(true).negativePhase(NegativePhase.SAMPLED).momentumEnd(0.9)
        .momentumSwitchEpoch(2).averageEpochs(3).monitorRows(20).seed(4).threads(1).build();
  }

  /** Item-based conditional RBM with momentum from epoch 2. */
  private static RbmConfig conditional() {
    return RbmConfig.builder().orientation(Orientation.ITEM).hidden(6).epochs(4).batchSize(64)
        .chunkRows(8).conditional(true).momentumEnd(0.9).momentumSwitchEpoch(2)
        .monitorRows(20).seed(5).threads(1).build();
  }

  /** Item-based factored RBM. */
  private static RbmConfig factored() {
    return RbmConfig.builder().orientation(Orientation.ITEM).hidden(6).factors(3).epochs(4)
        .batchSize(64).chunkRows(8).momentumEnd(0.9).momentumSwitchEpoch(2).monitorRows(20)
        .seed(6).threads(1).build();
  }

  private static Stream<RbmConfig> variants() {
    return Stream.of(sharedWithMomentum(), persistent(), conditional(), factored());
  }

  private RbmModel train(RbmConfig config, TrainingControl control, EpochListener listener) {
    return new RbmTrainer(config).train(TRAIN, config.conditional() ? TEST : null, TEST,
        ConstantRecommender.globalMean(TRAIN), listener, Progress.NONE, control);
  }

  private static void assertSameParameters(RbmModel a, RbmModel b) {
    RbmParameters p = a.parameters();
    RbmParameters q = b.parameters();
    assertThat(Arrays.equals(p.weightsCopy(), q.weightsCopy())).as("W").isTrue();
    assertThat(Arrays.equals(p.visibleBiasesCopy(), q.visibleBiasesCopy())).as("b").isTrue();
    assertThat(Arrays.equals(p.hiddenBiasesCopy(), q.hiddenBiasesCopy())).as("c").isTrue();
    assertThat(Arrays.equals(p.implicitWeightsCopy(), q.implicitWeightsCopy())).as("D").isTrue();
  }

  /** Answers true from its {@code n}-th poll on. */
  private static BooleanSupplier stopAtPoll(int n) {
    int[] polls = {0};
    return () -> ++polls[0] >= n;
  }

  private TrainingStoppedException stopped(RbmConfig config, Path file, BooleanSupplier stop) {
    TrainingControl control =
        new TrainingControl(CheckpointFiles.store(file), null, stop, Map.of());
    try {
      train(config, control, EpochListener.NONE);
    } catch (TrainingStoppedException e) {
      return e;
    }
    throw new AssertionError("training was not stopped");
  }

  private RbmModel resumed(RbmConfig config, Path file) {
    TrainingControl control = new TrainingControl(
        CheckpointFiles.store(file), CheckpointFiles.read(file), null, Map.of());
    return train(config, control, EpochListener.NONE);
  }

  @Test
  void stoppingAfterTwoEpochsAndResumingGivesTheParametersOfAnUninterruptedRun() {
    List<RbmConfig> configs = variants().toList();
    for (int v = 0; v < configs.size(); v++) {
      RbmConfig config = configs.get(v);
      RbmModel straight = train(config, TrainingControl.none(), EpochListener.NONE);
      Path file = dir.resolve("epochs-" + v + ".safetensors");
      StopRequest stop = new StopRequest();
      TrainingControl control =
          new TrainingControl(CheckpointFiles.store(file), null, stop, Map.of());
      assertThatThrownBy(() -> train(config, control, report -> {
        if (report.epoch() == 2) {
          stop.request();
        }
      })).isInstanceOfSatisfying(TrainingStoppedException.class, e -> {
        assertThat(e.epochsCompleted()).isEqualTo(2);
        assertThat(e.rowsDone()).isZero();
        assertThat(e.checkpoint()).isEqualTo(file.toString());
      });
      assertThat(CheckpointFiles.read(file).epochsCompleted()).isEqualTo(2);
      assertSameParameters(resumed(config.toBuilder().threads(2).build(), file), straight);
    }
  }

  @Test
  void stoppingInTheMiddleOfAnEpochAndResumingGivesTheParametersOfAnUninterruptedRun() {
    List<RbmConfig> configs = variants().toList();
    for (int v = 0; v < configs.size(); v++) {
      RbmConfig config = configs.get(v);
      RbmModel straight = train(config, TrainingControl.none(), EpochListener.NONE);
      Path file = dir.resolve("mid-" + v + ".safetensors");
      // Poll 1 is the top of epoch 1, then one per batch boundary: poll 3 stops before the
      // third batch of epoch 1.
      TrainingStoppedException e = stopped(config, file, stopAtPoll(3));
      assertThat(e.epochsCompleted()).isZero();
      assertThat(e.rowsDone()).isEqualTo(2 * config.batchSize());
      assertSameParameters(resumed(config, file), straight);
    }
  }

  @Test
  void aResumedRunCanBeStoppedAndResumedAgain() {
    RbmConfig config = sharedWithMomentum();
    RbmModel straight = train(config, TrainingControl.none(), EpochListener.NONE);
    Path file = dir.resolve("twice.safetensors");
    stopped(config, file, stopAtPoll(5));
    TrainingControl again = new TrainingControl(
        CheckpointFiles.store(file), CheckpointFiles.read(file), stopAtPoll(9), Map.of());
    assertThatThrownBy(() -> train(config, again, EpochListener.NONE))
        .isInstanceOf(TrainingStoppedException.class);
    assertThat(CheckpointFiles.read(file).epochsCompleted()).isGreaterThanOrEqualTo(1);
    assertSameParameters(resumed(config, file), straight);
  }

  @Test
  void aFinishedRunContinuesToMoreEpochsAsIfTrainedStraight() {
    // Averaging over more epochs than trained: the 2-epoch run sums epochs 1..2, which is also
    // where the 4-epoch window starts.
    for (RbmConfig config : List.of(sharedWithMomentum(),
        persistent().toBuilder().averageEpochs(10).build())) {
      Path file = dir.resolve("finished-" + config.seed() + ".safetensors");
      train(config.toBuilder().epochs(2).build(),
          new TrainingControl(CheckpointFiles.store(file), null, null, Map.of()),
          EpochListener.NONE);
      assertThat(CheckpointFiles.read(file).epochsCompleted()).isEqualTo(2);
      RbmModel straight = train(config, TrainingControl.none(), EpochListener.NONE);
      assertSameParameters(resumed(config, file), straight);
    }
  }

  @Test
  void aResumedRunReportsOnlyTheEpochsAfterTheCheckpoint() {
    RbmConfig config = sharedWithMomentum();
    Path file = dir.resolve("reports.safetensors");
    stopped(config, file, stopAtPoll(3));
    List<Integer> epochs = new ArrayList<>();
    train(config, new TrainingControl(null, CheckpointFiles.read(file), null, Map.of()),
        report -> epochs.add(report.epoch()));
    assertThat(epochs).containsExactly(1, 2, 3, 4);
    Path second = dir.resolve("reports2.safetensors");
    stopped(config, second, stopAtPoll(1 + 2 * 8 + 1));
    epochs.clear();
    train(config, new TrainingControl(null, CheckpointFiles.read(second), null, Map.of()),
        report -> epochs.add(report.epoch()));
    assertThat(epochs).containsExactly(3, 4);
  }

  @Test
  void resumingOnOtherDataIsRefusedNamingTheDifference() {
    RbmConfig config = sharedWithMomentum();
    Path file = dir.resolve("data.safetensors");
    stopped(config, file, stopAtPoll(3));
    TrainingControl control =
        new TrainingControl(null, CheckpointFiles.read(file), null, Map.of());
    Ratings other = firstUsers(Ml100kFixture.split("u2")[0], 120);
    assertThatThrownBy(() -> new RbmTrainer(config).train(other, null, TEST,
        ConstantRecommender.globalMean(other), EpochListener.NONE, Progress.NONE, control))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("data differ")
        .hasMessageContaining("train.hash");
  }

  @Test
  void resumingWithAnotherRunFactIsRefusedNamingIt() {
    RbmConfig config = sharedWithMomentum();
    Path file = dir.resolve("facts.safetensors");
    train(config.toBuilder().epochs(1).build(), new TrainingControl(
        CheckpointFiles.store(file), null, null, Map.of("split", "u1")), EpochListener.NONE);
    TrainingControl control = new TrainingControl(
        null, CheckpointFiles.read(file), null, Map.of("split", "u2"));
    assertThatThrownBy(() -> train(config, control, EpochListener.NONE))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("run.split (checkpoint u1, now u2)");
  }

  @Test
  void resumingWithAnotherHyperparameterIsRefusedNamingIt() {
    RbmConfig config = sharedWithMomentum();
    Path file = dir.resolve("hyper.safetensors");
    stopped(config, file, stopAtPoll(3));
    TrainingControl control =
        new TrainingControl(null, CheckpointFiles.read(file), null, Map.of());
    assertThatThrownBy(() -> train(config.toBuilder().learningRate(0.05).hidden(9).build(),
        control, EpochListener.NONE))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("hidden (checkpoint 8, now 9)")
        .hasMessageContaining("learningRate (checkpoint 0.1, now 0.05)")
        .hasMessageContaining("only epochs and threads may change");
  }

  @Test
  void resumingAFinishedRunWithoutMoreEpochsSaysThereIsNothingToResume() {
    RbmConfig config = sharedWithMomentum().toBuilder().epochs(1).build();
    Path file = dir.resolve("done.safetensors");
    train(config, new TrainingControl(CheckpointFiles.store(file), null, null, Map.of()),
        EpochListener.NONE);
    assertThatThrownBy(() -> resumed(config, file))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("finished all 1 epochs");
  }

  @Test
  void resumingWithAnAveragingWindowTheCheckpointCannotProvideIsRefused() {
    RbmConfig config = persistent();
    Path file = dir.resolve("window.safetensors");
    train(config, new TrainingControl(CheckpointFiles.store(file), null, null, Map.of()),
        EpochListener.NONE);
    // Epochs 2..4 were summed; with 5 epochs the window is 3..5.
    assertThatThrownBy(() -> resumed(config.toBuilder().epochs(5).build(), file))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("epochs 2 to 4")
        .hasMessageContaining("at least epochs=7");
  }

  @Test
  void aStopWithoutACheckpointStoreSaysNoCheckpointWasWritten() {
    TrainingControl control = new TrainingControl(null, null, stopAtPoll(2), Map.of());
    assertThatThrownBy(() -> train(sharedWithMomentum(), control, EpochListener.NONE))
        .isInstanceOfSatisfying(TrainingStoppedException.class,
            e -> assertThat(e.checkpoint()).isNull())
        .hasMessageContaining("no checkpoint was written");
  }

  @Test
  void aCheckpointWriteFailingMidwayLeavesThePreviousCheckpointIntact() throws IOException {
    RbmConfig config = sharedWithMomentum();
    Path file = dir.resolve("checkpoint.safetensors");
    CheckpointStore real = CheckpointFiles.store(file);
    CheckpointStore failingAtEpoch3 = new CheckpointStore() {
      @Override
      public void save(TrainingCheckpoint checkpoint) {
        if (checkpoint.epochsCompleted() < 3) {
          real.save(checkpoint);
          return;
        }
        AtomicFiles.write(file, out -> CheckpointFiles.write(new DiskFullAfter(out, 4096),
            checkpoint));
      }

      @Override
      public String location() {
        return real.location();
      }
    };
    assertThatThrownBy(() -> train(config,
        new TrainingControl(failingAtEpoch3, null, null, Map.of()), EpochListener.NONE))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("disk full");
    assertThat(CheckpointFiles.read(file).epochsCompleted()).isEqualTo(2);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactly("checkpoint.safetensors");
    }
    assertSameParameters(resumed(config, file),
        train(config, TrainingControl.none(), EpochListener.NONE));
  }

  @Test
  void aHugeLearningRateStopsWithDivergenceNamingEpochCauseAndTheLastGoodCheckpoint() {
    RbmConfig config = sharedWithMomentum().toBuilder().learningRate(10).weightDecay(0.9)
        .epochs(20).build();
    Path file = dir.resolve("diverge.safetensors");
    List<EpochReport> reports = new ArrayList<>();
    assertThatThrownBy(() -> train(config,
        new TrainingControl(CheckpointFiles.store(file), null, null, Map.of()), reports::add))
        .isInstanceOfSatisfying(TrainingDivergedException.class, e -> {
          assertThat(e.epoch()).isEqualTo(reports.size() + 1);
          assertThat(e.getMessage())
              .contains("diverged in epoch " + e.epoch())
              .contains("try learningRate=1.0")
              .doesNotContain("\n");
          assertThat(e.epoch()).isGreaterThan(1);
          assertThat(e.lastGoodCheckpoint()).startsWith(file.toString());
          assertThat(e.getMessage()).contains(file.toString());
        });
    assertThat(reports).isNotEmpty();
    TrainingCheckpoint kept = CheckpointFiles.read(file);
    assertThat(kept.epochsCompleted()).isEqualTo(reports.size());
    for (Object array : kept.arrays().values()) {
      if (array instanceof float[] values) {
        for (float x : values) {
          assertThat(Float.isFinite(x)).isTrue();
        }
      }
    }
  }

  /** An output stream that fails like a full disk after {@code limit} bytes. */
  private static final class DiskFullAfter extends FilterOutputStream {
    private long left;

    DiskFullAfter(OutputStream out, long limit) {
      super(out);
      this.left = limit;
    }

    @Override
    public void write(int b) throws IOException {
      if (--left < 0) {
        throw new IOException("disk full");
      }
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      for (int x = 0; x < len; x++) {
        write(b[off + x]);
      }
    }
  }
}
