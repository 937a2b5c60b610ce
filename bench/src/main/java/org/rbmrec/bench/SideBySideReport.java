package org.rbmrec.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.rbmrec.bench.librec.PeerReport;
import org.rbmrec.cli.TablePrinter;

/**
 * rbmrec's models and LibRec's side by side on the same folds: one JSON object and a table.
 *
 * <pre>{@code
 * {"folds": ["u1", …],
 *  "rbmrec": {"rbm": {"model": "rbm", "label": "…", "rmse": …, "mae": …, "epoch_seconds": …,
 *                     "fit_seconds": …, "epochs": …, "hidden": …,
 *                     "epoch_seconds_by_cd_steps": {"1": …, "3": …}, "hyperparameters": {…},
 *                     "per_fold": [{"fold": "u1", "rmse": …, …}, …]},
 *             "rbm_item": {…}, "mf": {… "factors": …}, "svdpp": {…}},
 *  "librec": {"rbm": {"model": "RBMRecommender", "rmse": …, …, "note": "…", "per_fold": […]},
 *             "mf": {…}, "svdpp": {…}},
 *  "ratios": {"rbm": {"versus": "librec.rbm", "rmse_diff": …, "mae_diff": …,
 *                     "fit_time_ratio": …, "epoch_time_ratio": …,
 *                     "epoch_time_ratio_same_cd_steps": …}, …},
 *  "protocol": {…}}
 * }</pre>
 *
 * <p>Each LibRec model also gets {@code "degenerate": true} when its note flags its predictions
 * as degenerate (NaNs, off the rating scale, shifted; see
 * {@link org.rbmrec.bench.librec.PredictionStats}).
 *
 * <p>Model-level figures are plain means over the folds (epochs: the common count, or the mean if
 * folds differ). Ratios are computed from those means: {@code rmse_diff} and {@code mae_diff} are
 * ours − LibRec's (negative: we are more accurate); {@code fit_time_ratio} and
 * {@code epoch_time_ratio} are LibRec's seconds ÷ ours (above 1: we are faster). A model of ours
 * is compared with the LibRec model named in its {@code versus}; {@code rbm_item}, which LibRec
 * does not have, is compared with LibRec's user-based RBM. Our RBMs run a CD-k schedule whose k
 * grows with the epochs, LibRec's a fixed k ({@code rec.tstep}); {@code
 * epoch_time_ratio_same_cd_steps} is LibRec's seconds per epoch ÷ the mean seconds of our epochs
 * that ran the same k (present when some did). Errors are in stars, times in seconds
 * (wall clock, training only). Non-finite numbers are written as null.
 */
public final class SideBySideReport {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** LibRec's key for the Gibbs steps of its RBM's contrastive divergence. */
  private static final String LIBREC_GIBBS_STEPS = "rec.tstep";
  /** How {@link org.rbmrec.bench.librec.PredictionStats} flags nonsensical predictions. */
  private static final String DEGENERATE = "DEGENERATE";

  /** What a model of ours is and which LibRec model it is held against. */
  public record Entry(String jsonKey, String label, String sizeKey, int size, String versus) {
    public Entry {
      Objects.requireNonNull(jsonKey, "jsonKey");
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(sizeKey, "sizeKey");
      Objects.requireNonNull(versus, "versus");
    }
  }

  private final List<String> folds;
  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private final Map<String, List<OwnResult>> ours = new LinkedHashMap<>();
  private final PeerReport librec;
  private final Map<String, String> librecSizeKeys = new LinkedHashMap<>();
  private final Map<String, Integer> librecSizes = new LinkedHashMap<>();
  private final Map<String, Object> protocol;

  /**
   * @param folds the folds every model is run on, in order
   * @param librec the LibRec runs, filled by the caller
   * @param protocol how the runs were made (seed, threads, machine, date, settings); kept in order
   */
  public SideBySideReport(List<String> folds, PeerReport librec, Map<String, Object> protocol) {
    if (folds.isEmpty()) {
      throw new IllegalArgumentException("folds must not be empty");
    }
    this.folds = List.copyOf(folds);
    this.librec = Objects.requireNonNull(librec, "librec");
    this.protocol = new LinkedHashMap<>(protocol);
  }

