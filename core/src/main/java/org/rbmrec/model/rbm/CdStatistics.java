package org.rbmrec.model.rbm;

import java.util.Arrays;

/**
 * The summed contrastive-divergence statistics of some rows of one mini-batch, over only the
 * visible units those rows touched: the unit of work that distributed training ships from a
 * partition to the driver, where partial statistics are merged with {@link #plus} and applied
 * as one update ({@link DistributedCd#applyBatch}).
 *
 * <p>With n touched visible units (sorted ascending in {@code units}), K levels and F hidden
 * units, the arrays are:
 * <ul>
 *   <li>{@code units}: (n) the touched visible units, strictly increasing;
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
   * @throws IllegalArgumentException if a shape is wrong or {@code units} is not strictly
   *     increasing
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
    for (int s = 1; s < n; s++) {
      if (units[s] <= units[s - 1]) {
        throw new IllegalArgumentException(
            "units must be strictly increasing, got " + units[s - 1] + " then " + units[s]);
      }
    }
    if (n > 0 && units[0] < 0) {
      throw new IllegalArgumentException("units must be ≥ 0, got " + units[0]);
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
   * The statistics of the rows of both: sums per visible unit (a merge of the two sorted unit
   * lists), of c, of the row counts and of the reconstruction error.
   */
  public CdStatistics plus(CdStatistics other) {
    if (other.levels != levels || other.hidden != hidden || (other.d == null) != (d == null)) {
      throw new IllegalArgumentException("cannot add CD statistics of K=" + other.levels
          + ", F=" + other.hidden + " to K=" + levels + ", F=" + hidden
          + " (or conditional to unconditional)");
    }
    int kf = levels * hidden;
    int n = 0;
    for (int x = 0, y = 0; x < units.length || y < other.units.length; n++) {
      if (y == other.units.length || (x < units.length && units[x] < other.units[y])) {
        x++;
      } else if (x == units.length || other.units[y] < units[x]) {
        y++;
      } else {
        x++;
        y++;
      }
    }
    int[] mu = new int[n];
    float[] mw = new float[n * kf];
    float[] mb = new float[n * levels];
    float[] md = d == null ? null : new float[n * hidden];
    int[] mRated = new int[n];
    int[] mIndicated = new int[n];
    for (int x = 0, y = 0, s = 0; s < n; s++) {
      boolean fromThis = y == other.units.length
          || (x < units.length && units[x] <= other.units[y]);
      boolean fromOther = x == units.length
          || (y < other.units.length && other.units[y] <= units[x]);
      if (fromThis) {
        addSlot(this, x, s, mu, mw, mb, md, mRated, mIndicated);
        x++;
      }
      if (fromOther) {
        addSlot(other, y, s, mu, mw, mb, md, mRated, mIndicated);
        y++;
      }
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
   * Copies a worker's touched slots, sorted by visible unit. {@code rows} is the number of rows
   * the worker accumulated.
   */
  static CdStatistics fromWorker(CdWorker worker, int levels, int hidden, boolean conditional,
      int rows) {
    int n = worker.numTouched;
    long[] keys = new long[n];
    for (int s = 0; s < n; s++) {
      keys[s] = ((long) worker.touched[s] << 32) | s;
    }
    Arrays.sort(keys);
    int kf = levels * hidden;
    int[] units = new int[n];
    float[] w = new float[n * kf];
    float[] b = new float[n * levels];
    float[] d = conditional ? new float[n * hidden] : null;
    int[] rated = new int[n];
    int[] indicated = new int[n];
    for (int t = 0; t < n; t++) {
      int s = (int) keys[t];
      units[t] = (int) (keys[t] >>> 32);
      System.arraycopy(worker.gw, s * kf, w, t * kf, kf);
      System.arraycopy(worker.gb, s * levels, b, t * levels, levels);
      if (d != null && worker.gd != null) {
        System.arraycopy(worker.gd, s * hidden, d, t * hidden, hidden);
      }
      rated[t] = worker.rowsRated[s];
      indicated[t] = worker.rowsIndicated[s];
    }
    return new CdStatistics(levels, hidden, rows, units, w, b, d, rated, indicated,
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

  /** (n) the touched visible units, strictly increasing. Do not modify. */
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
