package org.rbmrec.model.rbm;

import java.util.Arrays;

/**
 * The summed contrastive-divergence statistics of some rows of one mini-batch, over only the
 * visible units those rows touched: the unit of work that distributed training ships from a
 * partition to the driver, where partial statistics are merged with {@link #plus} and applied
 * as one update ({@link DistributedCd#applyBatch}).
 *
 * <p>With n touched visible units, K levels and F hidden units, the arrays are:
 * <ul>
 *   <li>{@code units}: (n) the touched visible units, distinct, in the order the rows first
 *       touched them (the order in which the single-machine trainer marks them);
 *   <li>{@code w}: (n × K × F) Σ_rows (v_ik p⁰_j − ṽ_ik p̃_j) of unit {@code units[s]},
 *       {@code w[(s*K + k)*F + j]};
 *   <li>{@code b}: (n × K) Σ_rows (v_ik − ṽ_ik), {@code b[s*K + k]};
 *   <li>{@code d}: (n × F) Σ_rows r_i (p⁰_j − p̃_j) of the conditional RBM, or null;
 *   <li>{@code rowsRated}, {@code rowsIndicated}: (n) how many of the rows rated (or indicate)
 *       each unit;
 *   <li>{@code c}: (F) Σ_rows (p⁰_j − p̃_j);
 * </ul>
 * plus the number of rows summed and the reconstruction error sum and count (CD only).
 *
 * <p>Summing the statistics of a mini-batch's fixed chunks in chunk order with {@link #plus}
 * (a left fold, starting from {@link #empty}) gives, bit for bit, the sums and the touched
 * order that the single-machine trainer reduces them to.
 *
 * <p>Immutable by contract: the accessors return the internal arrays, which callers must not
 * modify.
 */
public final class CdStatistics {
  private final int levels;
  private final int hidden;
  private final int rows;
  private final int[] units;
  private final float[] w;
  private final float[] b;
  private final float[] d;
  private final int[] rowsRated;
  private final int[] rowsIndicated;
  private final float[] c;
  private final double reconSquaredError;
  private final long reconCount;

  private CdStatistics(
      int levels, int hidden, int rows, int[] units, float[] w, float[] b, float[] d,
      int[] rowsRated, int[] rowsIndicated, float[] c, double reconSquaredError,
      long reconCount) {
    this.levels = levels;
    this.hidden = hidden;
    this.rows = rows;
    this.units = units;
    this.w = w;
    this.b = b;
    this.d = d;
    this.rowsRated = rowsRated;
    this.rowsIndicated = rowsIndicated;
    this.c = c;
    this.reconSquaredError = reconSquaredError;
    this.reconCount = reconCount;
  }

  /** No rows: the identity of {@link #plus}. */
  public static CdStatistics empty(int levels, int hidden, boolean conditional) {
    return of(levels, hidden, 0, new int[0], new float[0], new float[0],
        conditional ? new float[0] : null, new int[0], new int[0], new float[hidden], 0, 0);
  }

  /**
   * Wraps arrays (without copying) after checking their shapes (see the class comment).
   *
   * @throws IllegalArgumentException if a shape is wrong or {@code units} holds a negative or
   *     repeated unit
   */
  public static CdStatistics of(
      int levels, int hidden, int rows, int[] units, float[] w, float[] b, float[] d,
      int[] rowsRated, int[] rowsIndicated, float[] c, double reconSquaredError,
      long reconCount) {
    if (levels < 2 || hidden < 1 || rows < 0 || reconCount < 0) {
      throw new IllegalArgumentException("CD statistics need levels ≥ 2, hidden ≥ 1, rows ≥ 0"
          + " and reconCount ≥ 0, got " + levels + ", " + hidden + ", " + rows + ", "
          + reconCount);
    }
    int n = units.length;
    checkLength("w", w.length, (long) n * levels * hidden);
    checkLength("b", b.length, (long) n * levels);
    if (d != null) {
      checkLength("d", d.length, (long) n * hidden);
    }
    checkLength("rowsRated", rowsRated.length, n);
    checkLength("rowsIndicated", rowsIndicated.length, n);
    checkLength("c", c.length, hidden);
    int[] sorted = units.clone();
    Arrays.sort(sorted);
    for (int s = 0; s < n; s++) {
      if (sorted[s] < 0 || (s > 0 && sorted[s] == sorted[s - 1])) {
        throw new IllegalArgumentException(
            "units must be distinct and ≥ 0, got " + sorted[s] + (sorted[s] < 0 ? "" : " twice"));
      }
    }
    return new CdStatistics(levels, hidden, rows, units, w, b, d, rowsRated, rowsIndicated, c,
        reconSquaredError, reconCount);
  }

  private static void checkLength(String name, int length, long expected) {
    if (length != expected) {
      throw new IllegalArgumentException(
          name + " must have length " + expected + ", got " + length);
    }
  }

