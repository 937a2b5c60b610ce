package org.rbmrec.model.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small, strict subset of JSON a safetensors header needs: objects (as insertion-ordered
 * {@code Map<String, Object>}, duplicate keys rejected), arrays ({@code List<Object>}), strings
 * (with every JSON escape) and integers ({@code Long}). Fractions, exponents, {@code true},
 * {@code false} and {@code null} are rejected, as are trailing commas, unescaped control
 * characters and nesting deeper than {@value #MAX_DEPTH}.
 *
 * <p>{@link #write} is the inverse of {@link #parse}: compact, no whitespace, keys in map order,
 * so parsing its output and writing again gives the same text.
 */
final class Json {
  /** The deepest nesting of arrays and objects the parser accepts. */
  static final int MAX_DEPTH = 32;

  private final String text;
  private int pos;

  private Json(String text) {
    this.text = text;
  }

  /** Thrown for text that is not in the accepted subset; the message names the offset. */
  static final class JsonException extends Exception {
    private static final long serialVersionUID = 1L;

    JsonException(String message) {
      super(message);
    }
  }

  /** Parses one value that fills {@code text} (surrounding JSON whitespace allowed). */
  static Object parse(String text) throws JsonException {
    Json parser = new Json(text);
    parser.skipWhitespace();
    Object value = parser.value(0);
    parser.skipWhitespace();
    if (parser.pos != text.length()) {
      throw parser.error("unexpected content after the JSON value");
    }
    return value;
  }

  private Object value(int depth) throws JsonException {
    if (pos >= text.length()) {
      throw error("unexpected end of text, expected a value");
    }
    char c = text.charAt(pos);
    if (c == '{' || c == '[') {
      if (depth >= MAX_DEPTH) {
        throw error("nesting deeper than " + MAX_DEPTH);
      }
      return c == '{' ? object(depth + 1) : array(depth + 1);
    }
    if (c == '"') {
      return string();
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      return integer();
    }
    throw error("unsupported JSON value starting with '" + c + "'");
  }

  private Map<String, Object> object(int depth) throws JsonException {
    pos++;
    Map<String, Object> map = new LinkedHashMap<>();
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      return map;
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw error("expected a string key");
      }
      int keyAt = pos;
      String key = string();
      skipWhitespace();
      expect(':');
      skipWhitespace();
      Object value = value(depth);
      if (map.put(key, value) != null) {
        pos = keyAt;
        throw error("duplicate key \"" + key + "\"");
      }
      skipWhitespace();
      char c = peek();
      pos++;
      if (c == '}') {
        return map;
      }
      if (c != ',') {
        pos--;
        throw error("expected ',' or '}'");
      }
    }
  }

  private List<Object> array(int depth) throws JsonException {
    pos++;
    List<Object> list = new ArrayList<>();
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      return list;
    }
    while (true) {
      skipWhitespace();
      list.add(value(depth));
      skipWhitespace();
      char c = peek();
      pos++;
      if (c == ']') {
        return list;
      }
      if (c != ',') {
        pos--;
        throw error("expected ',' or ']'");
      }
    }
  }

  private String string() throws JsonException {
    pos++;
    StringBuilder out = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(pos++);
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        pos--;
        throw error("unescaped control character in a string");
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (pos >= text.length()) {
        throw error("unterminated escape");
      }
      char e = text.charAt(pos++);
      switch (e) {
        case '"' -> out.append('"');
        case '\\' -> out.append('\\');
        case '/' -> out.append('/');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> out.append(hex4());
        default -> {
          pos--;
          throw error("invalid escape '\\" + e + "'");
        }
      }
    }
  }

  private char hex4() throws JsonException {
    if (pos + 4 > text.length()) {
      throw error("truncated \\u escape");
    }
    int v = 0;
    for (int i = 0; i < 4; i++) {
      int d = Character.digit(text.charAt(pos + i), 16);
      if (d < 0) {
        throw error("invalid \\u escape");
      }
      v = v * 16 + d;
    }
    pos += 4;
    return (char) v;
  }

  private Long integer() throws JsonException {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    int digitsStart = pos;
    while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
      pos++;
    }
    if (pos == digitsStart) {
      throw error("expected a digit");
    }
    if (text.charAt(digitsStart) == '0' && pos - digitsStart > 1) {
      pos = digitsStart;
      throw error("leading zero in a number");
    }
    if (pos < text.length() && (text.charAt(pos) == '.' || text.charAt(pos) == 'e'
        || text.charAt(pos) == 'E')) {
      throw error("only integers are supported");
    }
    try {
      return Long.parseLong(text.substring(start, pos));
    } catch (NumberFormatException e) {
      pos = start;
      throw error("integer out of the 64-bit range");
    }
  }

  private char peek() throws JsonException {
    if (pos >= text.length()) {
      throw error("unexpected end of text");
    }
    return text.charAt(pos);
  }

  private void expect(char c) throws JsonException {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private JsonException error(String message) {
    return new JsonException(message + " at character " + pos);
  }

  /**
   * {@code value} as compact JSON. Accepts maps with string keys, lists, strings, and integer
   * numbers ({@code Integer}, {@code Long}).
   */
  static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  private static void write(Object value, StringBuilder out) {
    if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        writeString((String) e.getKey(), out);
        out.append(':');
        write(e.getValue(), out);
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(list.get(i), out);
      }
      out.append(']');
    } else if (value instanceof String s) {
      writeString(s, out);
    } else if (value instanceof Long || value instanceof Integer) {
      out.append(value);
    } else {
      throw new IllegalArgumentException(
          "cannot write " + (value == null ? "null" : value.getClass().getName()) + " as JSON");
    }
  }

  private static void writeString(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || unpairedSurrogate(s, i)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** Whether {@code s.charAt(i)} is a surrogate that is not half of a valid pair. */
  private static boolean unpairedSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
    }
    return false;
  }
}
