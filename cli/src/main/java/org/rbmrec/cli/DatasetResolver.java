package org.rbmrec.cli;

import java.nio.file.Path;
import org.rbmrec.data.io.ReaderOptions;
import org.rbmrec.data.source.Dataset;
import org.rbmrec.progress.Progress;

/**
 * Turns what the user typed as a data set — a MovieLens name such as {@code ml-100k}, or a path
 * to a ratings file, folder or zip — into ratings. The one seam between the commands and the
 * loaders, so that commands can be tested with in-memory data.
 */
public interface DatasetResolver {
  /**
   * Loads a data set.
   *
   * @param nameOrPath a registered name or a path, as typed
   * @param dataDir the {@code --data-dir} given, or null for the default data folder
   * @param options how a generic ratings file is read (MovieLens sets ignore them)
   * @param progress receives progress of reading and parsing
   * @return the ratings, with titles, notices and where they came from
   * @throws org.rbmrec.data.DataException for an unknown name, a missing or malformed file
   */
  Dataset resolve(String nameOrPath, Path dataDir, ReaderOptions options, Progress progress);

  /** {@link #resolve(String, Path, ReaderOptions, Progress)} with the sniffing defaults. */
  default Dataset resolve(String nameOrPath, Path dataDir, Progress progress) {
    return resolve(nameOrPath, dataDir, ReaderOptions.defaults(), progress);
  }
}
