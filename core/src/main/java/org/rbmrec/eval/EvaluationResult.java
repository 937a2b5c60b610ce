package org.rbmrec.eval;

/**
 * What an {@link Evaluator} measured for one model on one test set.
 *
 * @param model the model's {@link org.rbmrec.model.Recommender#name()}
 * @param rmse root mean squared error over all test ratings (rating units)
 * @param mae mean absolute error over all test ratings (rating units)
 * @param nTest the number of test ratings predicted
 * @param nFallback how many of those predictions came from the model's fallback
 * @param k the ranking cut-off
 * @param relevanceThreshold the rating value from which a test rating counted as relevant
 * @param precision mean precision@k over the ranked users
 * @param recall mean recall@k over the ranked users
 * @param ndcg mean NDCG@k over the ranked users
 * @param map mean AP@k (MAP@k) over the ranked users
 * @param hitRate the fraction of ranked users whose list holds a relevant item
 * @param coverage the fraction of the item catalogue appearing in any ranked user's list
 * @param nUsersRanked the number of users with at least one relevant test rating, over whom
 *     the ranking metrics are averaged; when it is 0 every ranking metric is NaN
 */
public record EvaluationResult(
    String model,
    double rmse,
    double mae,
    int nTest,
    int nFallback,
    int k,
    double relevanceThreshold,
    double precision,
    double recall,
    double ndcg,
    double map,
    double hitRate,
    double coverage,
    int nUsersRanked) {}
