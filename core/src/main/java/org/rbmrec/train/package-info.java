/**
 * What training reports as it goes: {@link org.rbmrec.train.EpochReport} per epoch, delivered
 * to an {@link org.rbmrec.train.EpochListener}; how training is asked to stop
 * ({@link org.rbmrec.train.StopRequest}) and how it ends early
 * ({@link org.rbmrec.train.TrainingStoppedException},
 * {@link org.rbmrec.train.TrainingDivergedException}). Trainers of each model live beside the
 * model.
 */
package org.rbmrec.train;
