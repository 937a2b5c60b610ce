package org.rbmrec.model.rbm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.rbmrec.data.Ml100kFixture;
import org.rbmrec.data.Ratings;

/** A seeded run gives bit-identical parameters whatever the thread count. */
class RbmReproducibilityTest {
  private static Ratings firstUsers(Ratings all, int users) {
    boolean[] keep = new boolean[all.size()];
    for (int x = 0; x < keep.length; x++) {
      keep[x] = all.user(x) < users;
    }
    return all.select(keep);
  }

  private static RbmParameters train(RbmConfig config, Ratings training, Ratings implicit) {
    return new RbmTrainer(config)
        .train(training, implicit, null, ConstantRecommender.globalMean(training),
            org.rbmrec.train.EpochListener.NONE, org.rbmrec.progress.Progress.NONE)
        .parameters();
  }

  private static void assertIdenticalAcrossThreads(RbmConfig config, Ratings train, Ratings imp) {
    RbmParameters one = train(config.toBuilder().threads(1).build(), train, imp);
    RbmParameters two = train(config.toBuilder().threads(2).build(), train, imp);
    RbmParameters three = train(config.toBuilder().threads(3).build(), train, imp);
    assertThat(Arrays.equals(one.weightsCopy(), two.weightsCopy())).isTrue();
    assertThat(Arrays.equals(one.weightsCopy(), three.weightsCopy())).isTrue();
    assertThat(Arrays.equals(one.visibleBiasesCopy(), three.visibleBiasesCopy())).isTrue();
    assertThat(Arrays.equals(one.hiddenBiasesCopy(), three.hiddenBiasesCopy())).isTrue();
    assertThat(Arrays.equals(one.implicitWeightsCopy(), three.implicitWeightsCopy())).isTrue();
  }

  @Test
  void userBasedCdIsBitIdenticalWithOneTwoAndThreeThreads() {
    Ratings[] u1 = Ml100kFixture.split("u1");
    RbmConfig config = RbmConfig.builder().orientation(Orientation.USER)
        .hidden(16).epochs(2).batchSize(20).chunkRows(3)
        .cdSchedule(java.util.List.of(new CdStage(1, 1), new CdStage(2, 3))).seed(99).build();
    assertIdenticalAcrossThreads(config, firstUsers(u1[0], 200), null);
  }

  @Test
  void itemBasedConditionalFactoredPersistentIsBitIdenticalWithOneTwoAndThreeThreads() {
    Ratings[] u1 = Ml100kFixture.split("u1");
    RbmConfig config = RbmConfig.builder().orientation(Orientation.ITEM).hidden(12).factors(4)
        .conditional(true).persistent(true).negativePhase(NegativePhase.PROBABILITIES)
        .epochs(2).batchSize(25).chunkRows(4).cdSteps(2).seed(5).build();
    assertIdenticalAcrossThreads(config, firstUsers(u1[0], 200), firstUsers(u1[1], 200));
  }

  @Test
  void chunkRowsChangeHowWorkIsSplitButNotTheWeights() {
    Ratings training = firstUsers(Ml100kFixture.split("u1")[0], 150);
    RbmConfig config = RbmConfig.builder().orientation(Orientation.USER).hidden(10).epochs(2)
        .batchSize(20).seed(13).threads(2).build();
    RbmParameters one = train(config.toBuilder().chunkRows(1).build(), training, null);
    RbmParameters seven = train(config.toBuilder().chunkRows(7).build(), training, null);
    assertThat(Arrays.equals(one.weightsCopy(), seven.weightsCopy())).isTrue();
    assertThat(Arrays.equals(one.visibleBiasesCopy(), seven.visibleBiasesCopy())).isTrue();
  }

  @Test
  void differentSeedsGiveDifferentWeights() {
    Ratings training = firstUsers(Ml100kFixture.split("u1")[0], 100);
    RbmConfig config = RbmConfig.builder().orientation(Orientation.USER)
        .hidden(8).epochs(1).threads(1).build();
    RbmParameters a = train(config.toBuilder().seed(1).build(), training, null);
    RbmParameters b = train(config.toBuilder().seed(2).build(), training, null);
    assertThat(Arrays.equals(a.weightsCopy(), b.weightsCopy())).isFalse();
  }

  @Test
  void averagingTheLastTwoEpochsGivesTheMeanOfThoseEpochsParameters() {
    Ratings training = firstUsers(Ml100kFixture.split("u1")[0], 100);
    RbmConfig config = RbmConfig.builder().orientation(Orientation.ITEM)
        .hidden(8).epochs(3).threads(1).monitorRows(0).build();
    float[] second = train(config.toBuilder().epochs(2).build(), training, null).weightsCopy();
    float[] third = train(config, training, null).weightsCopy();
    float[] averaged =
        train(config.toBuilder().averageEpochs(2).build(), training, null).weightsCopy();
    for (int x = 0; x < averaged.length; x++) {
      assertThat(averaged[x]).isEqualTo((float) (((double) second[x] + third[x]) / 2));
    }
  }
}
