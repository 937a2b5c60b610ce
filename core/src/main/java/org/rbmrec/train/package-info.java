/**
 * What training reports as it goes: {@link org.rbmrec.train.EpochReport} per epoch, delivered
 * to an {@link org.rbmrec.train.EpochListener}. Trainers of each model live beside the model.
 */
package org.rbmrec.train;
