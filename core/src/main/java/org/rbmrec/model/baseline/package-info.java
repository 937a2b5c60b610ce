/**
 * Baseline recommenders, each an immutable {@link org.rbmrec.model.Recommender} built by a
 * static {@code fit(Ratings, config, EpochListener)} from an immutable, validated config record:
 * <ul>
 *   <li>{@link org.rbmrec.model.baseline.GlobalMean}: the mean training rating;
 *   <li>{@link org.rbmrec.model.baseline.BiasBaseline}: μ + b_u + b_i, regularised biases fitted
 *       by alternating least squares;
 *   <li>{@link org.rbmrec.model.baseline.BiasedMf}: Funk-style biased matrix factorisation,
 *       μ + b_u + b_i + p_u·q_i, fitted by SGD;
 *   <li>{@link org.rbmrec.model.baseline.SvdPlusPlus}: Koren's SVD++, which adds the implicit
 *       feedback of which items a user rated.
 * </ul>
 *
 * <p>Predictions are clipped to the rating scale. Top-k recommendation ranks the candidates with
 * a bounded heap ({@link org.rbmrec.model.TopK}), never sorting the catalogue.
 */
package org.rbmrec.model.baseline;
