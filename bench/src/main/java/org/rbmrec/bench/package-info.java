/**
 * Benchmarks: end-to-end commands that print JSON measurements ({@code rbmrec bench speed}:
 * {@link org.rbmrec.bench.SpeedCommand}, with the textbook {@link
 * org.rbmrec.bench.DenseReferenceRbm} as yardstick) and comparisons with peer libraries; JMH
 * microbenchmarks are in {@code org.rbmrec.bench.jmh}. Never shipped; timings come from here,
 * never from tests.
 */
package org.rbmrec.bench;
