package org.rbmrec.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rbmrec.data.DataException;
import org.rbmrec.data.fetch.DataDirectory;
import org.rbmrec.data.fetch.MovieLensFetcher;
import org.rbmrec.data.movielens.MovieLensVariant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rbmrec data fetch NAME}: downloads the official MovieLens zip over HTTPS into the data
 * folder, verifies its size and SHA-256 where known, and extracts it safely and atomically. A set
 * already present is not downloaded again. With {@code --json}: {@code {"dataset", "path",
 * "data_dir", "data_dir_rule"}}.
 */
@Command(
    name = "fetch",
    description = {
      "Download a MovieLens data set (official zip), verify its size and SHA-256, and extract it.",
      "The data folder is --data-dir, else $RBMREC_DATA, else the per-user cache folder."
    })
public final class DataFetchCommand implements Callable<Integer> {
  @Mixin
  private CommonOptions common;

  @Parameters(paramLabel = "NAME", description = "One of: ml-100k, ml-1m, ml-10m, ml-20m, ml-25m,"
      + " ml-32m, ml-latest-small, ml-latest.")
  private String name;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description = "Where the zips are published (default: ${DEFAULT-VALUE}).",
      defaultValue = MovieLensVariant.DOWNLOAD_BASE)
  private URI baseUrl;

  @Override
  public Integer call() {
    MovieLensVariant variant = variant(name);
    DataDirectory dir = DataDirectory.resolve(common.dataDir());
    URI base = baseUrl.toString().endsWith("/") ? baseUrl : URI.create(baseUrl + "/");
    Path path = MovieLensFetcher.defaults().fetch(variant, dir.path(), base, common.progress());
    if (common.json()) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("dataset", variant.id());
      json.put("path", path.toAbsolutePath().toString());
      json.put("data_dir", dir.path().toAbsolutePath().toString());
      json.put("data_dir_rule", dir.rule().name().toLowerCase(java.util.Locale.ROOT));
      JsonOutput.write(common.out(), json);
    } else {
      common.out().println(variant.id() + " is ready in " + path.toAbsolutePath());
      common.out().flush();
    }
    return ExitCode.OK;
  }

  /** The registry entry called {@code name}, or a user error listing the known names. */
  static MovieLensVariant variant(String name) {
    return MovieLensVariant.byName(name).orElseThrow(() -> new DataException(
        "unknown MovieLens data set \"" + name + "\"; known: " + MovieLensVariant.names()));
  }
}
