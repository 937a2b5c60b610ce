package org.rbmrec.cli;

/** The exit statuses of {@code rbmrec}, listed in every command's {@code --help}. */
public final class ExitCode {
  /** The command did what was asked. */
  public static final int OK = 0;
  /** An unexpected failure: a bug or an environment problem (for example out of memory). */
  public static final int INTERNAL = 1;
  /** The user's mistake: bad options, bad or missing data, unknown ids, missing files. */
  public static final int USER = 2;
  /** The command was interrupted (128 + SIGINT). */
  public static final int INTERRUPTED = 130;

  private ExitCode() {}
}
