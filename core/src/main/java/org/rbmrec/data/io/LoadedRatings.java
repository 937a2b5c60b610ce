package org.rbmrec.data.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.rbmrec.data.Ratings;

/**
 * The result of loading a data set: the ratings, the item titles when the data set has them, and
 * what the reader noticed or inferred on the way.
 *
 * @param ratings the ratings; no (user, item) pair occurs twice
 * @param titles item titles by raw item id; empty when the source has none
 * @param notices one-line remarks for the user: the separator, header and scale that were
 *     inferred, duplicate ratings dropped, blank lines skipped, cache use; never null
 * @param source a description of where the data came from, such as a path or
 *     {@code ml-100k.zip!ml-100k/u.data}
 */
public record LoadedRatings(
    Ratings ratings, ItemTitles titles, List<String> notices, String source) {
  public LoadedRatings {
    Objects.requireNonNull(ratings, "ratings");
    Objects.requireNonNull(titles, "titles");
    Objects.requireNonNull(source, "source");
    notices = List.copyOf(notices);
  }

  /** The same data with {@code more} notices appended. */
  public LoadedRatings withNotices(List<String> more) {
    if (more.isEmpty()) {
      return this;
    }
    ArrayList<String> all = new ArrayList<>(notices);
    all.addAll(more);
    return new LoadedRatings(ratings, titles, all, source);
  }

  /** The same data with other titles. */
  public LoadedRatings withTitles(ItemTitles newTitles) {
    return new LoadedRatings(ratings, newTitles, notices, source);
  }
}
