package org.rbmrec.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.rbmrec.eval.EvaluationResult;

/**
 * The test metrics that {@code train --json} and {@code evaluate --json} print at the top level,
 * in one place so both commands keep the same keys: {@code model, rmse, mae, n_test, n_fallback,
 * k, relevance_threshold, precision, recall, ndcg, map, hit_rate, coverage, n_users_ranked}.
 */
final class TestMetricsJson {
  private TestMetricsJson() {}

  /** A new ordered map with the metrics of {@code r} for {@code model}; callers add their own. */
  static Map<String, Object> of(String model, EvaluationResult r) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("model", model);
    json.put("rmse", r.rmse());
    json.put("mae", r.mae());
    json.put("n_test", r.nTest());
    json.put("n_fallback", r.nFallback());
    json.put("k", r.k());
    json.put("relevance_threshold", r.relevanceThreshold());
    json.put("precision", r.precision());
    json.put("recall", r.recall());
    json.put("ndcg", r.ndcg());
    json.put("map", r.map());
    json.put("hit_rate", r.hitRate());
    json.put("coverage", r.coverage());
    json.put("n_users_ranked", r.nUsersRanked());
    return json;
  }
}
