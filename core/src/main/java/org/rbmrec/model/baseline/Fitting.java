package org.rbmrec.model.baseline;

import java.util.SplittableRandom;
import org.rbmrec.data.Ratings;
import org.rbmrec.data.RatingScale;
import org.rbmrec.data.SparseRows;

/** Helpers shared by the baseline trainers: input checks, seeding, shuffling, clipping. */
final class Fitting {
  private Fitting() {}

  /** Throws unless {@code train} is non-null and holds at least one rating. */
  static void requireTrainingData(Ratings train, String model) {
    if (train == null) {
      throw new IllegalArgumentException("train must not be null");
    }
    if (train.size() == 0) {
      throw new IllegalArgumentException("cannot fit " + model + " on an empty training set");
    }
  }

  /** {@code value} clipped to [scale.min, scale.max]. */
  static double clip(double value, RatingScale scale) {
    return value < scale.min() ? scale.min() : Math.min(value, scale.max());
  }

  /** Whether each row has at least one entry (rows). */
  static boolean[] nonEmptyRows(SparseRows rows) {
    boolean[] known = new boolean[rows.numRows()];
    for (int r = 0; r < known.length; r++) {
      known[r] = rows.rowLength(r) > 0;
    }
    return known;
  }

  /** Whether each column appears in at least one row (columns); equals nonEmptyRows of the
   * transposed view. */
  static boolean[] ratedColumns(SparseRows rows) {
    boolean[] known = new boolean[rows.numColumns()];
    int[] columns = rows.columns();
    for (int p = 0; p < rows.nnz(); p++) {
      known[columns[p]] = true;
    }
    return known;
  }

  /** Throws unless every array has the length its shape needs. */
  static void requireLength(String name, double[] values, long expected) {
    if (values == null || values.length != expected) {
      throw new IllegalArgumentException(name + " must have " + expected + " values, got "
          + (values == null ? "none" : values.length));
    }
  }

  /**
   * A random stream for one (seed, stream, index) triple, so each epoch's or row's randomness
   * depends on nothing else (SplitMix64 finaliser over the combined key).
   */
  static SplittableRandom stream(long seed, long stream, long index) {
    long h = seed;
    h = mix(h ^ (stream * 0x9E3779B97F4A7C15L));
    h = mix(h ^ (index * 0xC2B2AE3D27D4EB4FL));
    return new SplittableRandom(h);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Shuffles {@code a[from … to-1]} in place (Fisher–Yates). */
  static void shuffle(int[] a, int from, int to, SplittableRandom random) {
    for (int i = to - 1; i > from; i--) {
      int j = from + random.nextInt(i - from + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /** Fills {@code a} with {@code 0 … a.length-1}. */
  static void identity(int[] a) {
    for (int i = 0; i < a.length; i++) {
      a[i] = i;
    }
  }

  /** Normal(0, std²) values, drawn in order from {@code random}. */
  static double[] gaussian(int n, double std, SplittableRandom random) {
    double[] a = new double[n];
    if (std > 0) {
      for (int i = 0; i < n; i++) {
        a[i] = std * random.nextGaussian();
      }
    }
    return a;
  }

  /** Throws if the training error has become non-finite (diverged). */
  static void requireFinite(double trainRmse, int epoch, String model, double learningRate) {
    if (!Double.isFinite(trainRmse)) {
      throw new IllegalStateException(
          model + " training diverged at epoch " + epoch + " (train RMSE " + trainRmse
              + "); try a smaller learningRate than " + learningRate);
    }
  }
}