  /** Declares a model of ours before its results are added; entries keep this order. */
  public void declare(Entry entry) {
    entries.put(entry.jsonKey(), entry);
    ours.put(entry.jsonKey(), new ArrayList<>());
  }

  /** Declares the size (hidden units or factors) of a LibRec model, by its key ("rbm", …). */
  public void declareLibRecSize(String librecKey, String sizeKey, int size) {
    librecSizeKeys.put(librecKey, sizeKey);
    librecSizes.put(librecKey, size);
  }

  /**
   * Adds one fold's result of the model of ours declared under {@code jsonKey}.
   *
   * @throws IllegalArgumentException if the model was not declared or the fold is not one of
   *     this report's folds
   */
  public void add(String jsonKey, OwnResult result) {
    List<OwnResult> results = ours.get(jsonKey);
    if (results == null) {
      throw new IllegalArgumentException("model " + jsonKey + " was not declared; declared: "
          + ours.keySet());
    }
    if (!folds.contains(result.fold())) {
      throw new IllegalArgumentException(
          "fold must be one of " + folds + ", got " + result.fold());
    }
    results.add(result);
  }

  /** The report as a JSON tree (see the class comment). */
  public ObjectNode toJson() {
    ObjectNode root = NODES.objectNode();
    ArrayNode foldArray = root.putArray("folds");
    folds.forEach(foldArray::add);
    ObjectNode rbmrec = root.putObject("rbmrec");
    ours.forEach((key, results) -> {
      if (!results.isEmpty()) {
        rbmrec.set(key, ourModelJson(entries.get(key), results));
      }
    });
    ObjectNode theirs = root.putObject("librec");
    JsonNode peer = librec.toJson().get("librec");
    for (Iterator<Map.Entry<String, JsonNode>> it = peer.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> model = it.next();
      ObjectNode node = (ObjectNode) model.getValue();
      String sizeKey = librecSizeKeys.get(model.getKey());
      if (sizeKey != null) {
        node.put(sizeKey, librecSizes.get(model.getKey()));
      }
      node.put("degenerate", node.path("note").asText().contains(DEGENERATE));
      theirs.set(model.getKey(), node);
    }
    ObjectNode ratios = root.putObject("ratios");
    for (Iterator<String> it = rbmrec.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      String versus = entries.get(key).versus();
      JsonNode other = theirs.get(versus);
      if (other != null) {
        ratios.set(key, ratioJson(rbmrec.get(key), other, versus));
      }
    }
    ObjectNode protocolNode = root.putObject("protocol");
    protocol.forEach((k, v) -> protocolNode.set(k, JsonNodes.of(v)));
    JsonNodes.nullNonFinite(root);
    return root;
  }

  /**
   * The table: model | ours RMSE | LibRec RMSE | ours MAE | LibRec MAE | ours s/epoch |
   * LibRec s/epoch | speed-up (LibRec s/epoch ÷ ours).
   */
  public TablePrinter table() {
    ObjectNode json = toJson();
    TablePrinter table = new TablePrinter("model", "ours RMSE", "LibRec RMSE", "ours MAE",
        "LibRec MAE", "ours s/epoch", "LibRec s/epoch", "speed-up");
    for (Iterator<Map.Entry<String, JsonNode>> it = json.get("rbmrec").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> model = it.next();
      JsonNode mine = model.getValue();
      String versus = entries.get(model.getKey()).versus();
      JsonNode other = json.get("librec").get(versus);
      JsonNode ratio = json.get("ratios").get(model.getKey());
      String name = model.getKey().equals(versus) ? model.getKey()
          : model.getKey() + " (vs LibRec " + versus + ")";
      table.row(name, fixed(mine.get("rmse"), 4), fixed(other == null ? null : other.get("rmse"),
          4), fixed(mine.get("mae"), 4), fixed(other == null ? null : other.get("mae"), 4),
          fixed(mine.get("epoch_seconds"), 3),
          fixed(other == null ? null : other.get("epoch_seconds"), 3),
          ratio == null ? "-" : fixed(ratio.get("epoch_time_ratio"), 1) + "x");
    }
    return table;
  }

