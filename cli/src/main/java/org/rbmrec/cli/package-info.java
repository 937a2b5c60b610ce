/**
 * The {@code rbmrec} command line: picocli commands ({@link org.rbmrec.cli.Main} is the root),
 * error mapping to exit codes ({@link org.rbmrec.cli.ExitCode}), options every command shares
 * ({@link org.rbmrec.cli.CommonOptions}), JSON output, progress bars on stderr, plain-text and
 * Markdown tables, per-epoch metrics files and learning-curve plots.
 *
 * <p>Output contract: stdout holds the result (a table, or with {@code --json} exactly one JSON
 * object); progress, notices and errors go to stderr. A user's mistake is one line on stderr
 * starting {@code rbmrec: error:} and exit status 2, never a stack trace.
 */
package org.rbmrec.cli;
