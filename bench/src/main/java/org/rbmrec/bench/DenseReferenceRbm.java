package org.rbmrec.bench;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.rbmrec.data.SparseRows;
import org.rbmrec.model.rbm.RbmMath;

/**
 * A textbook dense softmax RBM, the yardstick of {@code rbmrec bench speed}: each row (user) is
 * a dense (V × K) one-hot matrix v with a (V) mask m of the entries it rated, and every matrix
 * product runs over every (visible unit, level) pair, rated or not — the way straightforward code
 * is written. The maths is the same as rbmrec's CD-1 with probabilities in the negative phase
 * ({@code NegativePhase.PROBABILITIES}); only the cost differs. Bench module only.
 *
 * <p>One CD-1 update of a mini-batch of B rows, with u_j the uniform draws of the row:
 *
 * <pre>
 *   x⁰ = c + vᵀW             p⁰ = σ(x⁰)           h_j = [u_j &lt; p⁰_j]
 *   ṽ_ik = m_i · softmax_k(b_ik + Σ_j h_j W_ikj)   (computed for every i, then masked)
 *   x¹ = c + ṽᵀW             p¹ = σ(x¹)
 *   G_W = (1/B) Σ_b (v p⁰ᵀ − ṽ p¹ᵀ)   G_b = (1/B) Σ_b (v − ṽ)   G_c = (1/B) Σ_b (p⁰ − p¹)
 *   Δθ ← μ Δθ + ε (G − λ θ)   θ ← θ + Δθ        (λ on W only)
 * </pre>
 *
 * Layouts as rbmrec's: W is (V × K × F), {@code w[(i*K + k)*F + j]}; b is (V × K); c is (F).
 * The rows of a batch are split over {@code threads} workers, each with its own dense (V × K ×
 * F) gradient, summed in worker order.
 */
public final class DenseReferenceRbm {
  /** The uniform draws of one row's hidden sampling. */
  @FunctionalInterface
  public interface HiddenNoise {
    /** Fills {@code out[0 … F)} with uniforms in [0, 1) for {@code row} in {@code epoch}. */
    void fill(long epoch, int row, float[] out);
  }

  private final int v;
  private final int k;
  private final int f;
  private final float[] w;
  private final float[] b;
  private final float[] c;
  private final float[] vw;
  private final float[] vb;
  private final float[] vc;
  private Worker[] workers = new Worker[0];

  /**
   * A model with the given parameters (copied).
   *
   * @param visible V, the number of visible units
   * @param levels K
   * @param hidden F
   * @param w (V × K × F) weights
   * @param b (V × K) visible biases
   * @param c (F) hidden biases
   */
  public DenseReferenceRbm(int visible, int levels, int hidden, float[] w, float[] b, float[] c) {
    if (visible < 1 || levels < 2 || hidden < 1) {
      throw new IllegalArgumentException("shape must have V ≥ 1, K ≥ 2, F ≥ 1, got "
          + visible + ", " + levels + ", " + hidden);
    }
    if (w.length != (long) visible * levels * hidden || b.length != visible * levels
        || c.length != hidden) {
      throw new IllegalArgumentException("parameter lengths must be V·K·F, V·K and F, got "
          + w.length + ", " + b.length + ", " + c.length);
    }
    this.v = visible;
    this.k = levels;
    this.f = hidden;
    this.w = w.clone();
    this.b = b.clone();
    this.c = c.clone();
    this.vw = new float[w.length];
    this.vb = new float[b.length];
    this.vc = new float[hidden];
  }