  /**
   * One line per LibRec model whose predictions were flagged degenerate, for under the table:
   * "LibRec's rbm: DEGENERATE (reasons)…", the note up to its first colon-separated figures.
   */
  public List<String> warnings() {
    List<String> lines = new ArrayList<>();
    JsonNode peer = librec.toJson().get("librec");
    for (Iterator<Map.Entry<String, JsonNode>> it = peer.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> model = it.next();
      String note = model.getValue().path("note").asText();
      int at = note.indexOf(DEGENERATE);
      if (at >= 0) {
        int end = note.indexOf("):", at);
        lines.add("LibRec's " + model.getKey() + " predictions are "
            + (end > 0 ? note.substring(at, end + 1) : note.substring(at))
            + "; see the note in --json");
      }
    }
    return lines;
  }

  private JsonNode ourModelJson(Entry entry, List<OwnResult> results) {
    ObjectNode node = NODES.objectNode();
    OwnResult first = results.get(0);
    node.put("model", first.model());
    node.put("label", entry.label());
    node.put("rmse", results.stream().mapToDouble(OwnResult::rmse).average().orElseThrow());
    node.put("mae", results.stream().mapToDouble(OwnResult::mae).average().orElseThrow());
    node.put("epoch_seconds",
        results.stream().mapToDouble(OwnResult::epochSeconds).average().orElseThrow());
    node.put("fit_seconds",
        results.stream().mapToDouble(OwnResult::fitSeconds).average().orElseThrow());
    if (results.stream().allMatch(r -> r.epochs() == first.epochs())) {
      node.put("epochs", first.epochs());
    } else {
      node.put("epochs", results.stream().mapToInt(OwnResult::epochs).average().orElseThrow());
    }
    node.put(entry.sizeKey(), entry.size());
    Map<Integer, double[]> byK = new TreeMap<>();
    for (OwnResult r : results) {
      r.epochSecondsByCdSteps().forEach((k, seconds) -> {
        double[] sumAndCount = byK.computeIfAbsent(k, key -> new double[2]);
        sumAndCount[0] += seconds;
        sumAndCount[1]++;
      });
    }
    if (!byK.isEmpty()) {
      ObjectNode perK = node.putObject("epoch_seconds_by_cd_steps");
      byK.forEach((k, sumAndCount) -> perK.put(Integer.toString(k),
          sumAndCount[0] / sumAndCount[1]));
    }
    ObjectNode hyper = node.putObject("hyperparameters");
    first.hyperparameters().forEach(hyper::put);
    ArrayNode perFold = node.putArray("per_fold");
    for (OwnResult r : results) {
      ObjectNode fold = perFold.addObject();
      fold.put("fold", r.fold());
      fold.put("rmse", r.rmse());
      fold.put("mae", r.mae());
      fold.put("epoch_seconds", r.epochSeconds());
      fold.put("fit_seconds", r.fitSeconds());
      fold.put("epochs", r.epochs());
      if (!r.epochSecondsByCdSteps().isEmpty()) {
        ObjectNode perK = fold.putObject("epoch_seconds_by_cd_steps");
        r.epochSecondsByCdSteps().forEach((k, seconds) -> perK.put(Integer.toString(k), seconds));
      }
    }
    return node;
  }

  private static JsonNode ratioJson(JsonNode mine, JsonNode other, String versus) {
    ObjectNode ratio = NODES.objectNode();
    ratio.put("versus", "librec." + versus);
    ratio.put("rmse_diff", mine.get("rmse").asDouble() - other.get("rmse").asDouble());
    ratio.put("mae_diff", mine.get("mae").asDouble() - other.get("mae").asDouble());
    ratio.put("fit_time_ratio",
        other.get("fit_seconds").asDouble() / mine.get("fit_seconds").asDouble());
    ratio.put("epoch_time_ratio",
        other.get("epoch_seconds").asDouble() / mine.get("epoch_seconds").asDouble());
    JsonNode tstep = other.path("hyperparameters").get(LIBREC_GIBBS_STEPS);
    JsonNode sameK = tstep == null ? null
        : mine.path("epoch_seconds_by_cd_steps").get(tstep.asText());
    if (sameK != null) {
      ratio.put("epoch_time_ratio_same_cd_steps",
          other.get("epoch_seconds").asDouble() / sameK.asDouble());
    }
    return ratio;
  }

  private static String fixed(JsonNode value, int decimals) {
    if (value == null || !value.isNumber()) {
      return "-";
    }
    return String.format(Locale.ROOT, "%." + decimals + "f", value.asDouble());
  }
}
