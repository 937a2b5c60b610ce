/**
 * Distributed training on Apache Spark: data-parallel contrastive divergence
 * ({@link org.rbmrec.spark.SparkRbmTrainer}, the rows partitioned over executors, the parameters
 * broadcast for every mini-batch, the statistics gathered with {@code treeAggregate} and applied
 * on the driver, bit-identical to a single-machine run in its exact mode), its command-line
 * service ({@link org.rbmrec.spark.SparkDistributedTrainer}),
 * and Spark MLlib's ALS run on the same split as a peer ({@link org.rbmrec.spark.SparkAlsPeer}).
 *
 * <p>The classes shipped to executors ({@code RowBlockData}, {@code BatchData},
 * {@code StatisticsData}, {@code ChunkResults}) are plain holders of primitive arrays that Spark serialises with its
 * own serializer; rbmrec's own files never use Java serialization.
 */
package org.rbmrec.spark;
