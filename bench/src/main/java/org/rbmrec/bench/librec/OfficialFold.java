package org.rbmrec.bench.librec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.rbmrec.data.DataException;

/**
 * One official ml-100k train/test split: {@code <name>.base} and {@code <name>.test} in the
 * extracted ml-100k folder. The five folds u1..u5 are disjoint 80/20 splits of {@code u.data};
 * ua and ub hold out exactly ten ratings per user.
 *
 * @param name "u1".."u5", "ua" or "ub"
 * @param base the training file, tab-separated {@code user item rating timestamp}
 * @param test the test file, same format
 */
public record OfficialFold(String name, Path base, Path test) {

  /** The names of the official splits, in order. */
  public static final List<String> NAMES = List.of("u1", "u2", "u3", "u4", "u5", "ua", "ub");

  public OfficialFold {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(test, "test");
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException("name must be one of " + NAMES + ", got " + name);
    }
  }

  /**
   * The split {@code name} of the ml-100k folder {@code ml100k}.
   *
   * @throws DataException if either file is missing
   */
  public static OfficialFold of(Path ml100k, String name) {
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException("fold must be one of " + NAMES + ", got " + name);
    }
    OfficialFold fold =
        new OfficialFold(name, ml100k.resolve(name + ".base"), ml100k.resolve(name + ".test"));
    for (Path file : List.of(fold.base, fold.test)) {
      if (!Files.isRegularFile(file)) {
        throw new DataException(
            file + ": official ml-100k split file not found (expected the extracted ml-100k"
                + " folder with u1.base, u1.test, ...)");
      }
    }
    return fold;
  }
}
