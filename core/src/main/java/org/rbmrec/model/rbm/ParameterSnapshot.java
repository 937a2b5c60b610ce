package org.rbmrec.model.rbm;

/**
 * The parameters a contrastive-divergence step reads, as plain arrays to ship to the workers of
 * distributed training: V visible units, K levels, F hidden units and
 * <ul>
 *   <li>{@code w}: (V × K × F) weights, {@code w[(i*K + k)*F + j]} (in the factored model the
 *       materialised A·B; with shared weights W' + S);
 *   <li>{@code b}: (V × K) visible biases; {@code c}: (F) hidden biases;
 *   <li>{@code d}: (V × F) conditional weights, or null.
 * </ul>
 * The accessors return the internal arrays, which callers must not modify.
 */
public final class ParameterSnapshot {
  private final int numVisible;
  private final int levels;
  private final int hidden;
  private final float[] w;
  private final float[] b;
  private final float[] c;
  private final float[] d;

  private ParameterSnapshot(
      int numVisible, int levels, int hidden, float[] w, float[] b, float[] c, float[] d) {
    this.numVisible = numVisible;
    this.levels = levels;
    this.hidden = hidden;
    this.w = w;
    this.b = b;
    this.c = c;
    this.d = d;
  }

  /**
   * Wraps arrays without copying, after checking their shapes.
   *
   * @throws IllegalArgumentException on a shape mismatch
   */
  public static ParameterSnapshot of(
      int numVisible, int levels, int hidden, float[] w, float[] b, float[] c, float[] d) {
    if (numVisible < 1 || levels < 2 || hidden < 1) {
      throw new IllegalArgumentException("parameter shape must have numVisible ≥ 1, levels ≥ 2,"
          + " hidden ≥ 1, got " + numVisible + ", " + levels + ", " + hidden);
    }
    if (w.length != (long) numVisible * levels * hidden || b.length != numVisible * levels
        || c.length != hidden || (d != null && d.length != (long) numVisible * hidden)) {
      throw new IllegalArgumentException("parameter arrays do not match V=" + numVisible + ", K="
          + levels + ", F=" + hidden + ": w " + w.length + ", b " + b.length + ", c " + c.length
          + ", d " + (d == null ? "null" : d.length));
    }
    return new ParameterSnapshot(numVisible, levels, hidden, w, b, c, d);
  }

  /** A copy of the arrays of {@code p} as they are now (lazily updated rows included as is). */
  static ParameterSnapshot copyOf(RbmParameters p) {
    return new ParameterSnapshot(p.numVisible, p.levels, p.hidden, p.w.clone(), p.b.clone(),
        p.c.clone(), p.d == null ? null : p.d.clone());
  }

  /** Unfactored parameters holding copies of these arrays, for a {@link CdWorker}. */
  RbmParameters toParameters() {
    RbmParameters p = new RbmParameters(numVisible, levels, hidden, 0, d != null);
    System.arraycopy(w, 0, p.w, 0, w.length);
    System.arraycopy(b, 0, p.b, 0, b.length);
    System.arraycopy(c, 0, p.c, 0, c.length);
    if (d != null) {
      System.arraycopy(d, 0, p.d, 0, d.length);
    }
    return p;
  }

  /** V. */
  public int numVisible() {
    return numVisible;
  }

  /** K. */
  public int levels() {
    return levels;
  }

  /** F. */
  public int hidden() {
    return hidden;
  }

  /** (V × K × F) weights. Do not modify. */
  public float[] w() {
    return w;
  }

  /** (V × K) visible biases. Do not modify. */
  public float[] b() {
    return b;
  }

  /** (F) hidden biases. Do not modify. */
  public float[] c() {
    return c;
  }

  /** (V × F) conditional weights, or null. Do not modify. */
  public float[] d() {
    return d;
  }
}
