package org.rbmrec.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.rbmrec.data.RatingScale;
import org.rbmrec.data.io.ReaderOptions;
import org.rbmrec.data.io.Separator;
import picocli.CommandLine.Option;

/**
 * How a generic ratings file is read (a picocli mixin for commands that take DATA): separator,
 * header, column order and rating scale. Anything not given is sniffed or inferred, and what was
 * inferred is reported. MovieLens sets ignore these flags: their layout is known.
 */
public final class ReaderFlags {
  @Option(names = "--sep", paramLabel = "SEP",
      description = "Field separator of a ratings file: tab, comma, semicolon, pipe, '::' or"
          + " whitespace (default: sniffed).")
  String separator;

  @Option(names = "--header", negatable = true,
      description = "Whether the file starts with a header line (default: sniffed).")
  Boolean header;

  @Option(names = "--columns", paramLabel = "U,I,R[,T]",
      description = "0-based positions of the user, item, rating and (optional) timestamp"
          + " fields (default: 0,1,2,3).")
  String columns;

  @Option(names = "--rating-scale", paramLabel = "MIN:MAX:STEP",
      description = "The rating scale, e.g. 1:5:1 or 0.5:5:0.5 (default: inferred from the"
          + " values).")
  String scale;

  /** The reader options these flags describe. */
  ReaderOptions options() {
    return options(asMap());
  }

  /** The flags that were given, by name, as recorded in {@code run.json}. */
  Map<String, String> asMap() {
    Map<String, String> map = new LinkedHashMap<>();
    if (separator != null) {
      map.put("sep", separator);
    }
    if (header != null) {
      map.put("header", header.toString());
    }
    if (columns != null) {
      map.put("columns", columns);
    }
    if (scale != null) {
      map.put("rating_scale", scale);
    }
    return map;
  }

  /** The reader options of recorded flags (see {@link #asMap()}). */
  static ReaderOptions options(Map<String, String> flags) {
    ReaderOptions options = ReaderOptions.defaults();
    if (flags.containsKey("sep")) {
      options = options.withSeparator(Separator.parse(flags.get("sep")));
    }
    if (flags.containsKey("header")) {
      options = options.withHeader(Boolean.parseBoolean(flags.get("header")));
    }
    if (flags.containsKey("columns")) {
      String[] parts = flags.get("columns").split(",");
      if (parts.length < 3 || parts.length > 4) {
        throw new IllegalArgumentException(
            "--columns must be U,I,R or U,I,R,T (0-based positions), got " + flags.get("columns"));
      }
      int[] c = new int[4];
      c[3] = -1;
      for (int j = 0; j < parts.length; j++) {
        c[j] = parseInt(parts[j], "--columns");
      }
      options = options.withColumns(c[0], c[1], c[2], c[3]);
    }
    if (flags.containsKey("rating_scale")) {
      String[] parts = flags.get("rating_scale").split(":");
      if (parts.length != 3) {
        throw new IllegalArgumentException(
            "--rating-scale must be MIN:MAX:STEP, got " + flags.get("rating_scale"));
      }
      options = options.withScale(new RatingScale(parseDouble(parts[0]), parseDouble(parts[1]),
          parseDouble(parts[2])));
    }
    return options;
  }

  private static int parseInt(String text, String flag) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " takes whole numbers, got \"" + text + "\"", e);
    }
  }

  private static double parseDouble(String text) {
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--rating-scale takes numbers, got \"" + text + "\"", e);
    }
  }
}
