package org.rbmrec.model.rbm;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.rbmrec.data.SparseRows;

/**
 * One row's CD-k statistics as the trainer computes them ({@link CdWorker#accumulateRow} then
 * {@link CdWorker#reset}), on one row of {@code entries} rated entries among V = 26,744 visible
 * units, K = 10, F = {@code hidden}, probabilities in the negative phase. Bench module only; it
 * lives in the RBM package because {@code CdWorker} is package-private.
 *
 * <pre>
 * java -cp bench/target/rbmrec-bench.jar org.openjdk.jmh.Main CdWorkerBenchmark -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class CdWorkerBenchmark {
  private static final int V = 26_744;
  private static final int K = 10;

  /** F, hidden units. */
  @Param({"50", "100", "200"})
  public int hidden;

  /** Rated entries of the row (ml-20m's mean is about 144 per user). */
  @Param({"144"})
  public int entries;

  /** k, Gibbs steps. */
  @Param({"1", "5"})
  public int steps;

  private SparseRows rows;
  private CdWorker worker;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(1);
    int[] rowOf = new int[entries];
    int[] columnOf = new int[entries];
    byte[] levelOf = new byte[entries];
    for (int p = 0; p < entries; p++) {
      // Evenly spread, strictly increasing columns: one random column in each of `entries` bands.
      columnOf[p] = (int) ((long) p * V / entries) + random.nextInt(V / entries);
      levelOf[p] = (byte) random.nextInt(K);
    }
    rows = SparseRows.fromTriplets(1, V, rowOf, columnOf, levelOf);
    RbmParameters p = new RbmParameters(V, K, hidden, 0, false);
    p.initialise(0.01, new float[V * K], 1L);
    double[] values = new double[K];
    for (int l = 0; l < K; l++) {
      values[l] = 0.5 * (l + 1);
    }
    worker = new CdWorker(p, values, entries);
  }

  /** accumulateRow + reset of one row. */
  @Benchmark
  public void cdRowStep(Blackhole bh) {
    worker.random.reseed(1L, 1L, 0);
    worker.accumulateRow(rows, null, 0, steps, NegativePhase.PROBABILITIES, null);
    bh.consume(worker.gc[0]);
    worker.reset();
  }
}
