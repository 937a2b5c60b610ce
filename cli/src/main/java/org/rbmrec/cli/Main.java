package org.rbmrec.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The root command, {@code rbmrec}. Its subcommands: {@code data} (inspect, fetch and generate
 * data sets), {@code train}, {@code evaluate}, {@code compare}, {@code recommend},
 * {@code export} (model arrays for Python), {@code plot} (learning curves) and {@code diagnose}.
 * Every command is a {@code Callable<Integer>} and mixes in {@link CommonOptions}.
 *
 * <p>Errors are mapped to exit codes in one place, {@link ErrorHandler}; the codes are in
 * {@link ExitCode} and in every command's help.
 */
@Command(
    name = "rbmrec",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    scope = ScopeType.INHERIT,
    description = {
      "Restricted Boltzmann Machines for collaborative filtering.",
      "Run 'rbmrec COMMAND --help' for the options of a command.",
      "Benchmarks (speed, loading, LibRec side by side) are 'bin/rbmrec bench --help'."
    },
    synopsisSubcommandLabel = "COMMAND",
    usageHelpAutoWidth = true,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:internal error (a bug or the environment; rerun with --debug for the stack trace)",
      "2:user error: bad options, bad or missing data, unknown ids, missing files",
      "130:interrupted"
    },
    subcommands = {DataCommand.class, TrainCommand.class, EvaluateCommand.class,
        CompareCommand.class, RecommendCommand.class,
        ExportCommand.class, PlotCommand.class, DiagnoseCommand.class, HelpCommand.class})
public final class Main {
  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "On an error, print the stack trace after the one-line message.")
  boolean debug;

  /** Runs the command line with the standard streams and exits with its status. */
  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int status = run(args, out, err);
    System.exit(status);
  }

  /**
   * Runs {@code rbmrec args} with the shipped services, writing results to {@code out} and
   * everything else to {@code err}.
   *
   * @return the exit status, one of {@link ExitCode}
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, CliServices.defaults());
  }

  /** Runs {@code rbmrec args} with the given services (tests supply in-memory data). */
  public static int run(String[] args, PrintWriter out, PrintWriter err, CliServices services) {
    return execute(commandLine(services), args, out, err);
  }

  /**
   * Runs another command tree (such as the benchmark tool's) with rbmrec's error handling and
   * services: one line and exit 2 for user errors, exit codes as in {@link ExitCode}.
   *
   * @param root the root command object, whose subcommands may take {@link CliServices}
   */
  public static int runTree(Object root, String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine =
        new CommandLine(root, new ServicesFactory(CliServices.defaults()));
    ErrorHandler handler = new ErrorHandler();
    commandLine.setExecutionExceptionHandler(handler);
    commandLine.setParameterExceptionHandler(handler);
    return execute(commandLine, args, out, err);
  }

  private static int execute(CommandLine commandLine, String[] args, PrintWriter out,
      PrintWriter err) {
    commandLine.setOut(out);
    commandLine.setErr(err);
    try {
      return commandLine.execute(args);
    } catch (OutOfMemoryError e) {
      err.println(ErrorHandler.PREFIX + "internal error: out of memory; give Java more heap,"
          + " for example RBMREC_JAVA_OPTS=-Xmx8g");
      return ExitCode.INTERNAL;
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** The configured command tree, with error handlers, for tests and embedding. */
  static CommandLine commandLine(CliServices services) {
    CommandLine commandLine = new CommandLine(new Main(), new ServicesFactory(services));
    ErrorHandler handler = new ErrorHandler();
    commandLine.setExecutionExceptionHandler(handler);
    commandLine.setParameterExceptionHandler(handler);
    return commandLine;
  }
}
