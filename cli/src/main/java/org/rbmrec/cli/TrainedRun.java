package org.rbmrec.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rbmrec.data.DataException;
import org.rbmrec.data.source.Dataset;
import org.rbmrec.data.split.SplitSpec;
import org.rbmrec.model.io.ModelFiles;
import org.rbmrec.progress.Progress;

/**
 * A finished training run read back from its {@link RunDirectory}: what produced it
 * ({@code run.json}), its model ({@code model.safetensors}), and — on demand — its data and
 * training/test parts, rebuilt exactly as {@code train} made them (same data, split and seed).
 * The data must be the data the model was trained on: its fingerprint is checked.
 */
final class TrainedRun {
  private final RunDirectory dir;
  private final JsonNode run;
  private final ModelFiles.Loaded model;

  private TrainedRun(RunDirectory dir, JsonNode run, ModelFiles.Loaded model) {
    this.dir = dir;
    this.run = run;
    this.model = model;
  }

  /**
   * Reads the run folder {@code path}; user errors when it or its model is missing, or when its
   * training did not finish (no completion marker: see {@link RunDirectory}).
   */
  static TrainedRun open(Path path) {
    RunDirectory dir = RunDirectory.existing(path);
    if (!dir.isComplete()) {
      throw new DataException(path + " holds an unfinished run (no "
          + RunDirectory.COMPLETE_JSON + "): its training failed, was interrupted or is still"
          + " running; train it again");
    }
    JsonNode run = dir.readJson(RunDirectory.RUN_JSON);
    Path modelFile = dir.file(RunDirectory.MODEL);
    if (!Files.isRegularFile(modelFile)) {
      throw new DataException(path + " has no trained model (" + RunDirectory.MODEL + "); the run"
          + " may not have finished");
    }
    ModelFiles.Loaded model = ModelFiles.load(modelFile);
    checkMatches(dir, run, model);
    return new TrainedRun(dir, run, model);
  }

  /**
   * {@code run.json} must describe the training that produced the model: the model records its
   * model name, data, split, validation fraction and seed as provenance, and any of them that
   * differs in {@code run.json} means one of the two files was replaced or edited.
   */
  private static void checkMatches(RunDirectory dir, JsonNode run, ModelFiles.Loaded model) {
    Map<String, String> provenance = model.provenance();
    for (String key : new String[] {"model", "data", "split", "seed", "valid_fraction"}) {
      String recorded = provenance.get(key);
      if (recorded == null) {
        continue;
      }
      JsonNode node = run.get(key);
      boolean same = node != null && switch (key) {
        case "seed" -> node.isIntegralNumber() && node.canConvertToLong()
            && Long.toString(node.asLong()).equals(recorded);
        case "valid_fraction" -> node.isNumber()
            && Double.toString(node.asDouble()).equals(recorded);
        default -> node.isTextual() && node.asText().equals(recorded);
      };
      if (!same) {
        throw new DataException(dir.file(RunDirectory.RUN_JSON) + " does not match "
            + dir.file(RunDirectory.MODEL) + ": \"" + key + "\" is "
            + (node == null ? "missing" : node.toString()) + " in the one, " + recorded
            + " in the other; train the run again");
      }
    }
  }

  RunDirectory dir() {
    return dir;
  }

  ModelFiles.Loaded model() {
    return model;
  }

  /** The model name given to {@code train}, such as "rbm-item". */
  String modelName() {
    return text("model");
  }

  /** The data set argument given to {@code train}. */
  String data() {
    return text("data");
  }

  long seed() {
    JsonNode node = run.get("seed");
    if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
      throw new DataException(dir.file(RunDirectory.RUN_JSON) + " has no integer \"seed\"");
    }
    return node.asLong();
  }

  String split() {
    return text("split");
  }

  /**
   * Opens the run's data: from {@code dataDirOrNull} when given, else from the data folder the
   * run used. A user error if the data differs from what the model was trained on.
   */
  Dataset openData(DatasetResolver resolver, Path dataDirOrNull, Progress progress) {
    Path dataDir = dataDirOrNull;
    if (dataDir == null && run.hasNonNull("data_dir")) {
      dataDir = Path.of(run.get("data_dir").asText());
    }
    Map<String, String> flags = new LinkedHashMap<>();
    run.path("reader").fields().forEachRemaining(e -> flags.put(e.getKey(), e.getValue().asText()));
    Dataset dataset = resolver.resolve(data(), dataDir, ReaderFlags.options(flags), progress);
    String expected = text("data_fingerprint");
    String actual = Long.toHexString(dataset.ratings().fingerprint());
    if (!expected.equals(actual)) {
      throw new DataException("the data " + data() + " differs from the data this run was trained"
          + " on (fingerprint " + actual + ", expected " + expected + ")");
    }
    return dataset;
  }

  /** The run's parts, rebuilt exactly as {@code train} made them. */
  RunParts parts(Dataset dataset) {
    JsonNode valid = run.get("valid_fraction");
    if (valid == null || !valid.isNumber()) {
      throw new DataException(dir.file(RunDirectory.RUN_JSON) + " has no number"
          + " \"valid_fraction\"");
    }
    return RunParts.of(dataset, SplitSpec.parse(split()), seed(), valid.asDouble());
  }

  private String text(String key) {
    JsonNode node = run.get(key);
    if (node == null || !node.isTextual()) {
      throw new DataException(dir.file(RunDirectory.RUN_JSON) + " has no text \"" + key + "\"");
    }
    return node.asText();
  }
}
