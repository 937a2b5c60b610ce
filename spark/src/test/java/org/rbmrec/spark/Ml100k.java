package org.rbmrec.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import org.rbmrec.data.Ratings;
import org.rbmrec.data.fetch.DataDirectory;
import org.rbmrec.data.io.ReaderOptions;
import org.rbmrec.data.source.Dataset;
import org.rbmrec.data.source.DatasetOpener;
import org.rbmrec.data.split.Split;
import org.rbmrec.data.split.SplitSpec;
import org.rbmrec.progress.Progress;

/**
 * The real ml-100k from {@code ../shared/data} beside the clone (Surefire passes the folder as
 * {@code rbmrec.sharedData}); never copied into the repository.
 */
final class Ml100k {
  private Ml100k() {}

  /** The extracted ml-100k folder. */
  static Path folder() {
    String property = System.getProperty("rbmrec.sharedData");
    Path dir = (property != null ? Path.of(property) : Path.of("..", "..", "shared", "data"))
        .resolve("ml-100k");
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("the real ml-100k data is expected in " + dir);
    }
    return dir.toAbsolutePath().normalize();
  }

  /** The official split {@code name} (u1..u5). */
  static Split split(String name) {
    Dataset data = DatasetOpener.defaults().open(folder().toString(),
        DataDirectory.resolve(folder().getParent()), false, ReaderOptions.defaults(),
        Progress.NONE);
    return SplitSpec.parse(name).apply(data.ratings(), data.location(), 1L);
  }

  /** The ratings of users with dense index below {@code users}. */
  static Ratings firstUsers(Ratings all, int users) {
    boolean[] keep = new boolean[all.size()];
    for (int x = 0; x < keep.length; x++) {
      keep[x] = all.user(x) < users;
    }
    return all.select(keep);
  }
}
