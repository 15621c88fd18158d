package org.jgrad.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.jgrad.Tensors;
import org.jgrad.backend.Backends;
import org.jgrad.data.Batch;

/** A partition's examples packed into one array (row-major, one row per example) and their labels. */
final class PartitionData {
    private final int[] shape;
    private final int rowLength;
    private final float[] inputs;
    private final int[] labels;

    private PartitionData(int[] shape, float[] inputs, int[] labels) {
        this.shape = shape;
        this.rowLength = inputs.length / Math.max(1, labels.length);
        this.inputs = inputs;
        this.labels = labels;
    }

    /** Packs the examples, which {@link PartitionSurvey} found to be at least one, all of one shape. */
    static PartitionData pack(Iterator<LabeledExample> examples) {
        List<LabeledExample> list = new ArrayList<>();
        examples.forEachRemaining(list::add);
        int[] shape = list.get(0).shape();
        int rowLength = list.get(0).values().length;
        float[] inputs = new float[Math.multiplyExact(list.size(), rowLength)];
        int[] labels = new int[list.size()];
        for (int i = 0; i < labels.length; i++) {
            LabeledExample example = list.get(i);
            System.arraycopy(example.values(), 0, inputs, i * rowLength, rowLength);
            labels[i] = example.label();
        }
        return new PartitionData(shape, inputs, labels);
    }

    int size() {
        return labels.length;
    }

    /** The rows {@code rows} as a batch on the default backend: inputs [n, shape...], INT32 labels [n]. */
    Batch batch(int[] rows) {
        float[] x = new float[rows.length * rowLength];
        int[] y = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(inputs, rows[i] * rowLength, x, i * rowLength, rowLength);
            y[i] = labels[rows[i]];
        }
        int[] batchShape = new int[shape.length + 1];
        batchShape[0] = rows.length;
        System.arraycopy(shape, 0, batchShape, 1, shape.length);
        return new Batch(Tensors.fromArray(Backends.getDefault(), x, batchShape),
                Tensors.fromArray(Backends.getDefault(), y, rows.length));
    }
}
