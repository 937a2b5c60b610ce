package org.rbmrec.train;

import java.util.Iterator;
import java.util.Optional;
import java.util.ServiceLoader;
import org.rbmrec.data.Ratings;
import org.rbmrec.model.Recommender;
import org.rbmrec.progress.Progress;

/**
 * Trains a model on a cluster instead of this machine: a service (found with
 * {@link ServiceLoader}) that a distributed module, such as rbmrec's Spark module, provides.
 * The command line stays free of cluster libraries and asks {@link #find()} for one when the
 * user requests distributed training.
 *
 * <p>An implementation trains the same model as {@link TrainingPlan#fit} would, from the same
 * plan and data, reports the same per-epoch metrics to the listener and returns a model of the
 * same class, so everything after training (evaluation, model files, run folders) is shared.
 */
public interface DistributedTrainer {
  /** A short name for messages, for example "spark". */
  String name();

  /**
   * Checks, before any data is read, that {@code plan} can be trained this way at
   * {@code master}.
   *
   * @throws IllegalArgumentException naming what cannot be (for example the model kind or a
   *     malformed master)
   */
  void check(TrainingPlan plan, String master);

  /**
   * Trains {@code plan} on the cluster at {@code master}.
   *
   * @param master where to run, in the implementation's terms (for Spark a master URL such as
   *     {@code local[2]} or {@code spark://host:7077})
   * @param validation ratings to monitor per epoch, or null
   * @param implicit conditional RBM only: pairs known to be rated, values hidden; or null
   * @param control checkpoints written by the driver at the end of every epoch, and the
   *     checkpoint to resume from (taken at the end of an epoch), as for single-machine training
   * @throws IllegalArgumentException if the plan's model or settings cannot be trained this way
   */
  Recommender fit(TrainingPlan plan, String master, Ratings train, Ratings validation,
      Ratings implicit, EpochListener listener, Progress progress,
      org.rbmrec.model.rbm.TrainingControl control);

  /** The first implementation on the class path, if any. */
  static Optional<DistributedTrainer> find() {
    Iterator<DistributedTrainer> found = ServiceLoader.load(DistributedTrainer.class).iterator();
    return found.hasNext() ? Optional.of(found.next()) : Optional.empty();
  }
}
