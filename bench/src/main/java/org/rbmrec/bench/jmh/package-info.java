/**
 * JMH microbenchmarks of the RBM's hot kernels, run from the bench jar:
 * {@code java -cp bench/target/rbmrec-bench.jar org.openjdk.jmh.Main …}. The row step of
 * contrastive divergence ({@code CdWorker}, package-private) is benchmarked by
 * {@code org.rbmrec.model.rbm.CdWorkerBenchmark}, which sits in that package for access.
 */
package org.rbmrec.bench.jmh;
