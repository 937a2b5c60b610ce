package org.rbmrec.bench;

import java.io.PrintWriter;
import org.rbmrec.cli.Main;
import org.rbmrec.cli.VersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code rbmrec bench}: benchmarks that print JSON, run from their own jar
 * ({@code bench/target/rbmrec-bench.jar}, which {@code bin/rbmrec bench …} builds and runs),
 * because they carry peers (LibRec) that rbmrec itself never ships. Errors and exit codes are
 * those of {@code rbmrec}. Subcommands: {@code librec} ({@link LibRecCommand}: our models and
 * LibRec 2.0.0's side by side on the official ml-100k folds).
 */
@Command(
    name = "rbmrec bench",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    scope = ScopeType.INHERIT,
    description = "Benchmarks that print JSON: speed, memory and accuracy side by side with peers.",
    synopsisSubcommandLabel = "COMMAND",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:internal error (rerun with --debug for the stack trace)",
      "2:user error: bad options, bad or missing data",
      "130:interrupted"
    },
    subcommands = {LoadCommand.class, LibRecCommand.class, SpeedCommand.class,
        HelpCommand.class})
public final class BenchMain {
  @Option(names = "--debug", scope = ScopeType.INHERIT,
      description = "On an error, print the stack trace after the one-line message.")
  boolean debug;

  /** Runs the benchmark tool with the standard streams and exits with its status. */
  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs {@code rbmrec bench args}; returns the exit status. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return Main.runTree(new BenchMain(), args, out, err);
  }
}
