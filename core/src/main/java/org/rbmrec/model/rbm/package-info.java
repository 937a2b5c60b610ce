/**
 * The sparse softmax Restricted Boltzmann Machine for collaborative filtering of Salakhutdinov,
 * Mnih &amp; Hinton, "Restricted Boltzmann Machines for Collaborative Filtering" (ICML 2007).
 *
 * <p>Each training row (a user, or an item in the item-based "I-RBM") is its own RBM whose visible
 * units are only the entries that row rated; all rows share the weights. Each visible unit is a
 * K-way softmax over rating levels; there are F binary hidden units. The energy of a row's
 * configuration (V, h) over its rated entries i is
 *
 * <pre>
 *   E(V, h) = − Σ_i Σ_k Σ_j W_ikj v_ik h_j − Σ_i Σ_k b_ik v_ik − Σ_j c_j h_j
 *             [− Σ_i Σ_j r_i D_ij h_j]
 * </pre>
 *
 * where the bracketed term belongs to the conditional RBM (r marks every entry the row rated,
 * including entries whose value is unknown). The factored RBM writes W_ikj = Σ_c A_ikc B_cj.
 *
 * <ul>
 *   <li>{@link org.rbmrec.model.rbm.RbmConfig}: every hyperparameter, validated, with defaults;
 *   <li>{@link org.rbmrec.model.rbm.RbmTrainer}: contrastive divergence (CD-k with a schedule of
 *       k, or persistent CD) over mini-batches, in parallel and reproducibly;
 *   <li>{@link org.rbmrec.model.rbm.TrainingControl}, {@link org.rbmrec.model.rbm.TrainingCheckpoint}
 *       and {@link org.rbmrec.model.rbm.CheckpointStore}: checkpoints every epoch, exact resume,
 *       stop requests at mini-batch boundaries; training that diverges (NaN or ±∞) stops with a
 *       message and keeps the last good checkpoint;
 *   <li>{@link org.rbmrec.model.rbm.RbmModel}: the immutable trained model, a
 *       {@link org.rbmrec.model.Recommender};
 *   <li>{@link org.rbmrec.model.rbm.RbmArrays}: rebuilds parameters from arrays, for model files
 *       ({@link org.rbmrec.model.io.ModelFiles});
 *   <li>{@link org.rbmrec.model.rbm.RbmMath}: the equations as small kernels;
 *   <li>{@link org.rbmrec.model.rbm.OverfitCheck}: the single-batch overfitting diagnostic;
 *   <li>{@link org.rbmrec.model.rbm.PartitionFunction}: exact log Z for small F and its
 *       annealed-importance-sampling estimate.
 * </ul>
 */
package org.rbmrec.model.rbm;
