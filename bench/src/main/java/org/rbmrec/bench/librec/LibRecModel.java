package org.rbmrec.bench.librec;

import java.util.Map;

/**
 * One LibRec 2.0.0 rating recommender with every hyperparameter set explicitly.
 *
 * <p>{@link #properties()} are the exact LibRec configuration keys and values the model is run
 * with; they are also reported as the run's hyperparameters. Anything not listed there is a
 * constant inside LibRec (for example the N(0, 0.1²) initialisation of the factor matrices).
 */
public sealed interface LibRecModel permits LibRecRbm, LibRecBiasedMf, LibRecSvdPlusPlus {

  /** Which LibRec class runs the model. */
  enum Kind {
    /** {@code net.librec.recommender.cf.rating.RBMRecommender}. */
    RBM("rbm", "RBMRecommender"),
    /** {@code net.librec.recommender.cf.rating.BiasedMFRecommender}. */
    BIASED_MF("mf", "BiasedMFRecommender"),
    /** {@code net.librec.recommender.cf.rating.SVDPlusPlusRecommender}. */
    SVD_PLUS_PLUS("svdpp", "SVDPlusPlusRecommender");

    private final String key;
    private final String librecClass;

    Kind(String key, String librecClass) {
      this.key = key;
      this.librecClass = librecClass;
    }

    /** Short name used in reports and on the command line: "rbm", "mf" or "svdpp". */
    public String key() {
      return key;
    }

    /** Simple name of the LibRec class. */
    public String librecClass() {
      return librecClass;
    }
  }

  /** Which LibRec class runs the model. */
  Kind kind();

  /** Training epochs (LibRec's {@code rec.iterator.maximum}). */
  int epochs();

  /** LibRec configuration keys and values, in a stable order; unmodifiable. */
  Map<String, String> properties();
}
