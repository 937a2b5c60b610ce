package org.rbmrec.model.rbm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.rbmrec.data.IdIndex;
import org.rbmrec.data.RatingScale;
import org.rbmrec.data.Ratings;
import org.rbmrec.data.SparseRows;

/** Entries outside a row's training ratings never reach its statistics or its predictions. */
class RbmMaskingTest {
  private static final RatingScale SCALE = RatingScale.STARS_1_TO_5;

  // Users 0 and 1 over 6 items; user 0 rated items 0, 2, 5.
  private static Ratings ratings(int otherUsersLevelOfItem3) {
    int[] users = {0, 0, 0, 1, 1, 1};
    int[] items = {0, 2, 5, 1, 3, 4};
    byte[] levels = {4, 1, 3, 2, (byte) otherUsersLevelOfItem3, 0};
    return Ratings.of(users, items, levels, null, IdIndex.of("user", 10, 11),
        IdIndex.of("item", 20, 21, 22, 23, 24, 25), SCALE);
  }

  private static RbmParameters params() {
    return BruteForce.randomParameters(6, 5, 4, 0, false, 0.5, 9);
  }

  @Test
  void statisticsTouchOnlyTheRowsRatedEntries() {
    SparseRows rows = ratings(2).byUser();
    CdWorker worker = new CdWorker(params(), SCALE.values(), 3);
    worker.random.reseed(1, 1, 0);
    worker.accumulateRow(rows, null, 0, 3, NegativePhase.SAMPLED, null);
    int[] touched = Arrays.copyOf(worker.touched, worker.numTouched);
    Arrays.sort(touched);
    assertThat(touched).containsExactly(0, 2, 5);
  }

  @Test
  void changingARatingOutsideTheRowLeavesItsGradientBitIdentical() {
    RbmParameters p = params();
    CdWorker first = new CdWorker(p, SCALE.values(), 3);
    CdWorker second = new CdWorker(p, SCALE.values(), 3);
    first.random.reseed(1, 1, 0);
    first.accumulateRow(ratings(2).byUser(), null, 0, 2, NegativePhase.SAMPLED, null);
    second.random.reseed(1, 1, 0);
    second.accumulateRow(ratings(4).byUser(), null, 0, 2, NegativePhase.SAMPLED, null);
    assertThat(second.gw).isEqualTo(first.gw);
    assertThat(second.gb).isEqualTo(first.gb);
    assertThat(second.gc).isEqualTo(first.gc);
  }

  @Test
  void changingARatingOutsideTheRowLeavesItsPredictionsUnchanged() {
    RbmConfig config = RbmConfig.builder().orientation(Orientation.USER)
        .hidden(4).threads(1).build();
    RbmModel a = new RbmModel(config, params(), SCALE, ratings(2).byUser(), null,
        new ConstantRecommender(SCALE, 2, 6, 3.0));
    RbmModel b = new RbmModel(config, params(), SCALE, ratings(4).byUser(), null,
        new ConstantRecommender(SCALE, 2, 6, 3.0));
    for (int item = 0; item < 6; item++) {
      assertThat(b.predictMeanField(0, item)).isEqualTo(a.predictMeanField(0, item));
      assertThat(b.predictExact(0, item)).isEqualTo(a.predictExact(0, item));
    }
  }

  @Test
  void validationAndImplicitValuesNeverReachTraining() {
    Ratings training = ratings(2);
    // User 0's held-out rating of item 3, with two different values.
    Ratings heldOutLow = Ratings.of(new int[] {0}, new int[] {3}, new byte[] {0}, null,
        training.userIds(), training.itemIds(), SCALE);
    Ratings heldOutHigh = Ratings.of(new int[] {0}, new int[] {3}, new byte[] {4}, null,
        training.userIds(), training.itemIds(), SCALE);
    RbmConfig config = RbmConfig.builder().orientation(Orientation.USER)
        .hidden(4).epochs(3).batchSize(2).conditional(true)
        .threads(1).build();
    ConstantRecommender fallback = new ConstantRecommender(SCALE, 2, 6, 3.0);
    RbmTrainer trainer = new RbmTrainer(config);
    RbmModel low = trainer.train(training, heldOutLow, heldOutLow, fallback,
        org.rbmrec.train.EpochListener.NONE, org.rbmrec.progress.Progress.NONE);
    RbmModel high = trainer.train(training, heldOutHigh, heldOutHigh, fallback,
        org.rbmrec.train.EpochListener.NONE, org.rbmrec.progress.Progress.NONE);
    assertThat(high.parameters().weightsCopy()).isEqualTo(low.parameters().weightsCopy());
    assertThat(high.parameters().implicitWeightsCopy())
        .isEqualTo(low.parameters().implicitWeightsCopy());
    assertThat(high.predict(0, 3)).isEqualTo(low.predict(0, 3));
  }
}
