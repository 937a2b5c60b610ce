package org.rbmrec.bench.librec;

import java.util.Arrays;
import net.librec.common.LibrecException;

/**
 * What a probed LibRec recommender reports about one run: wall-clock time of training, the epochs
 * LibRec actually ran (counted where its SGD loop checks convergence), and every raw prediction it
 * makes after training, before LibRec clamps it to the rating range or replaces NaN with the
 * global mean. One probe per run; not thread-safe.
 */
final class TrainingProbe {

  /** LibRec's training step, which may throw its checked exception. */
  @FunctionalInterface
  interface Training {
    void run() throws LibrecException;
  }

  private long trainNanos = -1;
  private int epochsCounted;
  private boolean trained;
  private int[] users = new int[1 << 14];
  private int[] items = new int[1 << 14];
  private double[] raw = new double[1 << 14];
  private int size;

  /** Runs {@code training}, timing it; predictions made afterwards are recorded. */
  void train(Training training) throws LibrecException {
    long start = System.nanoTime();
    training.run();
    trainNanos = System.nanoTime() - start;
    trained = true;
  }

  /** Called by LibRec's SGD loop once per epoch. */
  void epochEnded() {
    if (!trained) {
      epochsCounted++;
    }
  }

  /**
   * Records {@code prediction} for LibRec's inner indices {@code user}, {@code item} if training
   * has finished; returns it unchanged.
   */
  double predicted(int user, int item, double prediction) {
    if (trained) {
      if (size == raw.length) {
        users = Arrays.copyOf(users, size * 2);
        items = Arrays.copyOf(items, size * 2);
        raw = Arrays.copyOf(raw, size * 2);
      }
      users[size] = user;
      items[size] = item;
      raw[size] = prediction;
      size++;
    }
    return prediction;
  }

  /** Training wall-clock time in seconds. */
  double trainSeconds() {
    if (trainNanos < 0) {
      throw new IllegalStateException("the recommender has not been trained");
    }
    return trainNanos / 1e9;
  }

  /** Epochs counted through LibRec's convergence check; 0 for a model that has none (RBM). */
  int epochsCounted() {
    return epochsCounted;
  }

  /** The raw predictions made after training, in the order LibRec made them. */
  double[] rawPredictions() {
    return Arrays.copyOf(raw, size);
  }

  /** LibRec's inner user index of each raw prediction. */
  int[] users() {
    return Arrays.copyOf(users, size);
  }

  /** LibRec's inner item index of each raw prediction. */
  int[] items() {
    return Arrays.copyOf(items, size);
  }
}
