package org.rbmrec.data;

/** A raw user or item id that the data set does not contain. */
public final class UnknownIdException extends DataException {
  private static final long serialVersionUID = 1L;

  private final String side;
  private final long rawId;

  /**
   * @param side "user" or "item"
   * @param rawId the id as it appears in the data files
   */
  public UnknownIdException(String side, long rawId) {
    super("unknown " + side + " id " + rawId + ": it does not occur in the training data");
    this.side = side;
    this.rawId = rawId;
  }

  /** "user" or "item". */
  public String side() {
    return side;
  }

  /** The raw id that was looked up. */
  public long rawId() {
    return rawId;
  }
}
