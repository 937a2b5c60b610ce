package org.rbmrec.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void parsesNestedObjectsArraysStringsAndIntegersInOrder() throws Exception {
    Object value = Json.parse(
        " {\"b\": [1, -2, 0], \"a\": {\"x\": \"y\"}, \"c\": [] , \"d\": {}}  ");
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("b", List.of(1L, -2L, 0L));
    expected.put("a", Map.of("x", "y"));
    expected.put("c", List.of());
    expected.put("d", Map.of());
    assertThat(value).isEqualTo(expected);
    assertThat(((Map<?, ?>) value).keySet().toArray()).containsExactly("b", "a", "c", "d");
  }

  @Test
  void decodesEveryEscape() throws Exception {
    Object value = Json.parse("\"q\\\" s\\\\ sl\\/ \\b\\f\\n\\r\\t \\u00e9 \\ud83d\\ude00\"");
    assertThat(value).isEqualTo("q\" s\\ sl/ \b\f\n\r\t é 😀");
  }

  @Test
  void readsTheFullSignedLongRange() throws Exception {
    assertThat(Json.parse("[9223372036854775807,-9223372036854775808]"))
        .isEqualTo(List.of(Long.MAX_VALUE, Long.MIN_VALUE));
  }

  @Test
  void rejectsWhatAHeaderNeverHolds() {
    for (String bad : List.of("1.5", "1e3", "true", "null", "[1,]", "{\"a\":1,}", "{\"a\" 1}",
        "{a:1}", "01", "-", "\"\\x\"", "\"\\u12\"", "\"tab\there\"", "\"open", "[1 2]",
        "{\"a\":1,\"a\":2}", "9223372036854775808", "{} x", "")) {
      assertThatThrownBy(() -> Json.parse(bad)).as(bad).isInstanceOf(Json.JsonException.class);
    }
  }

  @Test
  void duplicateKeyErrorNamesTheKey() {
    assertThatThrownBy(() -> Json.parse("{\"dtype\":\"F32\",\"dtype\":\"F64\"}"))
        .hasMessageContaining("duplicate key \"dtype\"");
  }

  @Test
  void deepNestingIsRejectedWithoutOverflowingTheStack() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    assertThatThrownBy(() -> Json.parse(deep)).hasMessageContaining("nesting deeper than");
  }

  @Test
  void writesCompactTextThatEscapesControlCharacters() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("k\"1", List.of(1L, 2));
    map.put("k2", "line\nbreak\u0001");
    assertThat(Json.write(map))
        .isEqualTo("{\"k\\\"1\":[1,2],\"k2\":\"line\\nbreak\\u0001\"}");
  }

  @Property(tries = 200)
  void writeThenParseGivesBackTheSameStrings(@ForAll Map<String, String> map) throws Exception {
    Map<String, Object> copy = new LinkedHashMap<>(map);
    assertThat(Json.parse(Json.write(copy))).isEqualTo(copy);
  }
}
