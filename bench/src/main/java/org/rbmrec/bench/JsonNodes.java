package org.rbmrec.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.rbmrec.cli.JsonOutput;

/** Small helpers for the benchmark reports' JSON trees. */
final class JsonNodes {
  private JsonNodes() {}

  /** {@code value} (a string, number, boolean, map, list or null) as a JSON node. */
  static JsonNode of(Object value) {
    return JsonOutput.mapper().valueToTree(value);
  }

  /** Replaces every NaN or infinite number in {@code node}, at any depth, by null. */
  static void nullNonFinite(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> bad = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (isNonFinite(field.getValue())) {
          bad.add(field.getKey());
        } else {
          nullNonFinite(field.getValue());
        }
      }
      bad.forEach(object::putNull);
    } else if (node instanceof ArrayNode array) {
      for (int j = 0; j < array.size(); j++) {
        if (isNonFinite(array.get(j))) {
          array.set(j, array.nullNode());
        } else {
          nullNonFinite(array.get(j));
        }
      }
    }
  }

  private static boolean isNonFinite(JsonNode node) {
    return node.isFloatingPointNumber() && !Double.isFinite(node.asDouble());
  }
}