  /** A model with W ~ N(0, σ²) from {@code seed}, b = 0 and c = 0. */
  public static DenseReferenceRbm random(int visible, int levels, int hidden, double sigma,
      long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] w = new float[Math.multiplyExact(Math.multiplyExact(visible, levels), hidden)];
    for (int x = 0; x < w.length; x++) {
      w[x] = (float) (sigma * random.nextGaussian());
    }
    return new DenseReferenceRbm(
        visible, levels, hidden, w, new float[visible * levels], new float[hidden]);
  }

  /** Uniforms from a {@link SplittableRandom} seeded by (seed, epoch, row). */
  public static HiddenNoise splittableNoise(long seed) {
    return (epoch, row, out) -> {
      SplittableRandom random = new SplittableRandom(seed ^ (epoch * 0x9E3779B97F4A7C15L) ^ row);
      for (int j = 0; j < out.length; j++) {
        out[j] = (float) random.nextDouble();
      }
    };
  }

  /**
   * One CD-1 update over the mini-batch {@code batch[from … to)} of rows of {@code rows}.
   *
   * @param rows the ratings by row; its columns are the V visible units
   * @param epoch passed to {@code noise}
   * @param rate ε
   * @param momentum μ
   * @param decay λ
   * @param threads workers over the batch's rows, ≥ 1
   */
  public void update(SparseRows rows, int[] batch, int from, int to, long epoch,
      HiddenNoise noise, float rate, float momentum, float decay, int threads) {
    Objects.requireNonNull(noise, "noise");
    if (rows.numColumns() != v) {
      throw new IllegalArgumentException(
          "rows must have " + v + " columns, got " + rows.numColumns());
    }
    int n = to - from;
    int used = Math.max(1, Math.min(threads, n));
    if (this.workers.length < used) {
      Worker[] grown = Arrays.copyOf(this.workers, used);
      for (int t = this.workers.length; t < used; t++) {
        grown[t] = new Worker();
      }
      this.workers = grown;
    }
    Worker[] parts = this.workers;
    if (used == 1) {
      parts[0].accumulate(rows, batch, from, to, epoch, noise);
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(used);
      try {
        Future<?>[] futures = new Future<?>[used];
        for (int t = 0; t < used; t++) {
          int a = from + (int) ((long) n * t / used);
          int z = from + (int) ((long) n * (t + 1) / used);
          Worker part = parts[t];
          futures[t] = pool.submit(() -> part.accumulate(rows, batch, a, z, epoch, noise));
        }
        for (Future<?> future : futures) {
          future.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("dense reference interrupted", e);
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("dense reference failed", e.getCause());
      } finally {
        pool.shutdownNow();
      }
    }
    for (int t = 1; t < used; t++) {
      add(parts[0].gw, parts[t].gw);
      add(parts[0].gb, parts[t].gb);
      add(parts[0].gc, parts[t].gc);
    }
    float scale = 1f / n;
    step(w, vw, parts[0].gw, scale, rate, momentum, decay);
    step(b, vb, parts[0].gb, scale, rate, momentum, 0f);
    step(c, vc, parts[0].gc, scale, rate, momentum, 0f);
    for (int t = 0; t < used; t++) {
      Arrays.fill(parts[t].gw, 0f);
      Arrays.fill(parts[t].gb, 0f);
      Arrays.fill(parts[t].gc, 0f);
    }
  }

  /** A copy of W (V × K × F). */
  public float[] weights() {
    return w.clone();
  }

  /** A copy of b (V × K). */
  public float[] visibleBiases() {
    return b.clone();
  }

  /** A copy of c (F). */
  public float[] hiddenBiases() {
    return c.clone();
  }

  private static void add(float[] target, float[] source) {
    for (int x = 0; x < target.length; x++) {
      target[x] += source[x];
    }
  }

  private static void step(float[] theta, float[] velocity, float[] gradient, float scale,
      float rate, float momentum, float decay) {
    for (int x = 0; x < theta.length; x++) {
      float d = momentum * velocity[x] + rate * (scale * gradient[x] - decay * theta[x]);
      velocity[x] = d;
      theta[x] += d;
    }
  }

  /** One worker's dense gradient sums and scratch. */
  private final class Worker {
    final float[] gw = new float[w.length];
    final float[] gb = new float[b.length];
    final float[] gc = new float[f];
    private final float[] visible = new float[v * k];
    private final float[] mask = new float[v];
    private final float[] reconstruction = new float[v * k];
    private final float[] input = new float[f];
    private final float[] positive = new float[f];
    private final float[] negative = new float[f];
    private final float[] uniforms = new float[f];
    private final float[] h = new float[f];

    void accumulate(SparseRows rows, int[] batch, int from, int to, long epoch,
        HiddenNoise noise) {
      for (int x = from; x < to; x++) {
        row(rows, batch[x], epoch, noise);
      }
    }

    private void row(SparseRows rows, int row, long epoch, HiddenNoise noise) {
      Arrays.fill(visible, 0f);
      Arrays.fill(mask, 0f);
      for (int p = rows.rowStart(row); p < rows.rowEnd(row); p++) {
        visible[rows.column(p) * k + rows.level(p)] = 1f;
        mask[rows.column(p)] = 1f;
      }
      // Positive phase over the whole (V × K) visible layer.
      hiddenProbabilities(visible, positive);
      noise.fill(epoch, row, uniforms);
      for (int j = 0; j < f; j++) {
        h[j] = uniforms[j] < positive[j] ? 1f : 0f;
      }
      // Reconstruct every visible unit, then keep the rated ones.
      for (int i = 0; i < v; i++) {
        RbmMath.visibleLogits(w, b, k, f, i, h, reconstruction, i * k);
        RbmMath.softmax(reconstruction, i * k, k);
        for (int l = 0; l < k; l++) {
          reconstruction[i * k + l] *= mask[i];
        }
      }
      hiddenProbabilities(reconstruction, negative);
      // Dense outer products over every (i, k, j).
      for (int r = 0; r < v * k; r++) {
        float a = visible[r];
        float z = reconstruction[r];
        int o = r * f;
        for (int j = 0; j < f; j++) {
          gw[o + j] += a * positive[j] - z * negative[j];
        }
        gb[r] += a - z;
      }
      for (int j = 0; j < f; j++) {
        gc[j] += positive[j] - negative[j];
      }
    }

    /** {@code out = σ(c + stateᵀ W)} over all V × K visible units. */
    private void hiddenProbabilities(float[] state, float[] out) {
      System.arraycopy(c, 0, input, 0, f);
      for (int r = 0; r < v * k; r++) {
        float s = state[r];
        int o = r * f;
        for (int j = 0; j < f; j++) {
          input[j] += s * w[o + j];
        }
      }
      RbmMath.hiddenProbabilities(input, out, f);
    }
  }
}
