package org.rbmrec.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.rbmrec.data.source.Dataset;
import org.rbmrec.model.rbm.OverfitCheck;
import org.rbmrec.model.rbm.RbmConfig;
import org.rbmrec.train.ModelKind;
import org.rbmrec.train.TrainingPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rbmrec diagnose overfit DATA --users N [--steps S]}: trains an RBM on one fixed batch of
 * the first N users for S steps and prints the reconstruction-RMSE curve of that batch. A correct
 * RBM drives it towards zero; one whose update is the outer product of batch means plateaus.
 * With {@code --json}: {@code {"users": N, "ratings": R, "steps": S, "initial_rmse": x,
 * "curve": [...], "final_rmse": x, "model": …}}.
 */
@Command(
    name = "overfit",
    description = {
      "Overfit one batch of N users and print its reconstruction RMSE after each step.",
      "A correct RBM drives it towards zero; if it plateaus, the update or the data path is wrong.",
      "Unless set with --set, the check turns weight decay off and uses learningRate=0.2."
    })
public final class DiagnoseOverfitCommand implements Callable<Integer> {
  /**
   * The check asks whether the model can fit a batch at all, so regularisation is off and the
   * step is large unless the user sets them: weightDecay = 0, learningRate = 0.2.
   */
  static final Map<String, String> CHECK_SETTINGS =
      Map.of("weightDecay", "0", "learningRate", "0.2");

  @Mixin
  private CommonOptions common;

  @Mixin
  private ReaderFlags readerFlags;

  @Mixin
  private ModelOptions modelOptions;

  @Parameters(paramLabel = "DATA", description = "A MovieLens name such as ml-100k, or a path.")
  private String data;

  @Option(names = "--users", paramLabel = "N", defaultValue = "10",
      description = "Rows in the batch: the first N users (items for rbm-item)"
          + " (default: ${DEFAULT-VALUE}).")
  private int users;

  @Option(names = "--steps", paramLabel = "S", defaultValue = "300",
      description = "Update steps (default: ${DEFAULT-VALUE}).")
  private int steps;

  @Option(names = "--model", paramLabel = "MODEL", defaultValue = "rbm",
      description = "An RBM variant: rbm, rbm-item, rbm-cond or rbm-factored"
          + " (default: ${DEFAULT-VALUE}).")
  private String model;

  private final CliServices services;

  DiagnoseOverfitCommand(CliServices services) {
    this.services = Objects.requireNonNull(services, "services");
  }

  @Override
  public Integer call() {
    ModelKind kind = ModelKind.parse(model);
    if (!kind.isRbm()) {
      throw new IllegalArgumentException("diagnose overfit needs an RBM model, got " + model);
    }
    if (users < 1) {
      throw new IllegalArgumentException("--users must be ≥ 1, got " + users);
    }
    if (steps < 1) {
      throw new IllegalArgumentException("--steps must be ≥ 1, got " + steps);
    }
    Map<String, String> overrides = new LinkedHashMap<>(CHECK_SETTINGS);
    overrides.putAll(modelOptions.overrides(kind));
    RbmConfig config = (RbmConfig) TrainingPlan.of(kind, overrides, common.seed(),
        common.threads()).config();
    Dataset dataset = services.datasets().resolve(data, common.dataDir(), readerFlags.options(),
        common.progress());
    dataset.notices().forEach(common::notice);
    OverfitCheck.Result result = OverfitCheck.run(dataset.ratings(), users, steps, config);
    if (common.json()) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("users", result.rows());
      json.put("ratings", result.ratings());
      json.put("steps", steps);
      json.put("model", kind.id());
      json.put("initial_rmse", result.initialRmse());
      json.put("curve", result.curve());
      json.put("final_rmse", result.finalRmse());
      JsonOutput.write(common.out(), json);
    } else {
      common.out().printf(Locale.ROOT, "batch of %d rows with %d ratings; reconstruction RMSE"
          + " before training %.4f%n", result.rows(), result.ratings(), result.initialRmse());
      TablePrinter table = new TablePrinter("step", "reconstruction RMSE");
      double[] curve = result.curve();
      int every = Math.max(1, curve.length / 20);
      for (int s = 0; s < curve.length; s++) {
        if ((s + 1) % every == 0 || s == curve.length - 1) {
          table.row(Integer.toString(s + 1), String.format(Locale.ROOT, "%.4f", curve[s]));
        }
      }
      table.print(common.out(), false);
      common.out().printf(Locale.ROOT, "final reconstruction RMSE %.4f%n", result.finalRmse());
      common.out().flush();
    }
    return ExitCode.OK;
  }
}
