package org.rbmrec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.rbmrec.progress.Progress;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Options every command takes (a picocli mixin), and the command's output channels: results go
 * to {@link #out()}, everything else (progress, notices) to {@link #err()}.
 */
public final class CommonOptions {
  @Spec(Spec.Target.MIXEE)
  private CommandSpec command;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Folder of downloaded data sets (default: the standard data folder).")
  private Path dataDir;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "42",
      description = "Random seed; the same seed gives the same result (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(
      names = "--json",
      description = "Print exactly one JSON object on stdout instead of tables;"
          + " progress and notices still go to stderr.")
  private boolean json;

  @Option(names = {"-q", "--quiet"}, description = "No progress bars or notices on stderr.")
  private boolean quiet;

  private int threads = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads, ≥ 1 (default: the number of processors).")
  void setThreads(int value) {
    if (value < 1) {
      throw new ParameterException(command.commandLine(), "--threads must be ≥ 1, got " + value);
    }
    threads = value;
  }

  /** The {@code --data-dir} given, or null for the default data folder. */
  public Path dataDir() {
    return dataDir;
  }

  /** The random seed. */
  public long seed() {
    return seed;
  }

  /** Whether stdout must hold exactly one JSON object. */
  public boolean json() {
    return json;
  }

  /** Whether progress and notices are suppressed. */
  public boolean quiet() {
    return quiet;
  }

  /** The number of worker threads, ≥ 1. */
  public int threads() {
    return threads;
  }

  /** Where results go. */
  public PrintWriter out() {
    return command.commandLine().getOut();
  }

  /** Where progress, notices and errors go. */
  public PrintWriter err() {
    return command.commandLine().getErr();
  }

  /** Prints a remark for the user on stderr, unless {@code --quiet}. */
  public void notice(String message) {
    if (!quiet) {
      PrintWriter err = err();
      err.println("rbmrec: " + message);
      err.flush();
    }
  }

  /** Progress on stderr suited to where stderr goes; nothing with {@code --quiet}. */
  public Progress progress() {
    return ConsoleProgress.forStderr(err(), quiet);
  }
}
