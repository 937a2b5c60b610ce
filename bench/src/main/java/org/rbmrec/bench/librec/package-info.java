/**
 * LibRec 2.0.0 run as a peer, in the same JVM, on the official ml-100k folds, so that rbmrec's own
 * models can be compared with it side by side.
 *
 * <p>LibRec is GPL-3.0: this package only calls it (and subclasses three of its recommenders to
 * time training and to see their raw predictions); none of its code is copied. The bench module is
 * never shipped.
 *
 * <p>Entry points: {@link org.rbmrec.bench.librec.LibRecRunner} runs one model on one fold and
 * returns a {@link org.rbmrec.bench.librec.PeerResult}; {@link org.rbmrec.bench.librec.LibRecMain}
 * runs RBM, biased MF and SVD++ on given folds and prints one JSON object built by
 * {@link org.rbmrec.bench.librec.PeerReport}.
 */
package org.rbmrec.bench.librec;
