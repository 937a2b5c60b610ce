package org.rbmrec.bench.jmh;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.rbmrec.model.rbm.RbmMath;

/**
 * The RBM's inner kernels ({@link RbmMath}) on one row of {@code entries} rated entries among
 * {@code V} visible units, K = 10 levels, F = {@code hidden} hidden units, weights laid out as
 * {@code w[(i*K + k)*F + j]} with N(0, 0.01²) values. Times are per call (one row, or one entry
 * for the softmax); divide by {@code entries} for the cost per rating.
 *
 * <pre>
 * java -cp bench/target/rbmrec-bench.jar org.openjdk.jmh.Main RbmKernelBenchmark -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class RbmKernelBenchmark {
  private static final int V = 26_744;
  private static final int K = 10;

  /** F, hidden units. */
  @Param({"50", "100", "200"})
  public int hidden;

  /** Rated entries of the row (ml-20m's mean is about 144 per user). */
  @Param({"144"})
  public int entries;

  private float[] w;
  private float[] b;
  private int[] columns;
  private byte[] levels;
  private float[] input;
  private float[] probabilities;
  private float[] q;
  private float[] gradient;
  private float[] logits;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(1);
    w = new float[V * K * hidden];
    for (int x = 0; x < w.length; x++) {
      w[x] = (float) (0.01 * random.nextGaussian());
    }
    b = new float[V * K];
    columns = new int[entries];
    levels = new byte[entries];
    for (int p = 0; p < entries; p++) {
      // Evenly spread, strictly increasing columns: one random column in each of `entries` bands.
      columns[p] = (int) ((long) p * V / entries) + random.nextInt(V / entries);
      levels[p] = (byte) random.nextInt(K);
    }
    input = new float[hidden];
    probabilities = new float[hidden];
    for (int j = 0; j < hidden; j++) {
      probabilities[j] = (float) random.nextDouble();
    }
    gradient = new float[K * hidden];
    logits = new float[K];
    for (int l = 0; l < K; l++) {
      logits[l] = (float) (2 * random.nextGaussian());
    }
    q = new float[entries * K];
    for (int x = 0; x < q.length; x++) {
      q[x] = 0.1f;
    }
  }

  /** Positive-phase hidden input: Σ over the row's entries of their F weights. */
  @Benchmark
  public void hiddenInputOfRow(Blackhole bh) {
    java.util.Arrays.fill(input, 0f);
    RbmMath.addVisibleInput(w, K, hidden, columns, levels, 0, entries, input);
    bh.consume(input);
  }

  /** Negative-phase hidden input of soft visible states: K·F per entry. */
  @Benchmark
  public void softHiddenInputOfRow(Blackhole bh) {
    java.util.Arrays.fill(input, 0f);
    RbmMath.addSoftVisibleInput(w, K, hidden, columns, 0, entries, q, input);
    bh.consume(input);
  }

  /** σ over F hidden inputs. */
  @Benchmark
  public void hiddenProbabilities(Blackhole bh) {
    RbmMath.hiddenProbabilities(probabilities, input, hidden);
    bh.consume(input);
  }

  /** One entry's visible logits over K levels (K·F) and their softmax. */
  @Benchmark
  public void visibleSoftmaxOfEntry(Blackhole bh) {
    RbmMath.visibleLogits(w, b, K, hidden, columns[0], probabilities, q, 0);
    RbmMath.softmax(q, 0, K);
    bh.consume(q);
  }

  /** One entry's visible logits over K levels alone (K dot products of length F). */
  @Benchmark
  public void visibleLogitsOfEntry(Blackhole bh) {
    RbmMath.visibleLogits(w, b, K, hidden, columns[0], probabilities, q, 0);
    bh.consume(q);
  }

  /** The softmax of K logits alone. */
  @Benchmark
  public void softmaxOfEntry(Blackhole bh) {
    System.arraycopy(logits, 0, q, 0, K);
    RbmMath.softmax(q, 0, K);
    bh.consume(q);
  }

  /** One entry's soft visible input Σ_l q_l W_il (K·F), as the chains form it. */
  @Benchmark
  public void softInputOfEntry(Blackhole bh) {
    RbmMath.weightedRows(q, 0, K, w, columns[0] * K * hidden, hidden, input, 0, hidden);
    bh.consume(input);
  }

  /** One entry's negative term −q ⊗ p̃ added to its unit's K × F gradient block. */
  @Benchmark
  public void negativeGradientOfEntry(Blackhole bh) {
    RbmMath.scatterRows(q, 0, K, -1f, probabilities, 0, gradient, 0, hidden, hidden);
    bh.consume(gradient);
  }
}
