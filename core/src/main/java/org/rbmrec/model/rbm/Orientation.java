package org.rbmrec.model.rbm;

/** Which side of the rating matrix forms the rows (the separate RBMs) of the model. */
public enum Orientation {
  /** Rows are users ({@code ratings.byUser()}); visible units are items. */
  USER,
  /** Rows are items ({@code ratings.byItem()}); visible units are users: the "I-RBM". */
  ITEM
}
