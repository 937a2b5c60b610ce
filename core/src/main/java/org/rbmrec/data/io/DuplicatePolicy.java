package org.rbmrec.data.io;

/** What a reader does when a file rates the same (user, item) pair more than once. */
public enum DuplicatePolicy {
  /**
   * Keep one rating per pair: the one with the latest timestamp; among equal timestamps, or when
   * the file has no timestamps, the one that occurs last in the file. The reader reports how many
   * ratings it dropped.
   */
  KEEP_LATEST,
  /** Refuse the file with an error naming the pair and both lines. */
  ERROR
}
