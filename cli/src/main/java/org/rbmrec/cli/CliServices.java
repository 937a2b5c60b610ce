package org.rbmrec.cli;

import java.util.Objects;
import org.rbmrec.data.fetch.DataDirectory;
import org.rbmrec.data.source.DatasetOpener;

/**
 * What the commands need from the rest of rbmrec, injected through each command's constructor
 * (see {@link ServicesFactory}) so tests can supply their own.
 *
 * @param datasets resolves data-set names and paths to ratings
 */
public record CliServices(DatasetResolver datasets) {
  public CliServices {
    Objects.requireNonNull(datasets, "datasets");
  }

  /**
   * The services of the shipped command line. Loading is wired in here; until it is, resolving
   * a data set fails with an internal error that says so.
   */
  public static CliServices defaults() {
    DatasetOpener opener = DatasetOpener.defaults();
    return new CliServices((nameOrPath, dataDir, options, progress) -> opener.open(nameOrPath,
        DataDirectory.resolve(dataDir), true, options, progress));
  }
}
