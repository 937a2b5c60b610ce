package org.rbmrec.bench.librec;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns off LibRec's logging. LibRec logs through commons-logging, which (with no other logging
 * library on the class path, as in this module) writes to {@code java.util.logging} and from there
 * to stderr at INFO. Its loggers are named after the logging class: everything under
 * {@code net.librec}, plus our probe subclasses, which inherit LibRec's per-instance logger.
 */
final class LibRecLogging {
  /** Strong references: java.util.logging forgets the level of a logger that is collected. */
  private static final List<Logger> SILENCED = new ArrayList<>();

  private LibRecLogging() {}

  /** Sets LibRec's loggers to OFF; idempotent. */
  static synchronized void silence() {
    if (!SILENCED.isEmpty()) {
      return;
    }
    List<String> names = new ArrayList<>();
    names.add("net.librec");
    for (Class<?> probe : ProbedRecommenders.probeClasses()) {
      names.add(probe.getName());
    }
    for (String name : names) {
      Logger logger = Logger.getLogger(name);
      logger.setLevel(Level.OFF);
      SILENCED.add(logger);
    }
  }
}
