package org.rbmrec.bench.librec;

import net.librec.common.LibrecException;
import net.librec.recommender.AbstractRecommender;
import net.librec.recommender.cf.rating.BiasedMFRecommender;
import net.librec.recommender.cf.rating.RBMRecommender;
import net.librec.recommender.cf.rating.SVDPlusPlusRecommender;

/**
 * LibRec's recommenders, unchanged except that each reports to a {@link TrainingProbe}: training
 * is timed, SGD epochs are counted, and raw predictions are observed. Every override calls the
 * LibRec method it wraps and returns its result untouched.
 */
final class ProbedRecommenders {
  private ProbedRecommenders() {}

  /** A probed instance of the LibRec class behind {@code kind}. */
  static AbstractRecommender create(LibRecModel.Kind kind, TrainingProbe probe) {
    return switch (kind) {
      case RBM -> new Rbm(probe);
      case BIASED_MF -> new BiasedMf(probe);
      case SVD_PLUS_PLUS -> new SvdPlusPlus(probe);
    };
  }

  /** LibRec class names of the probes, for silencing their loggers. */
  static Class<?>[] probeClasses() {
    return new Class<?>[] {Rbm.class, BiasedMf.class, SvdPlusPlus.class};
  }

  static final class Rbm extends RBMRecommender {
    private final TrainingProbe probe;

    Rbm(TrainingProbe probe) {
      this.probe = probe;
    }

    @Override
    protected void trainModel() throws LibrecException {
      probe.train(super::trainModel);
    }

    @Override
    protected double predict(int user, int item) throws LibrecException {
      return probe.predicted(user, item, super.predict(user, item));
    }
  }

  static final class BiasedMf extends BiasedMFRecommender {
    private final TrainingProbe probe;

    BiasedMf(TrainingProbe probe) {
      this.probe = probe;
    }

    @Override
    protected void trainModel() throws LibrecException {
      probe.train(super::trainModel);
    }

    @Override
    protected boolean isConverged(int iteration) throws LibrecException {
      probe.epochEnded();
      return super.isConverged(iteration);
    }

    @Override
    protected double predict(int user, int item) throws LibrecException {
      return probe.predicted(user, item, super.predict(user, item));
    }
  }

  static final class SvdPlusPlus extends SVDPlusPlusRecommender {
    private final TrainingProbe probe;

    SvdPlusPlus(TrainingProbe probe) {
      this.probe = probe;
    }

    @Override
    protected void trainModel() throws LibrecException {
      probe.train(super::trainModel);
    }

    @Override
    protected boolean isConverged(int iteration) throws LibrecException {
      probe.epochEnded();
      return super.isConverged(iteration);
    }

    @Override
    protected double predict(int user, int item) throws LibrecException {
      return probe.predicted(user, item, super.predict(user, item));
    }
  }
}
