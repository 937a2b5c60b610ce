package org.rbmrec.data;

/**
 * A problem with data the user supplied: a missing, empty or malformed file, a value off the
 * rating scale, an unknown id. The message is one line, written for the user, and says what was
 * expected; the command line prints it and exits with status 2.
 */
public class DataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DataException(String message) {
    super(message);
  }

  public DataException(String message, Throwable cause) {
    super(message, cause);
  }
}
