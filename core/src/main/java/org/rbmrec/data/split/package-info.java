/**
 * Train/test splits of a {@link org.rbmrec.data.Ratings} set: the official ml-100k files
 * ({@link org.rbmrec.data.split.OfficialSplit}), random hold-out
 * ({@link org.rbmrec.data.split.RandomHoldout}), per-user hold-out
 * ({@link org.rbmrec.data.split.UserHoldout}), temporal cut-offs
 * ({@link org.rbmrec.data.split.TemporalHoldout}) and k-fold cross-validation
 * ({@link org.rbmrec.data.split.CrossValidation}); {@link org.rbmrec.data.split.SplitSpec} parses
 * the command line's split strings.
 *
 * <p>Every split partitions the positions of its parent set, so no (user, item) pair lands in two
 * parts, and every part shares the parent's id indices. Randomised splits are reproducible: they
 * draw from {@link java.util.SplittableRandom} streams derived from a seed, never a global RNG.
 * Hyperparameters are chosen on a validation part carved from training
 * ({@link org.rbmrec.data.split.Split#withValidation(double, long)}), never on the test part.
 */
package org.rbmrec.data.split;
