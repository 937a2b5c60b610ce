package org.rbmrec.model.rbm;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.rbmrec.data.Ml100kFixture;
import org.rbmrec.data.Ratings;
import org.rbmrec.model.Predictions;
import org.rbmrec.model.baseline.BiasBaseline;
import org.rbmrec.model.baseline.BiasConfig;
import org.rbmrec.progress.Progress;
import org.rbmrec.train.EpochListener;

/**
 * Developer tool, not a test: trains one RBM on ml-100k u1 and prints one JSON line with the
 * RMSE and the training time. With {@code mode=valid} it trains on 90% of u1.base and evaluates
 * on the other 10% (seeded), for choosing hyperparameters; with {@code mode=test} it trains on
 * u1.base and evaluates on u1.test. The fallback, and the reference {@code bias_rmse}, is the
 * bias baseline with its defaults, as in the command line's pipeline.
 *
 * <p>Arguments: {@code mode key=value…}, where keys are {@link RbmConfig} property names
 * (for example {@code orientation=ITEM hidden=100 epochs=40 learningRate=0.1
 * negativePhase=PROBABILITIES cdSchedule=1:1,20:3,35:5}). Run from the repository root after
 * {@code mvn -o -q test-compile -pl core}:
 *
 * <pre>
 *   java -Drbmrec.sharedData=../shared/data -cp core/target/classes:core/target/test-classes \
 *     org.rbmrec.model.rbm.U1Experiment test orientation=ITEM
 * </pre>
 *
 * <p>With {@code -Dtrace} each epoch's training, validation and reconstruction RMSE go to
 * standard error.
 */
public final class U1Experiment {
  private U1Experiment() {}

  public static void main(String[] args) {
    if (args.length < 1 || !(args[0].equals("valid") || args[0].equals("test"))) {
      System.err.println("usage: U1Experiment valid|test [key=value ...]");
      System.exit(2);
    }
    Map<String, String> properties = new LinkedHashMap<>(RbmConfig.defaults().toProperties());
    for (int a = 1; a < args.length; a++) {
      int eq = args[a].indexOf('=');
      if (eq <= 0 || !properties.containsKey(args[a].substring(0, eq))) {
        System.err.println("unknown setting '" + args[a] + "'; keys: " + properties.keySet());
        System.exit(2);
      }
      properties.put(args[a].substring(0, eq), args[a].substring(eq + 1));
    }
    RbmConfig config = RbmConfig.fromProperties(properties);
    Ratings[] u1 = Ml100kFixture.split("u1");
    Ratings training = u1[0];
    Ratings evaluation = u1[1];
    if (args[0].equals("valid")) {
      boolean[] keep = new boolean[training.size()];
      boolean[] held = new boolean[training.size()];
      SplittableRandom random = new SplittableRandom(7);
      for (int x = 0; x < keep.length; x++) {
        keep[x] = random.nextDouble() >= 0.1;
        held[x] = !keep[x];
      }
      evaluation = training.select(held);
      training = training.select(keep);
    }
    BiasBaseline bias = BiasBaseline.fit(training, BiasConfig.defaults(), EpochListener.NONE);
    double biasSse = 0;
    for (int x = 0; x < evaluation.size(); x++) {
      double e = bias.predict(evaluation.user(x), evaluation.item(x)) - evaluation.value(x);
      biasSse += e * e;
    }
    double[] best = {Double.POSITIVE_INFINITY, 0};
    long start = System.nanoTime();
    RbmModel model = new RbmTrainer(config).train(training,
        config.conditional() ? evaluation : null, evaluation,
        bias, report -> {
          if (System.getProperty("trace") != null) {
            System.err.printf(Locale.ROOT, "epoch %d train %.4f valid %.4f recon %.4f%n",
                report.epoch(), report.metric("train_rmse"), report.metric("valid_rmse"),
                report.metric("recon_error"));
          }
          if (report.metric("valid_rmse") < best[0]) {
            best[0] = report.metric("valid_rmse");
            best[1] = report.epoch();
          }
        }, Progress.NONE);
    double seconds = (System.nanoTime() - start) / 1e9;
    Predictions predictions = model.predict(evaluation.usersCopy(), evaluation.itemsCopy());
    double sse = 0;
    double exact = 0;
    for (int x = 0; x < evaluation.size(); x++) {
      double e = predictions.values()[x] - evaluation.value(x);
      sse += e * e;
      double ex = model.predictExact(evaluation.user(x), evaluation.item(x)) - evaluation.value(x);
      exact += ex * ex;
    }
    StringBuilder json = new StringBuilder("{\"mode\":\"").append(args[0]).append('"');
    json.append(",\"model\":\"").append(model.name()).append('"');
    json.append(String.format(Locale.ROOT, ",\"rmse\":%.4f,\"rmse_exact\":%.4f",
        Math.sqrt(sse / evaluation.size()), Math.sqrt(exact / evaluation.size())));
    json.append(String.format(Locale.ROOT, ",\"best_epoch_rmse\":%.4f,\"best_epoch\":%d",
        best[0], (int) best[1]));
    json.append(String.format(Locale.ROOT, ",\"bias_rmse\":%.4f",
        Math.sqrt(biasSse / evaluation.size())));
    json.append(",\"fallbacks\":").append(predictions.fallbackCount());
    json.append(String.format(Locale.ROOT, ",\"train_seconds\":%.1f", seconds));
    json.append(",\"config\":{");
    boolean first = true;
    for (Map.Entry<String, String> e : config.toProperties().entrySet()) {
      json.append(first ? "" : ",").append('"').append(e.getKey()).append("\":\"")
          .append(e.getValue()).append('"');
      first = false;
    }
    System.out.println(json.append("}}"));
  }
}
