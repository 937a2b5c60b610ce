package org.rbmrec.model.rbm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.rbmrec.bench.DenseReferenceRbm;
import org.rbmrec.data.Ratings;
import org.rbmrec.data.SparseRows;
import org.rbmrec.data.synth.SyntheticConfig;
import org.rbmrec.data.synth.SyntheticRatings;
import org.rbmrec.model.baseline.GlobalMean;
import org.rbmrec.progress.Progress;
import org.junit.jupiter.api.Test;

/**
 * The dense reference of {@code rbmrec bench speed} computes the same CD-1 update as rbmrec's
 * sparse trainer. This test lives in rbmrec's RBM package (in the bench module's tests) to seed
 * both with the trainer's own initial parameters and per-row random streams.
 */
class DenseReferenceAgreementTest {
  private static final long SEED = 7L;

  @Test
  void oneDenseCd1UpdateWithProbabilitiesEqualsTheSparseTrainers() {
    Ratings ratings = SyntheticRatings.generate(
        SyntheticConfig.ml20mShape().withShape(12, 9, 50, 2).withSeed(3L), Progress.NONE, 1)
        .ratings();
    SparseRows rows = ratings.byUser();
    int active = 0;
    for (int r = 0; r < rows.numRows(); r++) {
      active += rows.rowLength(r) > 0 ? 1 : 0;
    }
    RbmConfig config = RbmConfig.defaults().toBuilder()
        .orientation(Orientation.USER).hidden(6).epochs(1).batchSize(active).chunkRows(3)
        .cdSteps(1).negativePhase(NegativePhase.PROBABILITIES).learningRate(0.5)
        .momentumStart(0.5).momentumEnd(0.5).weightDecay(0.01).initSigma(0.3)
        .seed(SEED).threads(1).monitorRows(0).build();
    RbmTrainer trainer = new RbmTrainer(config);
    int k = ratings.scale().levels();
    RbmParameters initial = trainer.initialParameters(rows, k);
    RbmParameters trained =
        trainer.train(ratings, GlobalMean.fit(ratings)).internalParameters();

    DenseReferenceRbm dense = new DenseReferenceRbm(
        rows.numColumns(), k, 6, initial.w, initial.b, initial.c);
    int[] batch = new int[active];
    for (int r = 0, x = 0; r < rows.numRows(); r++) {
      if (rows.rowLength(r) > 0) {
        batch[x++] = r;
      }
    }
    RowRandom random = new RowRandom();
    dense.update(rows, batch, 0, active, 1, (epoch, row, out) -> {
      random.reseed(SEED, epoch, row);
      for (int j = 0; j < out.length; j++) {
        out[j] = random.nextFloat();
      }
    }, 0.5f, 0.5f, 0.01f, 2);

    assertThat(dense.weights()).containsExactly(trained.w, within(1e-5f));
    assertThat(dense.visibleBiases()).containsExactly(trained.b, within(1e-5f));
    assertThat(dense.hiddenBiases()).containsExactly(trained.c, within(1e-5f));
    assertThat(trained.w).isNotEqualTo(initial.w);
  }
}
