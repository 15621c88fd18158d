package org.jgrad.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.jgrad.DType;
import org.jgrad.data.Batch;
import org.jgrad.data.Dataset;

/** Turns a jgrad {@link Dataset} held on the driver into an RDD of {@link LabeledExample}s. */
public final class Examples {
    private static final int CHUNK = 1000;

    private Examples() {
    }

    /** A dataset's inputs (row-major, one row per example) and labels, broadcast once to every executor. */
    private record Packed(int[] shape, float[] inputs, int[] labels) implements Serializable {
        Iterator<LabeledExample> slice(int partition, int partitions) {
            long n = labels.length;
            int from = (int) (n * partition / partitions);
            int to = (int) (n * (partition + 1) / partitions);
            int row = inputs.length / labels.length;
            return IntStream.range(from, to).mapToObj(i -> new LabeledExample(shape,
                    Arrays.copyOfRange(inputs, i * row, (i + 1) * row), labels[i])).iterator();
        }
    }

    /**
     * The examples of {@code data} (INT32 class labels of shape []) in order, cut into
     * {@code partitions} contiguous partitions, one per worker. The data travels as one broadcast
     * (fetched once per executor, kept by the driver, so a lost executor gets it again), not
     * inside the tasks, which stay small.
     */
    public static JavaRDD<LabeledExample> fromDataset(JavaSparkContext spark, Dataset data, int partitions) {
        if (partitions < 1 || data.size() < partitions) {
            throw new IllegalArgumentException("Examples.fromDataset: " + partitions + " partitions for " + data.size()
                    + " examples; need 1 <= partitions <= examples");
        }
        Broadcast<Packed> packed = spark.broadcast(pack(data));
        List<Integer> indices = IntStream.range(0, partitions).boxed().toList();
        return spark.parallelize(indices, partitions)
                .mapPartitionsWithIndex((p, ignored) -> packed.value().slice(p, partitions), true);
    }

    private static Packed pack(Dataset data) {
        int[] shape = null;
        float[] inputs = null;
        int[] labels = new int[data.size()];
        for (int start = 0; start < data.size(); start += CHUNK) {
            int offset = start;
            int[] indices = new int[Math.min(CHUNK, data.size() - start)];
            Arrays.setAll(indices, i -> offset + i);
            try (Batch batch = data.batch(indices)) {
                if (batch.targets().dtype() != DType.INT32 || batch.targets().dim() != 1) {
                    throw new IllegalArgumentException("Examples.fromDataset: targets must be INT32 class labels, got "
                            + batch.targets().dtype() + " of shape " + Arrays.toString(batch.targets().shape()));
                }
                float[] chunk = batch.inputs().toFloatArray();
                if (inputs == null) {
                    shape = Arrays.copyOfRange(batch.inputs().shape(), 1, batch.inputs().dim());
                    inputs = new float[Math.multiplyExact(data.size(), chunk.length / indices.length)];
                }
                System.arraycopy(chunk, 0, inputs, offset * (chunk.length / indices.length), chunk.length);
                System.arraycopy(batch.targets().toIntArray(), 0, labels, offset, indices.length);
            }
        }
        return new Packed(shape, inputs, labels);
    }
}
