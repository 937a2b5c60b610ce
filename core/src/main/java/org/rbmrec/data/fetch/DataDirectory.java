package org.rbmrec.data.fetch;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.rbmrec.data.DataException;
import org.rbmrec.data.movielens.MovieLensVariant;

/**
 * The folder that holds MovieLens data, and the rule that chose it.
 *
 * <p>Resolution order: an explicit {@code --data-dir} path; else the environment variable
 * {@value #ENV_VAR}; else a per-user cache folder: {@code $XDG_CACHE_HOME/rbmrec} or
 * {@code ~/.cache/rbmrec} on Linux and other Unix systems, {@code ~/Library/Caches/rbmrec} on
 * macOS, {@code %LOCALAPPDATA%\rbmrec} on Windows. The folder need not exist yet.
 *
 * <p>A variant is present when its extracted folder holds the ratings file
 * ({@code DIR/ml-100k/u.data}) or when the official zip sits in the folder
 * ({@code DIR/ml-100k.zip}); the folder wins when both exist.
 *
 * @param path the data folder, absolute and normalized
 * @param rule which rule chose it
 */
public record DataDirectory(Path path, Rule rule) {
  /** The environment variable that names the data folder. */
  public static final String ENV_VAR = "RBMREC_DATA";

  /** The name of the folder created inside the per-user cache. */
  public static final String APP_FOLDER = "rbmrec";

  /** Which rule chose the data folder. */
  public enum Rule {
    /** The {@code --data-dir} command-line option (or an explicit path from a library user). */
    FLAG("--data-dir"),
    /** The {@value DataDirectory#ENV_VAR} environment variable. */
    ENVIRONMENT("$" + ENV_VAR),
    /** The per-user cache folder of the operating system. */
    USER_CACHE("the per-user cache; set --data-dir or $" + ENV_VAR + " to change it");

    private final String description;

    Rule(String description) {
      this.description = description;
    }

    /** A short phrase for messages, such as "--data-dir". */
    public String description() {
      return description;
    }
  }

  public DataDirectory {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(rule, "rule");
    path = path.toAbsolutePath().normalize();
  }

  /**
   * Resolves the data folder from the given flag, environment, home folder and operating system.
   *
   * @param flagOrNull the {@code --data-dir} value, or null when not given
   * @param env the environment variables; empty values count as unset
   * @param home the user's home folder
   * @param osName the operating system's name, as in the system property {@code os.name}
   */
  public static DataDirectory resolve(
      Path flagOrNull, Map<String, String> env, Path home, String osName) {
    Objects.requireNonNull(env, "env");
    Objects.requireNonNull(home, "home");
    Objects.requireNonNull(osName, "osName");
    if (flagOrNull != null) {
      return new DataDirectory(flagOrNull, Rule.FLAG);
    }
    String fromEnv = nonEmpty(env.get(ENV_VAR));
    if (fromEnv != null) {
      return new DataDirectory(Path.of(fromEnv), Rule.ENVIRONMENT);
    }
    return new DataDirectory(userCache(env, home, osName), Rule.USER_CACHE);
  }

  /**
   * Resolves the data folder with this process's environment, {@code user.home} and
   * {@code os.name}.
   *
   * @param flagOrNull the {@code --data-dir} value, or null when not given
   */
  public static DataDirectory resolve(Path flagOrNull) {
    return resolve(flagOrNull, System.getenv(), Path.of(System.getProperty("user.home")),
        System.getProperty("os.name", ""));
  }

  private static Path userCache(Map<String, String> env, Path home, String osName) {
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      String local = nonEmpty(env.get("LOCALAPPDATA"));
      Path base = local != null ? Path.of(local) : home.resolve("AppData").resolve("Local");
      return base.resolve(APP_FOLDER);
    }
    if (os.startsWith("mac") || os.startsWith("darwin")) {
      return home.resolve("Library").resolve("Caches").resolve(APP_FOLDER);
    }
    // The XDG base-directory specification says relative values are invalid and to be ignored.
    String xdg = nonEmpty(env.get("XDG_CACHE_HOME"));
    if (xdg != null && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg).resolve(APP_FOLDER);
    }
    return home.resolve(".cache").resolve(APP_FOLDER);
  }

  private static String nonEmpty(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  /** Where the extracted folder of {@code v} belongs: {@code DIR/<folderName>}. */
  public Path folderOf(MovieLensVariant v) {
    return path.resolve(v.folderName());
  }

  /** Where the official zip of {@code v} belongs: {@code DIR/<zipName>}. */
  public Path zipOf(MovieLensVariant v) {
    return path.resolve(v.zipName());
  }

  /**
   * Finds {@code v} in this folder: its extracted folder when that holds the ratings file,
   * else its official zip when present (returned as-is, for loading straight from the zip),
   * else empty.
   */
  public Optional<Path> locate(MovieLensVariant v) {
    Path folder = folderOf(v);
    if (Files.isRegularFile(folder.resolve(v.ratingsFile()))) {
      return Optional.of(folder);
    }
    Path zip = zipOf(v);
    if (Files.isRegularFile(zip)) {
      return Optional.of(zip);
    }
    return Optional.empty();
  }

  /**
   * Finds {@code v} in this folder, or throws a {@link DataException} whose message says how to
   * get it (see {@link #missingMessage(MovieLensVariant)}).
   */
  public Path require(MovieLensVariant v) {
    return locate(v).orElseThrow(() -> new DataException(missingMessage(v)));
  }

  /**
   * The one-line message for a variant that is not here: the command that fetches it, what to
   * download by hand, from where, and where to put it.
   */
  public String missingMessage(MovieLensVariant v) {
    return v.id() + " is not in " + this + ": run"
        + " 'rbmrec data fetch " + v.id() + "', or " + manualInstructions(v, v.downloadUri());
  }

  /**
   * What to do by hand to put {@code v} here, as a clause for a message: "download URI and save
   * it as DIR/ml-100k.zip, or extract it so that DIR/ml-100k/u.data exists".
   *
   * @param from where the zip can be downloaded, normally {@link MovieLensVariant#downloadUri()}
   */
  public String manualInstructions(MovieLensVariant v, URI from) {
    return "download " + from + " and save it as " + zipOf(v) + ", or extract it so that "
        + folderOf(v).resolve(v.ratingsFile()) + " exists";
  }

  /** The folder and the rule that chose it, such as "/data (from $RBMREC_DATA)". */
  @Override
  public String toString() {
    return path + " (from " + rule.description() + ")";
  }
}
