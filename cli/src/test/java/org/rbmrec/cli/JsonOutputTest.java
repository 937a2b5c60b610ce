package org.rbmrec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonOutputTest {
  @Test
  void nonFiniteNumbersBecomeNull() throws Exception {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("nan", Double.NaN);
    result.put("inf", Double.POSITIVE_INFINITY);
    result.put("float_nan", Float.NaN);
    result.put("array", new double[] {1.5, Double.NaN, Double.NEGATIVE_INFINITY});
    result.put("boxed", List.of(2.0, Double.NaN));
    result.put("fine", 0.25);
    JsonNode json = DataInfoCommandTest.singleJsonObject(JsonOutput.toJson(result));
    assertThat(json.get("nan").isNull()).isTrue();
    assertThat(json.get("inf").isNull()).isTrue();
    assertThat(json.get("float_nan").isNull()).isTrue();
    assertThat(json.get("array").get(0).asDouble()).isEqualTo(1.5);
    assertThat(json.get("array").get(1).isNull()).isTrue();
    assertThat(json.get("array").get(2).isNull()).isTrue();
    assertThat(json.get("boxed").get(1).isNull()).isTrue();
    assertThat(json.get("fine").asDouble()).isEqualTo(0.25);
  }

  @Test
  void keysKeepInsertionOrder() {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("n_users", 1);
    result.put("b", 2);
    result.put("a", 3);
    String text = JsonOutput.toJson(result);
    assertThat(text.indexOf("n_users")).isLessThan(text.indexOf("\"b\""));
    assertThat(text.indexOf("\"b\"")).isLessThan(text.indexOf("\"a\""));
  }

  @Test
  void writeEndsWithANewlineAndFlushes() {
    StringWriter sink = new StringWriter();
    JsonOutput.write(new PrintWriter(sink), Map.of("k", 1));
    assertThat(sink.toString()).endsWith("}" + System.lineSeparator());
  }

  @Test
  void refusesValuesThatAreNotObjects() {
    assertThatThrownBy(() -> JsonOutput.toJson(List.of(1, 2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("object");
  }
}
