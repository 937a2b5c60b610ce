/**
 * Rating data held as primitive arrays: {@link org.rbmrec.data.Ratings} (coordinate triplets),
 * {@link org.rbmrec.data.SparseRows} (compressed user-major or item-major views),
 * {@link org.rbmrec.data.IdIndex} (raw id ↔ dense index) and
 * {@link org.rbmrec.data.RatingScale} (rating value ↔ level index).
 *
 * <p>Data flows one way: file → {@code Ratings} → {@code SparseRows} → model. Nothing here is
 * dense of size users × items.
 */
package org.rbmrec.data;
