package org.rbmrec.spark;

import java.io.Serializable;
import java.util.Arrays;
import org.rbmrec.model.rbm.CdStatistics;

/**
 * The per-chunk statistics of one mini-batch gathered from the partitions: chunk indices and
 * their statistics, in no particular order until {@link #foldInChunkOrder}.
 */
final class ChunkResults implements Serializable {
  private static final long serialVersionUID = 1L;
  /** No chunks: the identity of {@link #plus}. */
  static final ChunkResults NONE = new ChunkResults(new int[0], new StatisticsData[0]);
  private final int[] chunks;
  private final StatisticsData[] statistics;

  ChunkResults(int[] chunks, StatisticsData[] statistics) {
    this.chunks = chunks;
    this.statistics = statistics;
  }

  static ChunkResults of(int[] chunks, CdStatistics[] statistics) {
    StatisticsData[] data = new StatisticsData[statistics.length];
    for (int x = 0; x < statistics.length; x++) {
      data[x] = new StatisticsData(statistics[x]);
    }
    return new ChunkResults(chunks, data);
  }

  /** Both sets of chunks. */
  ChunkResults plus(ChunkResults other) {
    int[] c = Arrays.copyOf(chunks, chunks.length + other.chunks.length);
    System.arraycopy(other.chunks, 0, c, chunks.length, other.chunks.length);
    StatisticsData[] s = Arrays.copyOf(statistics, c.length);
    System.arraycopy(other.statistics, 0, s, statistics.length, other.statistics.length);
    return new ChunkResults(c, s);
  }

  /**
   * The batch's statistics: the chunks' folded with {@link CdStatistics#plus} in chunk order,
   * from {@code empty}, as the single-machine trainer reduces them.
   *
   * @throws IllegalStateException unless chunks 0 … numChunks-1 are each present once
   */
  CdStatistics foldInChunkOrder(int numChunks, CdStatistics empty) {
    StatisticsData[] byChunk = new StatisticsData[numChunks];
    for (int x = 0; x < chunks.length; x++) {
      int c = chunks[x];
      if (c < 0 || c >= numChunks || byChunk[c] != null) {
        throw new IllegalStateException("chunk " + c + " of a batch of " + numChunks
            + " chunks came back twice or out of range");
      }
      byChunk[c] = statistics[x];
    }
    CdStatistics sum = empty;
    for (int c = 0; c < numChunks; c++) {
      if (byChunk[c] == null) {
        throw new IllegalStateException("chunk " + c + " of the batch is missing");
      }
      sum = sum.plus(byChunk[c].statistics());
    }
    return sum;
  }
}
