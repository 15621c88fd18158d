package org.jgrad.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;

/**
 * One ordinary Spark job before training: how many examples each partition has and whether they
 * all share the first example's shape. Bad input fails here with the partition named, before any
 * replica starts, so no step and no checkpoint is spent on it.
 */
record PartitionSurvey(int partition, int count, int[] shape, int mismatchIndex, int[] mismatchShape)
        implements Serializable {

    static List<PartitionSurvey> of(JavaRDD<LabeledExample> examples) {
        return examples.mapPartitionsWithIndex(PartitionSurvey::survey, false).collect();
    }

    private static Iterator<PartitionSurvey> survey(int partition, Iterator<LabeledExample> examples) {
        int count = 0;
        int[] shape = null;
        int mismatchIndex = -1;
        int[] mismatchShape = null;
        while (examples.hasNext()) {
            int[] s = examples.next().shape();
            if (shape == null) {
                shape = s;
            } else if (mismatchIndex < 0 && !Arrays.equals(shape, s)) {
                mismatchIndex = count;
                mismatchShape = s;
            }
            count++;
        }
        return List.of(new PartitionSurvey(partition, count, shape, mismatchIndex, mismatchShape)).iterator();
    }

    /**
     * Checks every partition (non-empty, one shape everywhere, at least one batch) and returns the
     * number of steps in an epoch: the smallest partition's number of whole batches.
     */
    static int stepsPerEpoch(List<PartitionSurvey> partitions, int batchSize) {
        int[] expected = null;
        int steps = Integer.MAX_VALUE;
        for (PartitionSurvey p : partitions) {
            if (p.count == 0) {
                throw new SparkTrainingException(p.partition, 0, "the partition is empty; every worker needs at least "
                        + batchSize + " examples (one batch); repartition the data");
            }
            if (p.mismatchIndex >= 0) {
                throw new SparkTrainingException(p.partition, 0, "example " + p.mismatchIndex + " has shape "
                        + Arrays.toString(p.mismatchShape) + ", expected " + Arrays.toString(p.shape)
                        + " like the partition's first example");
            }
            if (expected == null) {
                expected = p.shape;
            } else if (!Arrays.equals(expected, p.shape)) {
                throw new SparkTrainingException(p.partition, 0, "examples have shape " + Arrays.toString(p.shape)
                        + ", expected " + Arrays.toString(expected) + " like partition 0's");
            }
            if (p.count < batchSize) {
                throw new SparkTrainingException(p.partition, 0, "the partition has " + p.count
                        + " examples, fewer than one batch of " + batchSize);
            }
            steps = Math.min(steps, p.count / batchSize);
        }
        return steps;
    }
}
