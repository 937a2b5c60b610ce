package org.rbmrec.data;

import java.util.Objects;

/**
 * A line of a ratings or titles file that cannot be read. The message names the file, the 1-based
 * line number, the offending text and what was expected, for example
 * {@code ratings.csv:17: expected a numeric rating, found "x" in line "3,4,x"}.
 */
public final class MalformedDataException extends DataException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_SHOWN = 120;

  private final String source;
  private final long lineNumber;

  /**
   * @param source the file (or zip entry) being read, as the user would name it
   * @param lineNumber 1-based line number, or 0 when the problem is not tied to one line
   * @param problem what was expected and what was found
   * @param lineText the offending line, shortened if long; may be null
   */
  public MalformedDataException(String source, long lineNumber, String problem, String lineText) {
    super(format(source, lineNumber, problem, lineText));
    this.source = Objects.requireNonNull(source, "source");
    this.lineNumber = lineNumber;
  }

  /** The file or zip entry that holds the bad line. */
  public String source() {
    return source;
  }

  /** The 1-based line number, or 0 when not tied to a line. */
  public long lineNumber() {
    return lineNumber;
  }

  private static String format(String source, long line, String problem, String text) {
    StringBuilder sb = new StringBuilder(source);
    if (line > 0) {
      sb.append(':').append(line);
    }
    sb.append(": ").append(problem);
    if (text != null) {
      String shown = text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN) + "…" : text;
      sb.append(" in line \"").append(shown.replace("\t", "\\t")).append('"');
    }
    return sb.toString();
  }
}
