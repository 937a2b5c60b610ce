/**
 * Synthetic rating data shaped like MovieLens, for benchmarks and tests at any scale:
 * {@link org.rbmrec.data.synth.SyntheticConfig} (shape, planted model, seed),
 * {@link org.rbmrec.data.synth.SyntheticRatings} (the generator and its planted model) and
 * {@link org.rbmrec.data.synth.CsvRatingsWriter} (ml-20m-style {@code ratings.csv}).
 *
 * <p>Item popularity and user activity follow power laws with a heavy tail; ratings come from a
 * planted low-rank model plus noise, so a good model beats a bias baseline by a known margin.
 * Every user's ratings are drawn from a stream derived from (seed, user), so the output depends
 * on the seed only, never on the number of threads.
 */
package org.rbmrec.data.synth;
