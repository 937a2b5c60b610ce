/**
 * Evaluation of recommenders: rating-error metrics ({@link org.rbmrec.eval.ErrorMetrics},
 * {@link org.rbmrec.eval.ErrorAccumulator}), top-N ranking metrics
 * ({@link org.rbmrec.eval.RankingMetrics}) and the {@link org.rbmrec.eval.Evaluator} that runs a
 * {@link org.rbmrec.model.Recommender} on a test set and returns an
 * {@link org.rbmrec.eval.EvaluationResult}.
 *
 * <p>Metrics refuse empty or misaligned input with an {@link IllegalArgumentException}; they
 * never report 0.0 for "nothing to measure".
 */
package org.rbmrec.eval;
