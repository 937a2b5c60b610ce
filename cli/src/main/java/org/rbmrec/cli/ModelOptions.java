package org.rbmrec.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
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
