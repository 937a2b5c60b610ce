package org.rbmrec.spark;

import org.rbmrec.model.rbm.DistributedCd;
import org.rbmrec.train.EpochReport;

/**
 * Called by {@link SparkRbmTrainer} on the driver after each epoch, with the training state
 * between epochs (parameters flushed, optimiser state in {@code cd}): the hook for writing
 * checkpoints.
 */
@FunctionalInterface
public interface EpochCallback {
  /** Does nothing. */
  EpochCallback NONE = (cd, report) -> { };

  /** Epoch {@code report.epoch()} has ended; {@code cd} must not be advanced here. */
  void afterEpoch(DistributedCd cd, EpochReport report);
}
