package org.rbmrec.data.source;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.rbmrec.data.Ratings;
import org.rbmrec.data.io.ItemTitles;
import org.rbmrec.data.io.LoadedRatings;
import org.rbmrec.data.movielens.MovieLensVariant;

/**
 * A data set opened from a name or a path.
 *
 * @param name what the user typed
 * @param loaded the ratings, titles and load notices
 * @param variant the MovieLens variant, when the data is one
 * @param location the file, folder or zip the data came from (for an official split such as
 *     {@code u1}, the folder or zip that holds its files)
 */
public record Dataset(
    String name, LoadedRatings loaded, Optional<MovieLensVariant> variant, Path location) {
  public Dataset {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(loaded, "loaded");
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(location, "location");
  }

  /** A data set that exists only in memory (tests, synthetic data). */
  public static Dataset inMemory(String name, Ratings ratings) {
    return new Dataset(name, new LoadedRatings(ratings, ItemTitles.empty(), List.of(),
        name + " (in memory)"), Optional.empty(), Path.of(name));
  }

  /** The ratings. */
  public Ratings ratings() {
    return loaded.ratings();
  }

  /** Item titles by raw item id; empty when the source has none. */
  public ItemTitles titles() {
    return loaded.titles();
  }

  /** Remarks for the user made while loading. */
  public List<String> notices() {
    return loaded.notices();
  }

  /** Where the data came from, for people. */
  public String description() {
    return loaded.source();
  }
}
