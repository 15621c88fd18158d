/**
 * Synchronous data-parallel training on Apache Spark: {@link org.jgrad.spark.SparkTrainer} runs one
 * model replica per partition in a barrier stage; every step the replicas exchange their gradients
 * through {@link org.apache.spark.BarrierTaskContext#allGather}, sum them in partition order and
 * apply the same optimizer update, so they stay identical. See {@code docs/DISTRIBUTED.md}.
 */
package org.jgrad.spark;
