package org.rbmrec.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rbmrec.cli.hostile.CliOutcome.assertOkOrUserError;
import static org.rbmrec.cli.hostile.CliOutcome.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.rbmrec.cli.CliRun;
import org.rbmrec.cli.ExitCode;
import org.rbmrec.train.ModelKind;
import org.rbmrec.train.TrainingPlan;

/**
 * Hostile hyperparameter values ({@code --set name=value}): NaN, infinities, negative, zero,
 * out-of-range, non-numeric, huge. {@code train} either refuses with one line naming the
 * parameter, or trains a model whose test metrics are finite numbers — never a run whose
 * metrics are NaN.
 */
class HyperparameterHostileProperties extends TempDirPerTry {
  @Provide
  Arbitrary<ModelKind> kinds() {
    return Arbitraries.of(ModelKind.class).filter(k -> k != ModelKind.MEAN);
  }

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.of("NaN", "Infinity", "-Infinity", "-1", "0", "-0", "1e309", "1e300",
        "2147483648", "-2147483649", "", " ", "x", "1e-320", "true", "0.5", "1e-5", "3", "1",
        "2", "1e6", "-1e6", "0x10", "1_0", "MAX");
  }

  @Property(tries = 60)
  void aHostileValueIsRefusedOnOneLineOrGivesFiniteMetrics(@ForAll("kinds") ModelKind kind,
      @ForAll @IntRange(min = 0, max = 1000) int which, @ForAll("values") String value) {
    List<String> names = new ArrayList<>(
        TrainingPlan.of(kind, java.util.Map.of(), 1, 1).hyperparameters().keySet());
    names.removeIf(n -> n.equals("seed") || n.equals("threads"));
    String name = names.get(which % names.size());
    List<String> args = new ArrayList<>(List.of("train", "tiny", "--model", kind.id(),
        "--split", "random:0.3", "--valid", "0", "--json", "-q", "--threads", "1",
        "--out", dir.resolve("run").toString(), "--set", name + "=" + value));
    String epochsKey = TrainingPlan.epochsKey(kind);
    if (epochsKey != null && !epochsKey.equals(name)) {
      args.add("--set");
      args.add(epochsKey + "=2");
    }
    CliRun r = CliRun.run(args.toArray(new String[0]));
    assertOkOrUserError(r);
    if (r.status() != ExitCode.OK) {
      assertThat(r.err()).contains(name);
      return;
    }
    JsonNode result = json(r);
    for (String metric : new String[] {"rmse", "mae"}) {
      assertThat(result.get(metric).isNumber()).as("%s with %s=%s: %s", metric, name, value,
          result.get(metric)).isTrue();
      assertThat(result.get(metric).asDouble()).isFinite();
    }
  }
}
