package org.rbmrec.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.rbmrec.data.DataException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one place where failures become messages and exit codes.
 *
 * <ul>
 *   <li>Bad options ({@link ParameterException}): {@code rbmrec: error: <message> (see 'rbmrec
 *       CMD --help')}, with picocli's suggestions for a mistyped command or option, exit 2.
 *   <li>User errors — {@link DataException} and subclasses, {@link IllegalArgumentException}
 *       (configuration validation), and file-system errors on paths the user gave (no such file,
 *       permission denied): {@code rbmrec: error: <message>}, exit 2.
 *   <li>Interruption ({@link InterruptedException}, {@link ClosedByInterruptException}):
 *       {@code rbmrec: interrupted}, exit 130.
 *   <li>Anything else: {@code rbmrec: internal error: <class>: <message> (run with --debug for
 *       the stack trace)}, exit 1.
 * </ul>
 *
 * <p>Each message is exactly one line; line breaks inside a message are folded. With
 * {@code --debug} the stack trace follows the line. Causes are looked through only for
 * wrappers ({@link ExecutionException}, {@link CompletionException},
 * {@link UncheckedIOException}, {@link InvocationTargetException}).
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
  static final String PREFIX = "rbmrec: ";

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine commandLine = ex.getCommandLine();
    PrintWriter err = commandLine.getErr();
    String suggestion = "";
    if (ex instanceof UnmatchedArgumentException unmatched
        && !unmatched.getSuggestions().isEmpty()) {
      suggestion = "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
    }
    err.println(PREFIX + "error: " + oneLine(message(ex)) + suggestion + " (see '"
        + commandLine.getCommandSpec().qualifiedName() + " --help')");
    err.flush();
    return ExitCode.USER;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parsed) {
    if (ex instanceof ParameterException pe) {
      return handleParseException(pe, parsed.originalArgs().toArray(new String[0]));
    }
    PrintWriter err = commandLine.getErr();
    int status = report(ex, err);
    if (debugRequested(parsed)) {
      ex.printStackTrace(err);
    }
    err.flush();
    return status;
  }

  /** Prints the one line for {@code ex} and returns the exit status. */
  static int report(Throwable ex, PrintWriter err) {
    Throwable t = unwrap(ex);
    if (isInterruption(t)) {
      err.println(PREFIX + "interrupted");
      return ExitCode.INTERRUPTED;
    }
    if (t instanceof DataException || t instanceof IllegalArgumentException) {
      err.println(PREFIX + "error: " + oneLine(message(t)));
      return ExitCode.USER;
    }
    if (t instanceof FileSystemException fse) {
      err.println(PREFIX + "error: " + oneLine(describe(fse)));
      return ExitCode.USER;
    }
    err.println(PREFIX + "internal error: " + t.getClass().getName() + ": " + oneLine(message(t))
        + " (run with --debug for the stack trace)");
    return ExitCode.INTERNAL;
  }

  private static Throwable unwrap(Throwable t) {
    Throwable current = t;
    while (current.getCause() != null
        && (current instanceof ExecutionException
            || current instanceof CompletionException
            || current instanceof UncheckedIOException
            || current instanceof InvocationTargetException)) {
      current = current.getCause();
    }
    return current;
  }

  private static boolean isInterruption(Throwable t) {
    return t instanceof InterruptedException || t instanceof ClosedByInterruptException;
  }

  private static String describe(FileSystemException e) {
    String reason;
    if (e instanceof NoSuchFileException) {
      reason = "no such file or directory";
    } else if (e instanceof AccessDeniedException) {
      reason = "permission denied";
    } else if (e instanceof NotDirectoryException) {
      reason = "not a directory";
    } else {
      reason = e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
    }
    String file = e.getFile() != null ? e.getFile() : "?";
    return file + ": " + reason;
  }

  private static boolean debugRequested(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }

  private static String message(Throwable t) {
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
  }

  /** Folds line breaks (and the indentation after them) into single spaces. */
  static String oneLine(String message) {
    return message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
