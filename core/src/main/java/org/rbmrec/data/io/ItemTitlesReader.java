package org.rbmrec.data.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.rbmrec.data.DataException;
import org.rbmrec.data.MalformedDataException;
import org.rbmrec.data.movielens.MovieLensVariant.TitleFormat;

/**
 * Reads item titles in the three MovieLens layouts:
 * <ul>
 *   <li>{@link TitleFormat#PIPE}: {@code id|title|date|…} (ml-100k {@code u.item});
 *   <li>{@link TitleFormat#DOUBLE_COLON}: {@code id::title::genres} ({@code movies.dat});
 *   <li>{@link TitleFormat#CSV}: a header {@code movieId,title,genres}, then RFC 4180 records
 *       whose title may be quoted, with embedded commas and doubled quotes ({@code movies.csv}).
 * </ul>
 *
 * <p>The bytes are decoded strictly in the declared charset. A file declared UTF-8 that is not
 * valid UTF-8 (older MovieLens files are Latin-1) is decoded as ISO-8859-1 instead, with a
 * notice; a file in any other declared charset that does not decode is an error. Blank lines are
 * skipped.
 */
public final class ItemTitlesReader {
  private ItemTitlesReader() {}

  /**
   * Reads the titles file {@code file}.
   *
   * @param notices receives one-line remarks, such as a charset fallback
   * @throws DataException if the file is missing, unreadable or malformed
   */
  public static ItemTitles read(
      Path file, TitleFormat format, Charset charset, Consumer<String> notices) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new DataException("titles file not found: " + file, e);
    } catch (IOException e) {
      throw new DataException("cannot read titles file " + file + ": " + e.getMessage(), e);
    }
    return parse(bytes, file.toString(), format, charset, notices);
  }

  /**
   * Reads titles from {@code in} (for example a zip entry), which is read to its end but not
   * closed.
   *
   * @param source the name of the stream for messages, such as {@code ml-1m.zip!ml-1m/movies.dat}
   */
  public static ItemTitles read(
      InputStream in, String source, TitleFormat format, Charset charset,
      Consumer<String> notices) {
    byte[] bytes;
    try {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new DataException("cannot read titles from " + source + ": " + e.getMessage(), e);
    }
    return parse(bytes, source, format, charset, notices);
  }

  /** Parses titles from the whole content of a file. */
  static ItemTitles parse(
      byte[] bytes, String source, TitleFormat format, Charset charset,
      Consumer<String> notices) {
    String text = decode(bytes, source, charset, notices);
    return switch (format) {
      case PIPE -> parseSplit(text, source, "|", false);
      case DOUBLE_COLON -> parseSplit(text, source, "::", true);
      case CSV -> parseCsv(text, source);
    };
  }

  private static String decode(
      byte[] bytes, String source, Charset charset, Consumer<String> notices) {
    int offset = 0;
    if (charset.equals(StandardCharsets.UTF_8) && bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
      offset = 3;
    }
    try {
      return charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
          .toString();
    } catch (CharacterCodingException e) {
      if (charset.equals(StandardCharsets.UTF_8)) {
        notices.accept(source + " is not valid UTF-8; read it as ISO-8859-1 (Latin-1)");
        return new String(bytes, offset, bytes.length - offset, StandardCharsets.ISO_8859_1);
      }
      throw new DataException(
          source + " is not valid " + charset.name() + " text: " + e.getMessage(), e);
    }
  }

  /**
   * {@code id SEP title SEP …}: the title runs from the first separator to the next one, or for
   * {@code titleToLast} to the last one (so a title may itself contain the separator).
   */
  private static ItemTitles parseSplit(
      String text, String source, String separator, boolean titleToLast) {
    ItemTitles.Builder builder = new ItemTitles.Builder();
    int lineNumber = 0;
    int start = 0;
    int length = text.length();
    while (start < length) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = length;
      }
      lineNumber++;
      int lineEnd = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
      String line = text.substring(start, lineEnd);
      start = end + 1;
      if (line.isBlank()) {
        continue;
      }
      int first = line.indexOf(separator);
      if (first < 0) {
        throw new MalformedDataException(source, lineNumber,
            "expected \"id" + separator + "title" + separator + "…\", found no \"" + separator
                + "\"", line);
      }
      long id = parseId(line.substring(0, first).trim(), source, lineNumber, line);
      int titleStart = first + separator.length();
      int titleEnd = titleToLast ? line.lastIndexOf(separator) : line.indexOf(separator, titleStart);
      if (titleEnd < titleStart) {
        titleEnd = line.length();
      }
      builder.put(id, line.substring(titleStart, titleEnd).trim());
    }
    return builder.build();
  }

  /** RFC 4180 records; the first record is the header, which must name movieId and title. */
  private static ItemTitles parseCsv(String text, String source) {
    ItemTitles.Builder builder = new ItemTitles.Builder();
    CsvRecords records = new CsvRecords(text, source);
    List<String> header = records.next();
    if (header == null) {
      return builder.build();
    }
    int idColumn = header.indexOf("movieId");
    int titleColumn = header.indexOf("title");
    if (idColumn < 0 || titleColumn < 0) {
      throw new MalformedDataException(source, records.recordLine(),
          "expected a header naming columns movieId and title", String.join(",", header));
    }
    for (List<String> fields = records.next(); fields != null;
        fields = records.next()) {
      if (fields.size() == 1 && fields.get(0).isBlank()) {
        continue;
      }
      if (fields.size() <= Math.max(idColumn, titleColumn)) {
        throw new MalformedDataException(source, records.recordLine(),
            "expected " + header.size() + " fields, found " + fields.size(),
            String.join(",", fields));
      }
      long id = parseId(fields.get(idColumn).trim(), source, records.recordLine(),
          String.join(",", fields));
      builder.put(id, fields.get(titleColumn).trim());
    }
    return builder.build();
  }

  private static long parseId(String field, String source, long line, String lineText) {
    try {
      return Long.parseLong(field);
    } catch (NumberFormatException e) {
      throw new MalformedDataException(source, line,
          "expected an integer item id, found \"" + field + "\"", lineText);
    }
  }

  /** Splits text into RFC 4180 records; quoted fields may hold separators, quotes, newlines. */
  private static final class CsvRecords {
    private final String text;
    private final String source;
    private int position;
    private int line = 1;
    private int recordLine;

    CsvRecords(String text, String source) {
      this.text = text;
      this.source = source;
    }

    /** The 1-based line on which the last record returned by {@link #next()} started. */
    int recordLine() {
      return recordLine;
    }

    /** The next record's fields, or null at the end of the text. */
    List<String> next() {
      if (position >= text.length()) {
        return null;
      }
      recordLine = line;
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      boolean wasQuoted = false;
      while (position < text.length()) {
        char c = text.charAt(position++);
        if (quoted) {
          if (c == '"') {
            if (position < text.length() && text.charAt(position) == '"') {
              field.append('"');
              position++;
            } else {
              quoted = false;
            }
          } else {
            if (c == '\n') {
              line++;
            }
            field.append(c);
          }
        } else if (c == '"' && field.length() == 0 && !wasQuoted) {
          quoted = true;
          wasQuoted = true;
        } else if (c == ',') {
          fields.add(field.toString());
          field.setLength(0);
          wasQuoted = false;
        } else if (c == '\n') {
          line++;
          break;
        } else if (c != '\r' || position >= text.length() || text.charAt(position) != '\n') {
          field.append(c);
        }
      }
      if (quoted) {
        throw new MalformedDataException(source, recordLine,
            "a quoted field is not closed before the end of the file", null);
      }
      fields.add(field.toString());
      return fields;
    }
  }
}
