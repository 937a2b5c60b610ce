package org.rbmrec.data.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import org.rbmrec.data.DataException;
import org.rbmrec.data.MalformedDataException;
import org.rbmrec.data.movielens.MovieLensVariant;
import org.rbmrec.progress.Progress;

/**
 * Reads a delimited ratings file, one rating per line: {@code user SEP item SEP rating [SEP
 * timestamp]} (column positions configurable), into {@link org.rbmrec.data.Ratings}.
 *
 * <p>Parsing works on the raw bytes: no {@code String} per line, no regular expressions, no
 * boxing. User and item ids must be integers (they become {@code long} raw ids); ratings are
 * decimal numbers; timestamps are whole seconds.
 *
 * <p>Rules, in the order they apply:
 * <ul>
 *   <li>A UTF-8 byte-order mark at the start is skipped. Lines end in {@code \n} or
 *       {@code \r\n}.
 *   <li>Blank lines (empty or only spaces and tabs) are skipped anywhere in the file, and the
 *       number skipped is reported; reading never stops at a blank line.
 *   <li>With no separator given, it is sniffed from the first non-blank line: {@code ::} if
 *       present, else a tab, a comma, a semicolon, a bar, else runs of whitespace.
 *   <li>With no header setting given, the first non-blank line is a header when its rating
 *       field is not a number and its user and item fields are not both integers (so a first
 *       line such as {@code 1,10,NaN} is a data line with a bad rating, reported as such).
 *   <li>The first data line fixes the number of fields; every data line must have exactly that
 *       many, and at least enough for the user, item and rating columns. If it has no field at
 *       the timestamp column, the ratings have no timestamps.
 *   <li>With no scale given, the scale is inferred from the distinct rating values: min, max and
 *       the largest step dividing every difference (for example 0.5).
 *   <li>A (user, item) pair rated more than once is resolved by the {@link DuplicatePolicy}.
 * </ul>
 * Everything inferred or dropped is reported in {@link LoadedRatings#notices()}. Every data
 * problem is a {@link DataException} with a one-line message naming the source, the 1-based line
 * and the offending text.
 */
public final class DelimitedRatingsReader {
  private static final int BUFFER_SIZE = 1 << 20;
  /** The longest line accepted, in bytes; a longer one means the file is not a ratings file. */
  static final int MAX_LINE_BYTES = 1 << 26;

  private final ReaderOptions options;

  /** A reader with {@code options}. */
  public DelimitedRatingsReader(ReaderOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /** A reader that sniffs separator and header and infers the scale. */
  public DelimitedRatingsReader() {
    this(ReaderOptions.defaults());
  }

  /** The options this reader uses. */
  public ReaderOptions options() {
    return options;
  }

  /**
   * Reads the ratings file {@code file}; titles are empty.
   *
   * @param progress told the number of bytes read
   * @throws DataException if the file is missing, unreadable, empty or malformed; the message for
   *     a missing file suggests how to fetch a MovieLens data set
   */
  public LoadedRatings read(Path file, Progress progress) {
    long size;
    try {
      size = Files.size(file);
    } catch (NoSuchFileException e) {
      throw new DataException(missingFileMessage(file, null), e);
    } catch (IOException e) {
      throw new DataException("cannot read ratings file " + file + ": " + e.getMessage(), e);
    }
    if (Files.isDirectory(file)) {
      throw new DataException(
          "expected a ratings file, got the folder " + file
              + " (for a MovieLens folder, load it as a MovieLens data set)");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString(), size, progress);
    } catch (NoSuchFileException e) {
      throw new DataException(missingFileMessage(file, null), e);
    } catch (IOException e) {
      throw new DataException("cannot read ratings file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads ratings from {@code in}, for example a zip entry. The stream is read to its end but not
   * closed.
   *
   * @param source the name of the stream in messages, such as {@code ml-1m.zip!ml-1m/ratings.dat}
   * @param sizeHint the number of bytes expected, or -1 if unknown (for progress and to size the
   *     arrays)
   */
  public LoadedRatings read(InputStream in, String source, long sizeHint, Progress progress) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(progress, "progress");
    RatingsParser parser = new RatingsParser(options, source, sizeHint);
    byte[] buffer = new byte[BUFFER_SIZE];
    progress.start("reading " + fileName(source), sizeHint, "B");
    try {
      int start = 0;
      int limit = 0;
      boolean eof = false;
      boolean first = true;
      while (true) {
        int newline = -1;
        for (int i = start; i < limit; i++) {
          if (buffer[i] == '\n') {
            newline = i;
            break;
          }
        }
        if (newline >= 0) {
          parser.line(buffer, start, newline);
          start = newline + 1;
          continue;
        }
        if (eof) {
          if (start < limit) {
            parser.line(buffer, start, limit);
          }
          break;
        }
        if (start > 0) {
          System.arraycopy(buffer, start, buffer, 0, limit - start);
          limit -= start;
          start = 0;
        } else if (limit == buffer.length) {
          if (buffer.length >= MAX_LINE_BYTES) {
            throw new MalformedDataException(source, parser.lineNumber() + 1,
                "a line is longer than " + MAX_LINE_BYTES + " bytes: expected short lines of "
                    + "user,item,rating[,timestamp]", null);
          }
          buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
          eof = true;
        } else {
          limit += read;
          progress.advance(read);
          if (first && limit >= 3 && (buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB
              && (buffer[2] & 0xFF) == 0xBF) {
            start = 3;
          }
          if (first && limit >= 3) {
            first = false;
            parser.sample(buffer, start, limit);
          }
        }
      }
    } catch (IOException e) {
      throw new DataException("cannot read " + source + ": " + e.getMessage(), e);
    } finally {
      progress.finish();
    }
    return parser.finish();
  }

  /**
   * The message for a ratings file that does not exist.
   *
   * @param variantName the MovieLens variant expected there, or null for a generic file
   */
  static String missingFileMessage(Path file, String variantName) {
    if (variantName != null) {
      return "ratings file not found: " + file + "; run `rbmrec data fetch " + variantName
          + "` to download it";
    }
    return "ratings file not found: " + file + "; check the path, or for a MovieLens data set"
        + " run `rbmrec data fetch NAME` (NAME one of "
        + MovieLensVariant.names() + ")";
  }

  private static String fileName(String source) {
    int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
    return slash >= 0 ? source.substring(slash + 1) : source;
  }
}
