package org.rbmrec.model.rbm;

/**
 * A reseedable random stream for one row of one epoch, so that results do not depend on which
 * thread handles the row. It runs SplitMix64, the generator behind
 * {@link java.util.SplittableRandom}, from a state derived from (seed, epoch, row); unlike {@code SplittableRandom} it can be
 * reseeded in place, so a worker needs no allocation per row.
 */
final class RowRandom {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private long state;

  /** Starts the stream of ({@code seed}, {@code epoch}, {@code row}). */
  void reseed(long seed, long epoch, long row) {
    long s = mix64(seed + GOLDEN);
    s = mix64(s ^ (epoch * 0xD1B54A32D192ED03L + GOLDEN));
    state = mix64(s ^ (row * 0xAEF17502108EF2D9L + 0x632BE59BD9B4E019L));
  }

  /** The next 64 random bits. */
  long nextLong() {
    state += GOLDEN;
    return mix64(state);
  }

  /** A uniform double in [0, 1). */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** A uniform float in [0, 1). */
  float nextFloat() {
    return (nextLong() >>> 40) * 0x1.0p-24f;
  }

  /** A uniform int in [0, bound). */
  int nextInt(int bound) {
    return (int) (((nextLong() >>> 33) * bound) >>> 31);
  }

  private static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
