package org.rbmrec.bench.librec;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import net.librec.common.LibrecException;
import net.librec.conf.Configuration;
import net.librec.data.model.TextDataModel;
import net.librec.eval.rating.MAEEvaluator;
import net.librec.eval.rating.RMSEEvaluator;
import net.librec.math.algorithm.Randoms;
import net.librec.recommender.AbstractRecommender;
import net.librec.recommender.RecommenderContext;
import net.librec.recommender.item.RecommendedItem;
import org.rbmrec.data.MalformedDataException;
import org.rbmrec.data.Ratings;

/**
 * Runs one LibRec 2.0.0 recommender on one official ml-100k fold, the way LibRec's own job runner
 * would with the {@code testset} splitter, and scores it.
 *
 * <p>Steps: copy the fold's two files into a fresh temporary folder (LibRec reads every file under
 * {@code data.input.path} and takes the pairs listed in {@code data.testset.path} out as the test
 * set); seed LibRec's shared random generator with {@code seed} as its {@code RecommenderJob}
 * does; build a {@code TextDataModel}; call {@code recommend(context)}, which sets up, trains and
 * predicts every test pair; delete the folder.
 *
 * <p>Scores: RMSE and MAE are computed here, from LibRec's final predictions (after its clamping
 * to [1, 5] and its NaN → global-mean substitution) joined by raw user and item id with the
 * ratings read from the fold's test file; LibRec's {@code RMSEEvaluator} and {@code MAEEvaluator}
 * are run too and any disagreement beyond 1e-9 is written in the note. The raw predictions before
 * LibRec's clamping are summarised in {@link PredictionStats} so that degenerate output is
 * reported rather than hidden.
 *
 * <p>Timing: {@code fitSeconds} is the wall-clock time of LibRec's {@code trainModel()} alone.
 * Epochs are counted through LibRec's per-epoch convergence check for the SGD models; LibRec's RBM
 * has no such check and no early exit, so its configured epochs are reported.
 *
 * <p>LibRec keeps state in statics (its random generator, the rating scale), so runs are
 * serialised on one lock; do not run LibRec from other threads at the same time.
 */
public final class LibRecRunner {
  /** The peer library, as reported in {@link PeerResult#library()}. */
  public static final String LIBRARY = "LibRec 2.0.0";

  private static final Object LIBREC_STATICS = new Object();
  private static final double AGREEMENT = 1e-9;
  private static final double LOWEST = 1;
  private static final double HIGHEST = 5;

  private final long seed;

  /**
   * @param seed LibRec's {@code rec.random.seed}: seeds its shared generator, used for the factor
   *     initialisation and the SGD/RBM user order
   */
  public LibRecRunner(long seed) {
    this.seed = seed;
  }

  /**
   * Trains {@code model} on {@code fold.base()} and scores it on {@code fold.test()}.
   *
   * @throws org.rbmrec.data.DataException if a fold file cannot be read
   * @throws IllegalStateException if LibRec fails (its exception is the cause)
   */
  public PeerResult run(LibRecModel model, OfficialFold fold) {
    return run(model, fold.name(), fold.base(), fold.test());
  }

  /**
   * Trains {@code model} on the ratings file {@code base} and scores it on {@code test}, both
   * in the official ml-100k file format (tab-separated {@code user item rating}, a timestamp
   * column allowed, 1–5 stars), the pair called {@code name} in the result.
   *
   * @throws org.rbmrec.data.DataException if a file cannot be read
   * @throws IllegalStateException if LibRec fails (its exception is the cause)
   */
  public PeerResult run(LibRecModel model, String name, Path base, Path test) {
    return runStaged(model, name, folder -> {
      Map<String, Double> truth = readTestRatings(test); // errors name the caller's file
      Files.copy(base, folder.resolve(base.getFileName()));
      Files.copy(test, folder.resolve(test.getFileName()));
      return new Staged(test.getFileName(), truth);
    });
  }

  /**
   * Trains {@code model} on {@code train} and scores it on {@code test} (1–5 stars, raw ids),
   * written for LibRec as {@code <name>.base} and {@code <name>.test} straight into its staging
   * folder.
   *
   * @throws UncheckedIOException if the files cannot be written
   * @throws IllegalStateException if LibRec fails (its exception is the cause)
   */
  public PeerResult run(LibRecModel model, String name, Ratings train, Ratings test) {
    return runStaged(model, name, folder -> {
      writeTabSeparated(train, folder.resolve(name + ".base"));
      Path file = writeTabSeparated(test, folder.resolve(name + ".test"));
      return new Staged(file.getFileName(), readTestRatings(file));
    });
  }

