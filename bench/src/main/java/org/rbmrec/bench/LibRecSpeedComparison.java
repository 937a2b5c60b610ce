package org.rbmrec.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.rbmrec.bench.librec.LibRecRbm;
import org.rbmrec.bench.librec.LibRecRunner;
import org.rbmrec.bench.librec.PeerResult;
import org.rbmrec.data.Ratings;
import org.rbmrec.data.split.RandomHoldout;
import org.rbmrec.data.split.Split;
import org.rbmrec.data.synth.SyntheticConfig;
import org.rbmrec.data.synth.SyntheticRatings;
import org.rbmrec.eval.ErrorMetrics;
import org.rbmrec.model.rbm.RbmConfig;
import org.rbmrec.model.rbm.RbmModel;
import org.rbmrec.progress.Progress;

/**
 * LibRec 2.0.0's {@code RBMRecommender} against rbmrec's user-based RBM, in one JVM, on a
 * synthetic set of ml-1m's shape ({@link SyntheticConfig#ml1mShape()}: 6,040 users, 3,706 items,
 * 1,000,209 ratings of 1–5 stars, scaled by a factor) split 90/10 at random. Both sides train
 * the same ratings for the same number of epochs with equal F and CD-1 (LibRec with its own
 * test settings, {@link LibRecRbm#defaults()}; rbmrec with its defaults, no per-epoch monitor),
 * and each is timed per epoch, training only; both are scored on the same held-out ratings.
 *
 * <p>Result keys: {@code data}, {@code n_users}, {@code n_items}, {@code n_ratings} (training),
 * {@code n_test}, {@code levels}, {@code hidden}, {@code epochs}, {@code librec_model},
 * {@code librec_epoch_seconds}, {@code librec_rmse}, {@code rbmrec_epoch_seconds},
 * {@code rbmrec_rmse}, {@code speedup_vs_librec} (LibRec's seconds per epoch over ours),
 * {@code rbmrec_threads}, {@code librec_threads} (1: LibRec's RBM is single-threaded),
 * {@code librec_note}.
 */
final class LibRecSpeedComparison {
  private LibRecSpeedComparison() {}

  /**
   * Runs the comparison.
   *
   * @param factor the shape's scale factor, in (0, 1]
   * @param hidden F on both sides
   * @param epochs epochs on both sides, ≥ 1
   */
  static Map<String, Object> run(double factor, int hidden, int epochs, int threads, long seed,
      Progress progress) {
    SyntheticConfig shape = SyntheticConfig.ml1mShape().withSeed(seed).scaled(factor);
    Ratings all = SyntheticRatings.generate(shape, Progress.NONE, threads).ratings();
    Split split = RandomHoldout.split(all, 0.1, seed);
    Ratings train = split.train();
    Ratings test = split.test();

    LibRecRbm model = LibRecRbm.defaults().withHiddenUnits(hidden).withEpochs(epochs);
    PeerResult peer = new LibRecRunner(seed).run(model, "ml1m-shape", train, test);

    RbmConfig config = RbmConfig.defaults().toBuilder().hidden(hidden).epochs(epochs).cdSteps(1)
        .monitorRows(0).seed(seed).threads(threads).build();
    EpochTimer.Timed ours = EpochTimer.time(train, null, config, 1, progress);
    double oursSeconds = ours.medianSeconds();
    double oursRmse = rmse(ours.model(), test);

    Map<String, Object> json = new LinkedHashMap<>();
    json.put("data", String.format(Locale.ROOT, "synthetic ml-1m shape × %s", factor));
    json.put("n_users", all.numUsers());
    json.put("n_items", all.numItems());
    json.put("n_ratings", train.size());
    json.put("n_test", test.size());
    json.put("levels", all.scale().levels());
    json.put("hidden", hidden);
    json.put("epochs", epochs);
    json.put("librec_model", peer.model());
    json.put("librec_epoch_seconds", peer.epochSeconds());
    json.put("librec_rmse", peer.rmse());
    json.put("rbmrec_epoch_seconds", oursSeconds);
    json.put("rbmrec_rmse", oursRmse);
    json.put("speedup_vs_librec", peer.epochSeconds() / oursSeconds);
    json.put("rbmrec_threads", threads);
    json.put("librec_threads", 1);
    json.put("librec_note", peer.note());
    return json;
  }

  private static double rmse(RbmModel model, Ratings test) {
    double[] predicted = model.predict(test.usersCopy(), test.itemsCopy()).values();
    double[] actual = new double[test.size()];
    for (int x = 0; x < actual.length; x++) {
      actual[x] = test.value(x);
    }
    return ErrorMetrics.rmse(predicted, actual);
  }
}
