package org.rbmrec.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import org.rbmrec.data.DataException;

/**
 * The files of one training run, {@code RUN_DIR/}:
 * <ul>
 *   <li>{@code run.json}: what produced the run: model, data set, split, validation fraction,
 *       seed, threads, every hyperparameter, rbmrec and Java versions, data fingerprint;
 *   <li>{@code model.safetensors}: the trained model;
 *   <li>{@code metrics.csv} and {@code metrics.json}: per-epoch metrics (see {@link MetricsCsv});
 *   <li>{@code learning_curves.png}: the learning curves;
 *   <li>{@code result.json}: the test metrics, the same object {@code train --json} prints;
 *   <li>{@code checkpoint.safetensors} (RBMs): the training state after the last epoch, or
 *       where training was stopped, for {@code train --resume RUN_DIR} (layout:
 *       {@link org.rbmrec.model.io.CheckpointFiles}). A resumed run also records
 *       {@code resumed_after} and {@code first_started} in {@code run.json}.
 *   <li>{@code complete.json}: written last, when everything above is in place
 *       ({@code {"finished": ISO-8601 time}}). {@link #create} removes it, so a run folder that
 *       is being written, or whose training failed or was interrupted, has none, and commands
 *       that use the trained model ({@code evaluate}, {@code recommend}) refuse it.
 * </ul>
 * JSON files are written to a temporary file and moved into place, so a file that exists is
 * complete.
 */
public record RunDirectory(Path path) {
  /** What produced the run. */
  public static final String RUN_JSON = "run.json";
  /** The trained model. */
  public static final String MODEL = "model.safetensors";
  /** Per-epoch metrics as JSON. */
  public static final String METRICS_JSON = "metrics.json";
  /** The learning curves. */
  public static final String CURVES_PNG = "learning_curves.png";
  /** The test metrics. */
  public static final String RESULT_JSON = "result.json";
  /** The completion marker, written last. */
  public static final String COMPLETE_JSON = "complete.json";

  /**
   * Creates the folder (and parents) if needed and removes its completion marker, so that until
   * {@link #markComplete()} the folder is not taken for a finished run (even if an earlier run
   * finished there).
   */
  public static RunDirectory create(Path path) {
    try {
      Files.createDirectories(path);
      Files.deleteIfExists(path.resolve(COMPLETE_JSON));
    } catch (IOException e) {
      throw new DataException("cannot create the run folder " + path + ": " + e.getMessage(), e);
    }
    return new RunDirectory(path);
  }

  /** Writes the completion marker: call it last, once every file of the run is written. */
  public void markComplete() {
    writeJson(COMPLETE_JSON, Map.of("finished", Instant.now().toString()));
  }

  /** Whether the run finished: its completion marker exists. */
  public boolean isComplete() {
    return Files.isRegularFile(file(COMPLETE_JSON));
  }

  /** An existing run folder; a user error if it is missing or has no {@code run.json}. */
  public static RunDirectory existing(Path path) {
    if (!Files.isDirectory(path)) {
      throw new DataException("no run folder " + path + "; train one with `rbmrec train DATA"
          + " --out " + path + "`");
    }
    if (!Files.isRegularFile(path.resolve(RUN_JSON))) {
      throw new DataException(path + " is not a run folder: it has no " + RUN_JSON);
    }
    return new RunDirectory(path);
  }

  /** The path of {@code name} in this run folder. */
  public Path file(String name) {
    return path.resolve(name);
  }

  /** Writes {@code value} as JSON to {@code name}, atomically. */
  public void writeJson(String name, Object value) {
    Path target = file(name);
    Path temp = target.resolveSibling(name + ".tmp");
    try {
      Files.writeString(temp, JsonOutput.toJson(value) + System.lineSeparator(),
          StandardCharsets.UTF_8);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  /** Reads the JSON file {@code name}; a user error if it is missing or malformed. */
  public JsonNode readJson(String name) {
    Path source = file(name);
    try {
      return JsonOutput.mapper().readTree(source.toFile());
    } catch (IOException e) {
      throw new DataException("cannot read " + source + ": " + e.getMessage(), e);
    }
  }
}
