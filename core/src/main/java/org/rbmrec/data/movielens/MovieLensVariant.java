package org.rbmrec.data.movielens;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.rbmrec.data.RatingScale;

/**
 * The registry of MovieLens variants: each one's official folder and zip names, ratings file
 * layout, rating scale, movie-title file, and (where known) the size and SHA-256 of the official
 * zip.
 */
public enum MovieLensVariant {
  ML_100K("ml-100k", "ml-100k", "u.data", "\t", false, RatingScale.STARS_1_TO_5,
      "u.item", TitleFormat.PIPE, "ISO-8859-1",
      4_924_029L, "50d2a982c66986937beb9ffb3aa76efe955bf3d5c6b761f4e3a7cd717c6a3229"),
  ML_1M("ml-1m", "ml-1m", "ratings.dat", "::", false, RatingScale.STARS_1_TO_5,
      "movies.dat", TitleFormat.DOUBLE_COLON, "ISO-8859-1",
      5_917_549L, "a6898adb50b9ca05aa231689da44c217cb524e7ebd39d264c56e2832f2c54e20"),
  ML_10M("ml-10m", "ml-10M100K", "ratings.dat", "::", false, RatingScale.HALF_STARS,
      "movies.dat", TitleFormat.DOUBLE_COLON, "UTF-8", -1, null),
  ML_20M("ml-20m", "ml-20m", "ratings.csv", ",", true, RatingScale.HALF_STARS,
      "movies.csv", TitleFormat.CSV, "UTF-8",
      198_702_078L, "96f243c338a8665f6bcc89c53edf6ee39162a846940de6b7c8c48aeada765ff3"),
  ML_25M("ml-25m", "ml-25m", "ratings.csv", ",", true, RatingScale.HALF_STARS,
      "movies.csv", TitleFormat.CSV, "UTF-8",
      261_978_986L, "8b21cfb7eb1706b4ec0aac894368d90acf26ebdfb6aced3ebd4ad5bd1eb9c6aa"),
  ML_32M("ml-32m", "ml-32m", "ratings.csv", ",", true, RatingScale.HALF_STARS,
      "movies.csv", TitleFormat.CSV, "UTF-8", -1, null),
  ML_LATEST_SMALL("ml-latest-small", "ml-latest-small", "ratings.csv", ",", true,
      RatingScale.HALF_STARS, "movies.csv", TitleFormat.CSV, "UTF-8", -1, null),
  ML_LATEST("ml-latest", "ml-latest", "ratings.csv", ",", true, RatingScale.HALF_STARS,
      "movies.csv", TitleFormat.CSV, "UTF-8", -1, null);

  /** Where GroupLens publishes the official zips. */
  public static final String DOWNLOAD_BASE = "https://files.grouplens.org/datasets/movielens/";

  /** How a movie-title file is laid out. */
  public enum TitleFormat {
    /** {@code id|title|date|…} as in ml-100k's u.item. */
    PIPE,
    /** {@code id::title::genres} as in ml-1m and ml-10m's movies.dat. */
    DOUBLE_COLON,
    /** {@code movieId,title,genres} with a header and quoted titles, as in movies.csv. */
    CSV
  }

  private final String id;
  private final String folderName;
  private final String ratingsFile;
  private final String separator;
  private final boolean header;
  private final RatingScale scale;
  private final String titlesFile;
  private final TitleFormat titleFormat;
  private final String titlesCharset;
  private final long zipSize;
  private final String zipSha256;

  MovieLensVariant(
      String id, String folderName, String ratingsFile, String separator, boolean header,
      RatingScale scale, String titlesFile, TitleFormat titleFormat, String titlesCharset,
      long zipSize, String zipSha256) {
    this.id = id;
    this.folderName = folderName;
    this.ratingsFile = ratingsFile;
    this.separator = separator;
    this.header = header;
    this.scale = scale;
    this.titlesFile = titlesFile;
    this.titleFormat = titleFormat;
    this.titlesCharset = titlesCharset;
    this.zipSize = zipSize;
    this.zipSha256 = zipSha256;
  }

  /** The name users type, such as "ml-100k". */
  public String id() {
    return id;
  }

  /** The folder the official zip extracts to, such as "ml-10M100K" for ml-10m. */
  public String folderName() {
    return folderName;
  }

  /** The official zip's file name, such as "ml-100k.zip". */
  public String zipName() {
    return id + ".zip";
  }

  /** The official download address of the zip. */
  public URI downloadUri() {
    return URI.create(DOWNLOAD_BASE + zipName());
  }

  /** The ratings file inside the folder, such as "u.data". */
  public String ratingsFile() {
    return ratingsFile;
  }

  /** The field separator of the ratings file: a tab, "::" or ",". */
  public String separator() {
    return separator;
  }

  /** Whether the ratings file starts with a header line. */
  public boolean hasHeader() {
    return header;
  }

  /** The rating scale. */
  public RatingScale scale() {
    return scale;
  }

  /** The movie-title file inside the folder. */
  public String titlesFile() {
    return titlesFile;
  }

  /** The layout of the movie-title file. */
  public TitleFormat titleFormat() {
    return titleFormat;
  }

  /** The character set of the movie-title file. */
  public String titlesCharset() {
    return titlesCharset;
  }

  /** The official zip's size in bytes, when known. */
  public OptionalLong zipSize() {
    return zipSize < 0 ? OptionalLong.empty() : OptionalLong.of(zipSize);
  }

  /** The official zip's SHA-256 as lower-case hex, when known. */
  public Optional<String> zipSha256() {
    return Optional.ofNullable(zipSha256);
  }

  /** The variant called {@code name} (case-insensitive, also "ml-10M100K"), if any. */
  public static Optional<MovieLensVariant> byName(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    for (MovieLensVariant v : values()) {
      if (v.id.equals(wanted) || v.folderName.toLowerCase(Locale.ROOT).equals(wanted)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /** The names of every variant, comma-separated, for help and error messages. */
  public static String names() {
    return Arrays.stream(values()).map(MovieLensVariant::id).collect(Collectors.joining(", "));
  }
}
