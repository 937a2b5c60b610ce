/**
 * The {@link org.rbmrec.model.Recommender} interface that every model implements (the RBM and
 * its variants, and the baselines), and the value types of prediction and recommendation.
 * Sub-packages hold the models themselves.
 */
package org.rbmrec.model;
