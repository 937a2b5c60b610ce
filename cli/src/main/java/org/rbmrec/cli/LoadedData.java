package org.rbmrec.cli;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.rbmrec.data.Ratings;

/**
 * A data set resolved from what the user typed.
 *
 * @param description where the data came from, for people, such as
 *     {@code "ml-100k (/home/me/.rbmrec/data/ml-100k/u.data)"}
 * @param ratings the ratings
 * @param titles item titles by raw item id; empty when the source has none
 * @param notices remarks for the user (a cache was rebuilt, duplicates were dropped, …), printed
 *     on stderr
 */
public record LoadedData(
    String description, Ratings ratings, Map<Long, String> titles, List<String> notices) {
  public LoadedData {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(ratings, "ratings");
    titles = Map.copyOf(titles);
    notices = List.copyOf(notices);
  }

  /** Data without titles or notices. */
  public static LoadedData of(String description, Ratings ratings) {
    return new LoadedData(description, ratings, Map.of(), List.of());
  }
}
