/**
 * Benchmarks: end-to-end commands that print JSON measurements (and, later, JMH benchmarks and
 * comparisons with peer libraries). Never shipped; timings come from here, never from tests.
 */
package org.rbmrec.bench;
