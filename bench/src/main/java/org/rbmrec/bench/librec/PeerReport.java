package org.rbmrec.bench.librec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON report of peer runs over folds:
 *
 * <pre>{@code
 * {"library": "LibRec 2.0.0", "seed": 1, "folds": ["u1", ...],
 *  "librec": {"rbm": {"model": "RBMRecommender", "rmse": …, "mae": …, "fit_seconds": …,
 *                     "epoch_seconds": …, "epochs": …, "note": "…", "hyperparameters": {…},
 *                     "per_fold": [{"fold": "u1", "rmse": …, "mae": …, "fit_seconds": …,
 *                                   "epoch_seconds": …, "epochs": …, "note": "…"}, …]},
 *             "mf": {…}, "svdpp": {…}}}
 * }</pre>
 *
 * <p>Model-level figures are plain means over the folds (epochs: the common count, or the mean
 * if folds differ). The model-level note is the fold's note
 * when there is one fold, otherwise each fold's note prefixed by its name and joined by " | ".
 * Errors are in stars, times in seconds (wall clock, training only).
 */
public final class PeerReport {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final long seed;
  private final List<String> folds;
  private final Map<String, List<PeerResult>> byModel = new LinkedHashMap<>();

  /**
   * @param seed the seed the runs used
   * @param folds the folds every model is run on, in order
   */
  public PeerReport(long seed, List<String> folds) {
    if (folds.isEmpty()) {
      throw new IllegalArgumentException("folds must not be empty");
    }
    this.seed = seed;
    this.folds = List.copyOf(folds);
  }

  /**
   * Adds one run under its model key ("rbm", "mf", "svdpp").
   *
   * @throws IllegalArgumentException if the fold is not one of this report's folds
   */
  public void add(String modelKey, PeerResult result) {
    if (!folds.contains(result.fold())) {
      throw new IllegalArgumentException(
          "fold must be one of " + folds + ", got " + result.fold());
    }
    byModel.computeIfAbsent(modelKey, k -> new ArrayList<>()).add(result);
  }

  /** The report as a JSON tree. */
  public ObjectNode toJson() {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("library", LibRecRunner.LIBRARY);
    root.put("seed", seed);
    ArrayNode foldArray = root.putArray("folds");
    folds.forEach(foldArray::add);
    ObjectNode librec = root.putObject("librec");
    byModel.forEach((key, results) -> librec.set(key, modelJson(results)));
    return root;
  }

  /** The report as one line of JSON. */
  public String toJsonString() {
    return toJson().toString();
  }

  private static JsonNode modelJson(List<PeerResult> results) {
    ObjectNode node = MAPPER.createObjectNode();
    PeerResult first = results.get(0);
    node.put("model", first.model());
    node.put("rmse", results.stream().mapToDouble(PeerResult::rmse).average().orElseThrow());
    node.put("mae", results.stream().mapToDouble(PeerResult::mae).average().orElseThrow());
    node.put("fit_seconds",
        results.stream().mapToDouble(PeerResult::fitSeconds).average().orElseThrow());
    node.put("epoch_seconds",
        results.stream().mapToDouble(PeerResult::epochSeconds).average().orElseThrow());
    if (results.stream().allMatch(r -> r.epochs() == first.epochs())) {
      node.put("epochs", first.epochs());
    } else {
      node.put("epochs", results.stream().mapToInt(PeerResult::epochs).average().orElseThrow());
    }
    node.put("note", results.size() == 1 ? first.note() : joinedNotes(results));
    ObjectNode hyper = node.putObject("hyperparameters");
    first.hyperparameters().forEach(hyper::put);
    ArrayNode perFold = node.putArray("per_fold");
    for (PeerResult r : results) {
      ObjectNode fold = perFold.addObject();
      fold.put("fold", r.fold());
      fold.put("rmse", r.rmse());
      fold.put("mae", r.mae());
      fold.put("fit_seconds", r.fitSeconds());
      fold.put("epoch_seconds", r.epochSeconds());
      fold.put("epochs", r.epochs());
      fold.put("note", r.note());
    }
    return node;
  }

  private static String joinedNotes(List<PeerResult> results) {
    List<String> notes = new ArrayList<>();
    for (PeerResult r : results) {
      notes.add(r.fold() + ": " + r.note());
    }
    return String.join(" | ", notes);
  }
}
