package org.rbmrec.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.rbmrec.data.DataException;
import org.rbmrec.data.IdIndex;
import org.rbmrec.data.Ratings;
import org.rbmrec.data.SparseRows;
import org.rbmrec.data.io.DelimitedRatingsReader;
import org.rbmrec.data.io.ReaderOptions;
import org.rbmrec.data.source.Dataset;
import org.rbmrec.data.split.SplitSpec;
import org.rbmrec.eval.EvaluationConfig;
import org.rbmrec.eval.EvaluationResult;
import org.rbmrec.eval.Evaluator;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rbmrec evaluate RUN_DIR [--test FILE | --split SPEC]}: evaluates a trained run's model.
 * By default on the run's own test part (its data, split and seed rebuilt exactly); with
 * {@code --test FILE} on the ratings of another file (raw ids, mapped with the model's id maps);
 * with {@code --split SPEC} on the test part of another split of the run's data. Pairs whose user
 * or item the model has never seen, and pairs the model was trained on, are left out and
 * counted ({@code n_unknown}, {@code n_in_training}).
 *
 * <p>With {@code --json}: the test metrics of {@link TestMetricsJson} ({@code model, rmse, mae,
 * n_test, n_fallback} and the ranking metrics at k), then {@code n_unknown},
 * {@code n_in_training}, {@code test}, {@code run_dir}.
 * "Relevant" means a test rating ≥ the threshold (default 4, or the top of the scale if lower).
 */
@Command(
    name = "evaluate",
    description = "Evaluate a trained run: RMSE, MAE and ranking metrics at k (precision, recall,"
        + " NDCG, MAP, hit rate), coverage, and how many predictions fell back to the baseline.")
public final class EvaluateCommand implements Callable<Integer> {
  @Mixin
  private CommonOptions common;

  @Parameters(paramLabel = "RUN_DIR", description = "A folder written by rbmrec train.")
  private Path runDir;

  @ArgGroup(exclusive = true)
  private TestSource testSource;

  static final class TestSource {
    @Option(names = "--test", paramLabel = "FILE",
        description = "Evaluate on the ratings of this file (user,item,rating[,timestamp]).")
    Path file;

    @Option(names = "--split", paramLabel = "SPEC",
        description = "Evaluate on the test part of another split of the run's data.")
    String split;
  }

  @Mixin
  private RankingOptions ranking;

  @Option(names = "--threshold", paramLabel = "R",
      description = "A test rating ≥ R counts as relevant (default: 4, or the top of the rating"
          + " scale if lower).")
  private Double threshold;

  private final CliServices services;

  EvaluateCommand(CliServices services) {
    this.services = Objects.requireNonNull(services, "services");
  }

  @Override
  public Integer call() {
    TrainedRun run = TrainedRun.open(runDir);
    Dataset dataset = run.openData(services.datasets(), common.dataDir(), common.progress());
    dataset.notices().forEach(common::notice);
    RunParts parts = run.parts(dataset);
    Ratings train = parts.train();
    String testLabel = "test part of " + run.split();
    int[] dropped = new int[2];
    Ratings test = parts.test();
    if (testSource != null && testSource.file != null) {
      test = mapToIndex(readFile(testSource.file, train), train, dropped);
      testLabel = testSource.file.toString();
    } else if (testSource != null && testSource.split != null) {
      SplitSpec spec = SplitSpec.parse(testSource.split);
      test = withoutTraining(spec.apply(dataset.ratings(), dataset.location(), run.seed()).test(),
          train, dropped);
      testLabel = "test part of " + spec.describe();
    }
    if (test.size() == 0) {
      throw new DataException("nothing to evaluate: no test rating of " + testLabel
          + " has a user and item the model knows (" + dropped[0] + " unknown, " + dropped[1]
          + " in training)");
    }
    double relevant = threshold != null ? threshold
        : EvaluationConfig.defaultRelevanceThreshold(train.scale());
    EvaluationConfig config = new EvaluationConfig(ranking.k, relevant, common.threads(),
        ranking.rankUsers);
    EvaluationResult r = new Evaluator(config)
        .evaluate(run.model().model(), train, test, common.progress());
    Map<String, Object> json = TestMetricsJson.of(run.modelName(), r);
    json.put("n_unknown", dropped[0]);
    json.put("n_in_training", dropped[1]);
    json.put("test", testLabel);
    json.put("run_dir", runDir.toString());
    if (common.json()) {
      JsonOutput.write(common.out(), json);
    } else {
      TablePrinter table = new TablePrinter("metric", "value");
      for (Map.Entry<String, Object> e : json.entrySet()) {
        Object v = e.getValue();
        table.row(e.getKey(), v instanceof Double d ? String.format(Locale.ROOT, "%.4f", d)
            : String.valueOf(v));
      }
      table.print(common.out(), false);
      common.out().flush();
    }
    return ExitCode.OK;
  }

  private Ratings readFile(Path file, Ratings train) {
    ReaderOptions options = ReaderOptions.defaults().withScale(train.scale());
    var loaded = new DelimitedRatingsReader(options).read(file, common.progress());
    loaded.notices().forEach(common::notice);
    return loaded.ratings();
  }

  /** The ratings of {@code other} re-indexed with the model's id maps; unknown pairs dropped. */
  private static Ratings mapToIndex(Ratings other, Ratings train, int[] dropped) {
    IdIndex users = train.userIds();
    IdIndex items = train.itemIds();
    SparseRows seen = train.byUser();
    int n = other.size();
    int[] u = new int[n];
    int[] i = new int[n];
    byte[] l = new byte[n];
    int kept = 0;
    for (int j = 0; j < n; j++) {
      int user = users.indexOrMinusOne(other.userIds().rawId(other.user(j)));
      int item = items.indexOrMinusOne(other.itemIds().rawId(other.item(j)));
      if (user < 0 || item < 0) {
        dropped[0]++;
      } else if (seen.find(user, item) >= 0) {
        dropped[1]++;
      } else {
        u[kept] = user;
        i[kept] = item;
        l[kept] = (byte) other.level(j);
        kept++;
      }
    }
    return Ratings.of(Arrays.copyOf(u, kept), Arrays.copyOf(i, kept), Arrays.copyOf(l, kept),
        null, users, items, train.scale());
  }

  /** {@code test} without the pairs the model was trained on. */
  private static Ratings withoutTraining(Ratings test, Ratings train, int[] dropped) {
    SparseRows seen = train.byUser();
    boolean[] keep = new boolean[test.size()];
    for (int j = 0; j < keep.length; j++) {
      keep[j] = seen.find(test.user(j), test.item(j)) < 0;
      dropped[1] += keep[j] ? 0 : 1;
    }
    return test.select(keep);
  }
}
