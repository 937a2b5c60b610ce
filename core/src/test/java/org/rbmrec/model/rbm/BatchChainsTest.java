package org.rbmrec.model.rbm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rbmrec.data.RatingScale;
import org.rbmrec.data.SparseRows;

/**
 * The chains of a mini-batch run with the visible half-steps grouped by unit
 * ({@link BatchChains}) give bit for bit what {@link RowChain} gives row by row: p⁰, p̃, the
 * last step's probabilities or sampled levels, the reconstruction errors and the persistent
 * chains, for soft and sampled reconstructions, CD-1 and CD-3, CD and PCD, with and without the
 * conditional RBM's implicit input, on two threads.
 */
class BatchChainsTest {
  private static final RatingScale SCALE = new RatingScale(1, 3, 1);
  private static final int ROWS = 12;
  private static final int V = 9;
  private static final int K = 3;
  private static final int F = 11;
  private static final int[] ORDER = {5, 0, 11, 3, 7, 9, 1, 4};

  private static SparseRows randomRows(long seed, double density) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] r = new int[ROWS * V];
    int[] c = new int[ROWS * V];
    byte[] l = new byte[ROWS * V];
    int n = 0;
    for (int row = 0; row < ROWS; row++) {
      for (int unit = 0; unit < V; unit++) {
        if (random.nextDouble() < density) {
          r[n] = row;
          c[n] = unit;
          l[n] = (byte) random.nextInt(K);
          n++;
        }
      }
    }
    return SparseRows.fromTriplets(ROWS, V, Arrays.copyOf(r, n), Arrays.copyOf(c, n),
        Arrays.copyOf(l, n));
  }

  private static final SparseRows DATA = randomRows(11, 0.5);
  private static final IndicatorRows INDICATOR =
      IndicatorRows.union(DATA, randomRows(12, 0.2));

  /** Everything a batch's chains leave behind. */
  private record Outputs(float[] positive, float[] negative, float[] q, byte[] sampled,
      double[] recon, int[] reconCount, byte[] chains) {}

  private static Outputs emptyOutputs(BatchEntries batch, boolean persistent) {
    int b = batch.numRows;
    int e = batch.numEntries;
    byte[] chains = persistent ? initialChains() : null;
    return new Outputs(new float[b * F], new float[b * F], new float[e * K], new byte[e],
        new double[b], new int[b], chains);
  }

  private static byte[] initialChains() {
    byte[] chains = DATA.levels().clone();
    for (int x = 0; x < chains.length; x += 3) {
      chains[x] = (byte) ((chains[x] + 1) % K);
    }
    return chains;
  }

  @ParameterizedTest(name = "{0}, CD-{1}, persistent {2}, conditional {3}")
  @CsvSource({
      "PROBABILITIES, 1, false, false",
      "PROBABILITIES, 3, false, false",
      "SAMPLED, 1, false, false",
      "SAMPLED, 3, false, false",
      "PROBABILITIES, 2, true, false",
      "SAMPLED, 2, true, false",
      "PROBABILITIES, 2, false, true",
      "SAMPLED, 1, true, true"})
  void groupedChainsEqualRowChainsBitForBit(NegativePhase phase, int steps, boolean persistent,
      boolean conditional) {
    RbmParameters p = BruteForce.randomParameters(V, K, F, 0, conditional, 0.6, 31);
    IndicatorRows indicator = conditional ? INDICATOR : null;
    BatchEntries batch = new BatchEntries(V);
    batch.build(DATA, indicator, ORDER, 0, ORDER.length);
    long seed = 17;
    int epoch = 4;

    Outputs grouped = emptyOutputs(batch, persistent);
    try (ChunkRunner runner = new ChunkRunner(2)) {
      new BatchChains(p, SCALE.values(), runner).run(batch, DATA, indicator, steps, phase,
          grouped.chains(), seed, epoch, 3, grouped.positive(), grouped.negative(), grouped.q(),
          grouped.sampled(), grouped.recon(), grouped.reconCount());
    }

    Outputs reference = emptyOutputs(batch, persistent);
    RowChain chain = new RowChain(p, SCALE.values());
    for (int b = 0; b < batch.numRows; b++) {
      int e = batch.entryStart[b];
      chain.random.reseed(seed, epoch, ORDER[b]);
      chain.run(DATA, indicator, ORDER[b], steps, phase, reference.chains(),
          reference.positive(), b * F, reference.negative(), b * F, reference.q(), e * K,
          reference.sampled(), e);
      reference.recon()[b] = chain.reconSquaredError;
      reference.reconCount()[b] = chain.reconCount;
    }

    assertThat(grouped.positive()).containsExactly(reference.positive());
    assertThat(grouped.negative()).containsExactly(reference.negative());
    assertThat(grouped.q()).containsExactly(reference.q());
    assertThat(grouped.sampled()).containsExactly(reference.sampled());
    assertThat(grouped.recon()).containsExactly(reference.recon());
    assertThat(grouped.reconCount()).containsExactly(reference.reconCount());
    if (persistent) {
      assertThat(grouped.chains()).containsExactly(reference.chains());
      assertThat(grouped.chains()).isNotEqualTo(initialChains());
    }
  }
}
