package org.rbmrec.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.rbmrec.data.IdIndex;
import org.rbmrec.data.RatingScale;
import org.rbmrec.data.Ratings;
import org.rbmrec.data.source.Dataset;

/** Test helper: runs the command line in-process and captures stdout, stderr and the status. */
public record CliRun(int status, String out, String err) {
  public static CliRun run(CliServices services, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(args, new PrintWriter(out), new PrintWriter(err), services);
    return new CliRun(status, out.toString(), err.toString());
  }

  /** Runs with the shipped services: real data loading, as a user would. */
  public static CliRun shipped(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new CliRun(status, out.toString(), err.toString());
  }

  public static CliRun run(String... args) {
    return run(services(tinyData()), args);
  }

  public static CliServices services(Dataset data) {
    return new CliServices((nameOrPath, dataDir, options, progress) -> data);
  }

  /** The lines of stderr. */
  public String[] errLines() {
    return err.isEmpty() ? new String[0] : err.split("\\R");
  }

  /** Users 7, 8, 9; items 100, 200, 300, 400; six ratings on 1..5 stars with timestamps. */
  public static Dataset tinyData() {
    Ratings ratings = Ratings.of(
        new int[] {0, 0, 0, 1, 1, 2},
        new int[] {0, 1, 2, 0, 3, 3},
        new byte[] {4, 3, 3, 0, 4, 2},
        new long[] {1_000_000_000L, 1_000_000_100L, 1_000_000_200L, 1_000_000_300L,
            1_000_000_400L, 1_100_000_000L},
        IdIndex.of("user", 7, 8, 9),
        IdIndex.of("item", 100, 200, 300, 400),
        RatingScale.STARS_1_TO_5);
    return Dataset.inMemory("tiny", ratings);
  }
}