  /**
   * The statistics of the rows of both: sums per visible unit, of c, of the row counts and of
   * the reconstruction error. The units are this one's, in order, then the other's new ones,
   * in their order (first-touch order when {@code other}'s rows come after this one's).
   */
  public CdStatistics plus(CdStatistics other) {
    if (other.levels != levels || other.hidden != hidden || (other.d == null) != (d == null)) {
      throw new IllegalArgumentException("cannot add CD statistics of K=" + other.levels
          + ", F=" + other.hidden + " to K=" + levels + ", F=" + hidden
          + " (or conditional to unconditional)");
    }
    // Where each of other's units lands: its slot in this, or a new slot after this's units.
    long[] mine = new long[units.length];
    for (int s = 0; s < units.length; s++) {
      mine[s] = ((long) units[s] << 32) | s;
    }
    Arrays.sort(mine);
    int[] target = new int[other.units.length];
    int n = units.length;
    for (int t = 0; t < other.units.length; t++) {
      int at = Arrays.binarySearch(mine, (long) other.units[t] << 32);
      at = at >= 0 ? at : -at - 1;
      boolean found = at < mine.length && (int) (mine[at] >>> 32) == other.units[t];
      target[t] = found ? (int) mine[at] : n++;
    }
    int kf = levels * hidden;
    int[] mu = Arrays.copyOf(units, n);
    float[] mw = Arrays.copyOf(w, n * kf);
    float[] mb = Arrays.copyOf(b, n * levels);
    float[] md = d == null ? null : Arrays.copyOf(d, n * hidden);
    int[] mRated = Arrays.copyOf(rowsRated, n);
    int[] mIndicated = Arrays.copyOf(rowsIndicated, n);
    for (int t = 0; t < other.units.length; t++) {
      addSlot(other, t, target[t], mu, mw, mb, md, mRated, mIndicated);
    }
    float[] mc = c.clone();
    for (int j = 0; j < hidden; j++) {
      mc[j] += other.c[j];
    }
    return new CdStatistics(levels, hidden, rows + other.rows, mu, mw, mb, md, mRated,
        mIndicated, mc, reconSquaredError + other.reconSquaredError,
        reconCount + other.reconCount);
  }

  private static void addSlot(
      CdStatistics from, int s, int to, int[] mu, float[] mw, float[] mb, float[] md,
      int[] mRated, int[] mIndicated) {
    int kf = from.levels * from.hidden;
    mu[to] = from.units[s];
    for (int x = 0; x < kf; x++) {
      mw[to * kf + x] += from.w[s * kf + x];
    }
    for (int l = 0; l < from.levels; l++) {
      mb[to * from.levels + l] += from.b[s * from.levels + l];
    }
    if (md != null) {
      for (int j = 0; j < from.hidden; j++) {
        md[to * from.hidden + j] += from.d[s * from.hidden + j];
      }
    }
    mRated[to] += from.rowsRated[s];
    mIndicated[to] += from.rowsIndicated[s];
  }

  /**
   * Copies a worker's touched slots, in slot (first-touch) order. {@code rows} is the number of
   * rows the worker accumulated.
   */
  static CdStatistics fromWorker(CdWorker worker, int levels, int hidden, boolean conditional,
      int rows) {
    int n = worker.numTouched;
    float[] d = null;
    if (conditional) {
      d = worker.gd == null ? new float[n * hidden] : Arrays.copyOf(worker.gd, n * hidden);
    }
    return new CdStatistics(levels, hidden, rows, Arrays.copyOf(worker.touched, n),
        Arrays.copyOf(worker.gw, n * levels * hidden), Arrays.copyOf(worker.gb, n * levels), d,
        Arrays.copyOf(worker.rowsRated, n), Arrays.copyOf(worker.rowsIndicated, n),
        worker.gc.clone(), worker.reconSquaredError, worker.reconCount);
  }

  /** K, the number of levels. */
  public int levels() {
    return levels;
  }

  /** F, the number of hidden units. */
  public int hidden() {
    return hidden;
  }

  /** The number of rows summed. */
  public int rows() {
    return rows;
  }

  /** Whether the conditional statistics {@link #d()} are present. */
  public boolean conditional() {
    return d != null;
  }

  /** (n) the touched visible units, distinct, in first-touch order. Do not modify. */
  public int[] units() {
    return units;
  }

  /** (n × K × F) weight statistics. Do not modify. */
  public float[] w() {
    return w;
  }

  /** (n × K) visible-bias statistics. Do not modify. */
  public float[] b() {
    return b;
  }

  /** (n × F) conditional-weight statistics, or null. Do not modify. */
  public float[] d() {
    return d;
  }

  /** (n) rows rating each unit. Do not modify. */
  public int[] rowsRated() {
    return rowsRated;
  }

  /** (n) rows indicating each unit (conditional RBM). Do not modify. */
  public int[] rowsIndicated() {
    return rowsIndicated;
  }

  /** (F) hidden-bias statistics. Do not modify. */
  public float[] c() {
    return c;
  }

  /** Σ (expected reconstruction − rating)² over the rated entries (CD only). */
  public double reconSquaredError() {
    return reconSquaredError;
  }

  /** The number of entries in {@link #reconSquaredError()}. */
  public long reconCount() {
    return reconCount;
  }
}
