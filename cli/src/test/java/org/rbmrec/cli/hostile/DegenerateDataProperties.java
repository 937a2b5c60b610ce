package org.rbmrec.cli.hostile;

import static org.rbmrec.cli.hostile.CliOutcome.assertOkOrUserError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.rbmrec.cli.CliRun;
import org.rbmrec.cli.ExitCode;

/**
 * Tiny and degenerate rating files — one rating, one user, one item, one distinct rating value,
 * users or items without a rating in the training part — trained with every model kind and split
 * form, then evaluated and used for recommendations. Each command succeeds or fails with exit 2
 * and one line: degenerate data is never an internal error.
 */
class DegenerateDataProperties extends TempDirPerTry {
  record Line(int user, int item, String rating, int time) {}

  @Provide
  Arbitrary<List<Line>> files() {
    Arbitrary<Line> line = Combinators.combine(Arbitraries.integers().between(1, 4),
        Arbitraries.integers().between(1, 4), Arbitraries.of("1", "3", "3", "5", "4.5", "0"),
        Arbitraries.integers().between(0, 1000)).as(Line::new);
    return line.list().ofMinSize(1).ofMaxSize(12);
  }

  @Provide
  Arbitrary<String> models() {
    return Arbitraries.of("mean", "bias", "mf", "svdpp", "rbm", "rbm-item", "rbm-cond",
        "rbm-factored");
  }

  @Provide
  Arbitrary<String> splits() {
    return Arbitraries.of("random:0.2", "random:0.5", "user:0.5", "user:k=1", "temporal:0.3",
        "temporal-user:k=1", "cv:2:1", "cv:3:3");
  }

  @Property(tries = 40)
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void degenerateDataTrainsOrFailsOnOneLine(@ForAll("files") List<Line> lines,
      @ForAll("models") String model, @ForAll("splits") String split,
      @ForAll boolean withValidation) throws IOException {
    StringBuilder text = new StringBuilder();
    for (Line l : lines) {
      text.append(l.user()).append(',').append(l.item()).append(',').append(l.rating())
          .append(',').append(l.time()).append('\n');
    }
    Path file = Files.writeString(dir.resolve("ratings.csv"), text);
    Path run = dir.resolve("run");
    List<String> args = new java.util.ArrayList<>(List.of("train", file.toString(), "--model",
        model, "--split", split, "--valid", withValidation ? "0.3" : "0", "--threads", "1", "-q",
        "--out", run.toString()));
    if (!model.equals("mean")) {
      args.addAll(List.of("--epochs", "2"));
    }
    CliRun trained = CliRun.shipped(args.toArray(new String[0]));
    assertOkOrUserError(trained);
    Statistics.collect(trained.status() == ExitCode.OK ? "trained" : "refused");
    Statistics.coverage(c -> c.check("trained").count(n -> n >= 3));
    if (trained.status() != ExitCode.OK) {
      return;
    }
    assertOkOrUserError(CliRun.shipped("evaluate", run.toString(), "-q"));
    assertOkOrUserError(CliRun.shipped("recommend", run.toString(), "--user",
        Integer.toString(lines.get(0).user()), "-q"));
  }
}