  /** Puts a training and a test file into a folder. */
  @FunctionalInterface
  private interface Staging {
    Staged stage(Path folder) throws IOException;
  }

  /** The staged test file's name and its ratings, by user and item id. */
  private record Staged(Path testFile, Map<String, Double> truth) {}

  /** The ratings as LibRec's text format reads them: {@code user<TAB>item<TAB>stars}. */
  private static Path writeTabSeparated(Ratings ratings, Path file) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
      for (int x = 0; x < ratings.size(); x++) {
        out.write(Long.toString(ratings.userIds().rawId(ratings.user(x))));
        out.write('\t');
        out.write(Long.toString(ratings.itemIds().rawId(ratings.item(x))));
        out.write('\t');
        out.write(Long.toString(Math.round(ratings.value(x))));
        out.write('\n');
      }
    }
    return file;
  }

  /**
   * Stages the pair called {@code name} in a fresh temporary folder (LibRec reads every file
   * under {@code data.input.path}), runs and scores {@code model}, and deletes the folder.
   */
  private PeerResult runStaged(LibRecModel model, String name, Staging staging) {
    synchronized (LIBREC_STATICS) {
      LibRecLogging.silence();
      Path stage = null;
      try {
        stage = Files.createTempDirectory("rbmrec-librec-");
        Staged staged = staging.stage(Files.createDirectory(stage.resolve(name)));
        return runStaged(model, name, staged.testFile(), stage, staged.truth());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot stage " + name + " for LibRec", e);
      } catch (LibrecException e) {
        throw new IllegalStateException(
            "LibRec failed running " + model.kind().librecClass() + " on " + name + ": "
                + e.getMessage(), e);
      } finally {
        deleteQuietly(stage);
      }
    }
  }

  private PeerResult runStaged(LibRecModel model, String name, Path testFile, Path stage,
      Map<String, Double> truth) throws IOException, LibrecException {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("dfs.data.dir", stage.toString());
    settings.put("data.input.path", name);
    settings.put("data.model.splitter", "testset");
    settings.put("data.testset.path", name + "/" + testFile);
    settings.put("data.model.format", "text");
    settings.put("data.column.format", "UIR");
    settings.put("data.convert.binarize.threshold", "-1.0");
    settings.put("rec.recommender.isranking", "false");
    settings.put("rec.recommender.earlystop", "false");
    settings.put("rec.recommender.verbose", "false");
    settings.put("rec.random.seed", Long.toString(seed));
    Configuration conf = new Configuration();
    settings.forEach(conf::set);
    model.properties().forEach(conf::set);

    Randoms.seed(seed);
    TextDataModel data = new TextDataModel(conf);
    data.buildDataModel();
    RecommenderContext context = new RecommenderContext(conf, data);
    TrainingProbe probe = new TrainingProbe();
    AbstractRecommender recommender = ProbedRecommenders.create(model.kind(), probe);
    recommender.recommend(context);

    List<String> notes = new ArrayList<>();
    Score score = score(recommender.getRecommendedList(), truth, notes);
    double librecRmse = recommender.evaluate(new RMSEEvaluator());
    double librecMae = recommender.evaluate(new MAEEvaluator());
    if (!(Math.abs(librecRmse - score.rmse) <= AGREEMENT)
        || !(Math.abs(librecMae - score.mae) <= AGREEMENT)) {
      notes.add(String.format(Locale.ROOT,
          "LibRec's own evaluators disagree: RMSE %.6f, MAE %.6f", librecRmse, librecMae));
    }
    PredictionStats stats =
        PredictionStats.of(probe.rawPredictions(), score.testMean, LOWEST, HIGHEST);
    notes.add(0, stats.describe());
    if (model.kind() == LibRecModel.Kind.RBM) {
      notes.add(rbmOffByOneDiagnostic(recommender, probe, truth));
      notes.add("LibRec's RBM samples hidden states and initialises the biases of unrated"
          + " items from an unseeded java.util.Random, so rec.random.seed does not make it"
          + " reproducible");
    }

    int epochs = model.kind() == LibRecModel.Kind.RBM ? model.epochs() : probe.epochsCounted();
    double fitSeconds = probe.trainSeconds();
    Map<String, String> hyperparameters = new LinkedHashMap<>(model.properties());
    hyperparameters.put("rec.random.seed", Long.toString(seed));
    return new PeerResult(LIBRARY, model.kind().librecClass(), name, score.rmse,
        score.mae, fitSeconds, epochs > 0 ? fitSeconds / epochs : Double.NaN, epochs,
        hyperparameters, String.join("; ", notes));
  }

  private record Score(double rmse, double mae, double testMean) {}

  private static Score score(
      List<RecommendedItem> predictions, Map<String, Double> truth, List<String> notes) {
    double squared = 0;
    double absolute = 0;
    double ratingSum = 0;
    int matched = 0;
    int unknown = 0;
    for (RecommendedItem p : predictions) {
      Double rating = truth.get(key(p.getUserId(), p.getItemId()));
      if (rating == null) {
        unknown++;
        continue;
      }
      double error = p.getValue() - rating;
      squared += error * error;
      absolute += Math.abs(error);
      ratingSum += rating;
      matched++;
    }
    if (matched == 0) {
      throw new IllegalStateException("LibRec predicted none of the " + truth.size()
          + " test pairs");
    }
    if (matched != truth.size() || unknown > 0) {
      notes.add("LibRec predicted " + matched + " of " + truth.size() + " test pairs"
          + (unknown > 0 ? " and " + unknown + " pairs not in the test file" : ""));
    }
    return new Score(Math.sqrt(squared / matched), absolute / matched, ratingSum / matched);
  }

  /**
   * LibRec 2.0.0's RBM stores rating r at softmax index r (index 0 unused) but predicts
   * Σ_k p_k·(k+1) ("mean") or argmax_k p_k + 1 ("max"), one star too high. This scores
   * clamp(raw − 1) on the test pairs, as a diagnostic of what the trained RBM knows; it is never
   * the reported score.
   */
  private static String rbmOffByOneDiagnostic(
      AbstractRecommender recommender, TrainingProbe probe, Map<String, Double> truth) {
    Map<Integer, String> userIds = recommender.userMappingData.inverse();
    Map<Integer, String> itemIds = recommender.itemMappingData.inverse();
    int[] users = probe.users();
    int[] items = probe.items();
    double[] raw = probe.rawPredictions();
    double squared = 0;
    double absolute = 0;
    int n = 0;
    for (int j = 0; j < raw.length; j++) {
      Double rating = truth.get(key(userIds.get(users[j]), itemIds.get(items[j])));
      if (rating == null || !Double.isFinite(raw[j])) {
        continue;
      }
      double error = Math.max(LOWEST, Math.min(HIGHEST, raw[j] - 1)) - rating;
      squared += error * error;
      absolute += Math.abs(error);
      n++;
    }
    return String.format(Locale.ROOT,
        "diagnostic only: LibRec's RBM predicts one star too high (rating r is trained at"
            + " softmax index r but predicted as index + 1); clamp(raw - 1) would score RMSE"
            + " %.4f, MAE %.4f on the %d pairs with a finite prediction",
        Math.sqrt(squared / n), absolute / n, n);
  }

  /** The test file's ratings by "user\titem", checked to be on the 1..5 scale. */
  static Map<String, Double> readTestRatings(Path file) {
    Map<String, Double> ratings = new HashMap<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
      long lineNumber = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        String[] fields = line.split("\t");
        if (fields.length < 3) {
          throw new MalformedDataException(file.toString(), lineNumber,
              "expected tab-separated user, item, rating, timestamp", line);
        }
        double rating;
        try {
          rating = Double.parseDouble(fields[2]);
        } catch (NumberFormatException e) {
          throw new MalformedDataException(file.toString(), lineNumber,
              "expected a numeric rating, found \"" + fields[2] + "\"", line);
        }
        if (!(rating >= LOWEST && rating <= HIGHEST)) {
          throw new MalformedDataException(file.toString(), lineNumber,
              "expected a rating from 1 to 5, found " + fields[2], line);
        }
        if (ratings.put(key(fields[0], fields[1]), rating) != null) {
          throw new MalformedDataException(file.toString(), lineNumber,
              "user " + fields[0] + " rated item " + fields[1] + " twice", line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    if (ratings.isEmpty()) {
      throw new MalformedDataException(file.toString(), 0, "no ratings", null);
    }
    return ratings;
  }

  private static String key(String user, String item) {
    return user + '\t' + item;
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A leftover temporary folder is harmless; the result stands.
    }
  }
}
