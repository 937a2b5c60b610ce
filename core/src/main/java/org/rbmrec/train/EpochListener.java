package org.rbmrec.train;

/** Receives a report after each training epoch; called on the training thread. */
@FunctionalInterface
public interface EpochListener {
  /** A listener that ignores every report. */
  EpochListener NONE = report -> {};

  /** Called once an epoch has finished. */
  void onEpoch(EpochReport report);
}
