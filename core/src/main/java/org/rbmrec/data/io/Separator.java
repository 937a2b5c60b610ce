package org.rbmrec.data.io;

import java.util.Locale;

/** The field separators a delimited ratings file may use. */
public enum Separator {
  /** A single tab, as in ml-100k's {@code u.data}. */
  TAB("\t", "tab"),
  /** Two colons, as in ml-1m's and ml-10m's {@code ratings.dat}. */
  DOUBLE_COLON("::", "::"),
  /** A comma, as in ml-20m's {@code ratings.csv}. */
  COMMA(",", ","),
  /** A semicolon. */
  SEMICOLON(";", ";"),
  /** A vertical bar. */
  PIPE("|", "|"),
  /** One or more spaces or tabs; leading and trailing whitespace is ignored. */
  WHITESPACE(" ", "whitespace");

  private final String text;
  private final String label;

  Separator(String text, String label) {
    this.text = text;
    this.label = label;
  }

  /** The separator's text; a single space for {@link #WHITESPACE}. */
  public String text() {
    return text;
  }

  /** A readable name for messages: "tab", "::", ",", ";", "|" or "whitespace". */
  public String label() {
    return label;
  }

  /**
   * The separator written as {@code text}: the separator itself ({@code "\t"}, {@code "::"},
   * {@code ","}, {@code ";"}, {@code "|"}), or one of the words "tab", "comma", "semicolon",
   * "pipe", "whitespace", "space" (case-insensitive), or {@code "\\t"}.
   *
   * @throws IllegalArgumentException naming the accepted forms if {@code text} is none of them
   */
  public static Separator parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("separator must not be null");
    }
    switch (text) {
      case "\t":
      case "\\t":
        return TAB;
      case "::":
        return DOUBLE_COLON;
      case ",":
        return COMMA;
      case ";":
        return SEMICOLON;
      case "|":
        return PIPE;
      case " ":
        return WHITESPACE;
      default:
        break;
    }
    switch (text.toLowerCase(Locale.ROOT)) {
      case "tab":
        return TAB;
      case "comma":
        return COMMA;
      case "semicolon":
        return SEMICOLON;
      case "pipe":
        return PIPE;
      case "whitespace":
      case "space":
        return WHITESPACE;
      default:
        throw new IllegalArgumentException(
            "separator must be one of tab, \"::\", \",\", \";\", \"|\" or whitespace, got \""
                + text + "\"");
    }
  }
}
