package org.rbmrec.model.rbm;

import java.util.Arrays;

/**
 * Momentum and weight decay for a parameter matrix whose rows (one per visible unit) receive a
 * gradient only in the mini-batches whose rows rated that unit, applied lazily but exactly.
 *
 * <p>Each element follows θ ← θ + v, v ← μ v + ε (g − λ θ). In a step without gradient this is
 * the linear map (θ, v) ← M (θ, v) with M = [[1 − ελ, μ], [−ελ, μ]], so s such steps are M^s,
 * applied when the row is next touched (or on {@link #flush()}), instead of sweeping every row
 * every mini-batch. ε and μ must stay fixed between flushes: a change flushes first. The result
 * equals the dense sweep up to floating-point rounding, and is deterministic.
 */
final class LazyRows {
  private final float[] theta;
  private final float[] velocity;
  private final int rowLength;
  private final float decay;
  private final int[] last;
  private int now;
  private float rate = Float.NaN;
  private float momentum = Float.NaN;
  private double[] m00 = {1};
  private double[] m01 = {0};
  private double[] m10 = {0};
  private double[] m11 = {1};

  LazyRows(float[] theta, float[] velocity, int rowLength, float decay) {
    this.theta = theta;
    this.velocity = velocity;
    this.rowLength = rowLength;
    this.decay = decay;
    this.last = new int[theta.length / rowLength];
  }

  /** Starts a mini-batch step with learning rate ε and momentum μ. */
  void begin(float rate, float momentum) {
    if (rate != this.rate || momentum != this.momentum) {
      flush();
      this.rate = rate;
      this.momentum = momentum;
      resetPowers();
    }
    now++;
    ensurePowers(now); // so that concurrent catch-ups of this step only read the table
  }

  /**
   * Brings row {@code row} up to date, then applies this step with gradient
   * {@code scale · gradient[row*L …]}.
   */
  void step(int row, float[] gradient, float scale) {
    step(row, gradient, row * rowLength, scale);
  }

  /**
   * Brings row {@code row} up to date, then applies this step with gradient
   * {@code scale · gradient[offset …]} (L floats).
   */
  void step(int row, float[] gradient, int offset, float scale) {
    catchUp(row, now - 1 - last[row]);
    RbmMath.momentumStep(theta, velocity, row * rowLength, gradient, offset, rowLength, scale,
        rate, momentum, decay);
    last[row] = now;
  }

  /**
   * Brings row {@code row} up to date with every step before the current one, without taking
   * the current step: the row can then be read as it is at the start of this step. Rows may be
   * refreshed concurrently as long as each row is handled by one thread.
   */
  void refresh(int row) {
    catchUp(row, now - 1 - last[row]);
    last[row] = now - 1;
  }

  /** Brings every row up to date. */
  void flush() {
    for (int row = 0; row < last.length; row++) {
      catchUp(row, now - last[row]);
      last[row] = 0;
    }
    now = 0;
  }

  private void catchUp(int row, int steps) {
    if (steps == 0) {
      return;
    }
    ensurePowers(steps);
    RbmMath.linearMap(theta, velocity, row * rowLength, rowLength, (float) m00[steps],
        (float) m01[steps], (float) m10[steps], (float) m11[steps]);
  }

  /** Extends the table of M^s, s = 0 … steps. */
  private void ensurePowers(int steps) {
    int have = m00.length;
    if (steps < have) {
      return;
    }
    int size = Math.max(steps + 1, have * 2);
    m00 = Arrays.copyOf(m00, size);
    m01 = Arrays.copyOf(m01, size);
    m10 = Arrays.copyOf(m10, size);
    m11 = Arrays.copyOf(m11, size);
    double a = 1.0 - (double) rate * decay;
    double c = -(double) rate * decay;
    double mu = momentum;
    for (int s = have; s < size; s++) {
      double p = m00[s - 1];
      double q = m01[s - 1];
      double r = m10[s - 1];
      double t = m11[s - 1];
      m00[s] = a * p + mu * r;
      m01[s] = a * q + mu * t;
      m10[s] = c * p + mu * r;
      m11[s] = c * q + mu * t;
    }
  }

  // Checkpoint support (TrainingCheckpoint): the pending state, which with θ and v determines
  // every later step exactly; the power table is rebuilt on demand by the same recurrence.

  /** Each row's last step (live array). */
  int[] lastSteps() {
    return last;
  }

  /** The current step counter. */
  int now() {
    return now;
  }

  /** ε of the current run of steps (NaN before the first). */
  float rate() {
    return rate;
  }

  /** μ of the current run of steps (NaN before the first). */
  float momentum() {
    return momentum;
  }

  /** Restores the state read by the accessors above; θ and v are restored by the caller. */
  void restore(int[] lastSteps, int now, float rate, float momentum) {
    if (lastSteps.length != last.length) {
      throw new IllegalArgumentException(
          "lazy rows: " + lastSteps.length + " rows given, " + last.length + " expected");
    }
    System.arraycopy(lastSteps, 0, last, 0, last.length);
    this.now = now;
    this.rate = rate;
    this.momentum = momentum;
    resetPowers();
  }

  /** Empties the table of M^s (ε or μ changed): it is rebuilt on demand from M^0 = I. */
  private void resetPowers() {
    m00 = new double[] {1};
    m01 = new double[] {0};
    m10 = new double[] {0};
    m11 = new double[] {1};
  }
}
