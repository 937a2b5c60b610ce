package org.rbmrec.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.rbmrec.data.DataException;
import org.rbmrec.train.ModelKind;
import org.rbmrec.train.TrainingPlan;
import picocli.CommandLine.Option;

/**
 * The hyperparameter options of {@code train} (a picocli mixin): {@code --config FILE} (a
 * properties file of {@code name=value} lines), {@code --set name=value} (repeatable), and the
 * shortcuts {@code --epochs N} and {@code --hidden F}. Later sources win: file, then
 * {@code --set}, then the shortcuts. Names are those {@code run.json} lists under
 * {@code hyperparameters}; an unknown name is an error that lists the known ones.
 */
public final class ModelOptions {
  @Option(names = "--config", paramLabel = "FILE",
      description = "Hyperparameters as a properties file (name=value lines).")
  Path configFile;

  @Option(names = "--set", paramLabel = "NAME=VALUE",
      description = "Set one hyperparameter, e.g. --set learningRate=0.02 (repeatable).")
  Map<String, String> sets = new LinkedHashMap<>();

  @Option(names = "--epochs", paramLabel = "N",
      description = "Training epochs (iterations of the bias baseline).")
  Integer epochs;

  @Option(names = "--hidden", paramLabel = "F",
      description = "Hidden units of an RBM, or latent factors of mf and svdpp.")
  Integer hidden;

  /** The overrides these options make for {@code kind}, in order of precedence. */
  Map<String, String> overrides(ModelKind kind) {
    Map<String, String> values = new LinkedHashMap<>(readConfigFile());
    values.putAll(sets);
    if (epochs != null) {
      values.put(requireKey(TrainingPlan.epochsKey(kind), "--epochs", kind), epochs.toString());
    }
    if (hidden != null) {
      values.put(requireKey(TrainingPlan.hiddenKey(kind), "--hidden", kind), hidden.toString());
    }
    return values;
  }

  /**
   * The overrides these options make for {@code kind} when they are given for several models
   * at once ({@code compare}): a {@code --config} or {@code --set} name goes only to the kinds
   * whose hyperparameters ({@code known}) include it, {@code --epochs} and {@code --hidden}
   * only to the kinds they apply to. Use {@link #checkApplies} to reject an option that fits
   * none of the models.
   */
  Map<String, String> overridesWhereKnown(ModelKind kind, Set<String> known) {
    Map<String, String> values = new LinkedHashMap<>();
    readConfigFile().forEach((k, v) -> {
      if (known.contains(k)) {
        values.put(k, v);
      }
    });
    sets.forEach((k, v) -> {
      if (known.contains(k)) {
        values.put(k, v);
      }
    });
    String epochsKey = TrainingPlan.epochsKey(kind);
    if (epochs != null && epochsKey != null) {
      values.put(epochsKey, epochs.toString());
    }
    String hiddenKey = TrainingPlan.hiddenKey(kind);
    if (hidden != null && hiddenKey != null) {
      values.put(hiddenKey, hidden.toString());
    }
    return values;
  }

  /**
   * Checks that every option given applies to at least one of {@code kinds}; {@code known}
   * holds the hyperparameter names of all of them together.
   *
   * @throws IllegalArgumentException naming the first option that fits none of the models
   */
  void checkApplies(List<ModelKind> kinds, Set<String> known) {
    Set<String> given = new TreeSet<>(readConfigFile().keySet());
    given.addAll(sets.keySet());
    for (String name : given) {
      if (!known.contains(name)) {
        throw new IllegalArgumentException("unknown hyperparameter '" + name
            + "' for the models " + ids(kinds) + "; known: " + String.join(", ",
                new TreeSet<>(known)));
      }
    }
    if (epochs != null && kinds.stream().allMatch(k -> TrainingPlan.epochsKey(k) == null)) {
      throw new IllegalArgumentException("--epochs does not apply to the models " + ids(kinds));
    }
    if (hidden != null && kinds.stream().allMatch(k -> TrainingPlan.hiddenKey(k) == null)) {
      throw new IllegalArgumentException("--hidden does not apply to the models " + ids(kinds));
    }
  }

  private static String ids(List<ModelKind> kinds) {
    return String.join(", ", kinds.stream().map(ModelKind::id).toList());
  }

  private static String requireKey(String key, String flag, ModelKind kind) {
    if (key == null) {
      throw new IllegalArgumentException(flag + " does not apply to model " + kind.id());
    }
    return key;
  }

  private Map<String, String> readConfigFile() {
    if (configFile == null) {
      return Map.of();
    }
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
      properties.load(in);
    } catch (IOException e) {
      throw new DataException("cannot read the configuration file " + configFile + ": "
          + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new DataException("malformed configuration file " + configFile + ": "
          + e.getMessage(), e);
    }
    Map<String, String> values = new TreeMap<>();
    properties.forEach((k, v) -> values.put(k.toString().trim(), v.toString().trim()));
    return values;
  }
}
