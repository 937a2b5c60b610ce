package org.rbmrec.data.split;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.rbmrec.data.DataException;
import org.rbmrec.data.MalformedDataException;
import org.rbmrec.data.Ratings;
import org.rbmrec.data.SparseRows;
import org.rbmrec.data.io.ZipEntryInput;

/**
 * The official ml-100k splits {@code u1 … u5} (five disjoint 20% test sets) and {@code ua},
 * {@code ub} (exactly 10 test ratings per user), read from the ml-100k folder or the official
 * zip (entries {@code ml-100k/u1.test}, {@code ml-100k/u1.base}, …).
 *
 * <p>The {@code .test} file (tab-separated user id, item id, rating, timestamp) names the test
 * pairs; every other rating of the full set is training. Each test line must match a rating of
 * the full set with the same value, and the {@code .base} file must have exactly as many lines
 * as the training part, otherwise a {@link DataException} says what disagrees.
 */
public final class OfficialSplit {
  /** The official split names, in order. */
  public static final List<String> NAMES = List.of("u1", "u2", "u3", "u4", "u5", "ua", "ub");

  private OfficialSplit() {}

  /**
   * Loads split {@code name}.
   *
   * @param all the full ml-100k set, loaded from {@code u.data}
   * @param folderOrZip the ml-100k folder (holding {@code u1.test}; a folder holding
   *     {@code ml-100k/u1.test} also works) or {@code ml-100k.zip}
   * @param name one of {@link #NAMES}
   * @throws DataException if a file is missing or unreadable, or disagrees with {@code all}
   */
  public static Split load(Ratings all, Path folderOrZip, String name) {
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException(
          "official split name must be one of " + NAMES + ", got \"" + name + "\"");
    }
    if (Files.isDirectory(folderOrZip)) {
      Path folder = folderOrZip;
      if (!Files.exists(folder.resolve(name + ".test"))
          && Files.exists(folder.resolve("ml-100k").resolve(name + ".test"))) {
        folder = folder.resolve("ml-100k");
      }
      Path testFile = folder.resolve(name + ".test");
      Path baseFile = folder.resolve(name + ".base");
      boolean[] test;
      try (BufferedReader in = Files.newBufferedReader(testFile, StandardCharsets.US_ASCII)) {
        test = readTest(all, in, testFile.toString());
      } catch (IOException e) {
        throw new DataException("cannot read the official split file " + testFile + ": " + e, e);
      }
      long baseLines;
      try (BufferedReader in = Files.newBufferedReader(baseFile, StandardCharsets.US_ASCII)) {
        baseLines = countLines(in);
      } catch (IOException e) {
        throw new DataException("cannot read the official split file " + baseFile + ": " + e, e);
      }
      return finish(all, name, test, baseLines, baseFile.toString());
    }
    if (Files.isRegularFile(folderOrZip)) {
      return loadFromZip(all, folderOrZip, name);
    }
    throw new DataException(
        "the official split " + name + " needs the ml-100k folder or zip, but " + folderOrZip
            + " does not exist");
  }

  private static Split loadFromZip(Ratings all, Path zipPath, String name) {
    try (ZipFile zip = new ZipFile(zipPath.toFile())) {
      ZipEntry testEntry = entry(zip, zipPath, name + ".test");
      ZipEntry baseEntry = entry(zip, zipPath, name + ".base");
      boolean[] test;
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(ZipEntryInput.open(zip, testEntry),
              StandardCharsets.US_ASCII))) {
        test = readTest(all, in, zipPath.getFileName() + "!" + testEntry.getName());
      }
      long baseLines;
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(ZipEntryInput.open(zip, baseEntry),
              StandardCharsets.US_ASCII))) {
        baseLines = countLines(in);
      }
      return finish(all, name, test, baseLines,
          zipPath.getFileName() + "!" + baseEntry.getName());
    } catch (IOException e) {
      throw new DataException("cannot read the ml-100k zip " + zipPath + ": " + e, e);
    }
  }

  private static ZipEntry entry(ZipFile zip, Path zipPath, String file) {
    ZipEntry entry = zip.getEntry("ml-100k/" + file);
    if (entry == null) {
      entry = zip.getEntry(file);
    }
    if (entry == null) {
      throw new DataException(
          zipPath + " has no entry ml-100k/" + file + "; is it the official ml-100k.zip?");
    }
    return entry;
  }

  private static Split finish(
      Ratings all, String name, boolean[] test, long baseLines, String baseSource) {
    int testCount = 0;
    for (boolean t : test) {
      testCount += t ? 1 : 0;
    }
    long trainCount = (long) all.size() - testCount;
    if (baseLines != trainCount) {
      throw new DataException(
          baseSource + " has " + baseLines + " lines, but the full set minus " + name
              + ".test leaves " + trainCount + " ratings; the split files do not belong to"
              + " these ratings");
    }
    return Partitions.fromTestMask(all, test, name + " (official ml-100k)");
  }

  private static boolean[] readTest(Ratings all, BufferedReader in, String source)
      throws IOException {
    SparseRows rows = all.byUser();
    boolean[] test = new boolean[all.size()];
    long lineNumber = 0;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      int t1 = line.indexOf('\t');
      int t2 = t1 < 0 ? -1 : line.indexOf('\t', t1 + 1);
      if (t2 < 0) {
        throw new MalformedDataException(source, lineNumber,
            "expected tab-separated user id, item id, rating, timestamp", line);
      }
      int t3 = line.indexOf('\t', t2 + 1);
      long userId = parseLong(line.substring(0, t1), "user id", source, lineNumber, line);
      long itemId = parseLong(line.substring(t1 + 1, t2), "item id", source, lineNumber, line);
      String ratingText = t3 < 0 ? line.substring(t2 + 1) : line.substring(t2 + 1, t3);
      double rating;
      try {
        rating = Double.parseDouble(ratingText.trim());
      } catch (NumberFormatException e) {
        throw new MalformedDataException(source, lineNumber,
            "expected a numeric rating, found \"" + ratingText + "\"", line);
      }
      int user = all.userIds().indexOrMinusOne(userId);
      int item = all.itemIds().indexOrMinusOne(itemId);
      int position = user < 0 || item < 0 ? -1 : rows.find(user, item);
      if (position < 0) {
        throw new MalformedDataException(source, lineNumber,
            "user " + userId + " never rated item " + itemId + " in the full set", line);
      }
      int index = rows.ratingIndex(position);
      if (all.scale().levelOrMinusOne(rating) != all.level(index)) {
        throw new MalformedDataException(source, lineNumber,
            "rating " + ratingText + " differs from the full set's " + all.value(index)
                + " for user " + userId + ", item " + itemId, line);
      }
      if (test[index]) {
        throw new MalformedDataException(source, lineNumber,
            "user " + userId + ", item " + itemId + " appears twice", line);
      }
      test[index] = true;
    }
    return test;
  }

  private static long parseLong(
      String text, String what, String source, long lineNumber, String line) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new MalformedDataException(source, lineNumber,
          "expected an integer " + what + ", found \"" + text + "\"", line);
    }
  }

  private static long countLines(BufferedReader in) throws IOException {
    long count = 0;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (!line.isBlank()) {
        count++;
      }
    }
    return count;
  }
}
