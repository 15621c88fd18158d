package org.jgrad.data;

import org.jgrad.DType;
import org.jgrad.Shape;
import org.jgrad.Tensor;

/**
 * A dataset of equal-shaped inputs and targets held in host arrays or in tensors, as PyTorch's
 * {@code TensorDataset}. A batch is built in one step: host arrays copy the chosen rows into one
 * array and upload it once (to the default backend at the time of the call); tensors gather the
 * rows with one index upload and one gather on their own backend.
 *
 * <p>Inputs are FLOAT32. Targets are INT32 class labels (one per example, shape []) or FLOAT32
 * regression targets of any per-example shape ([1] for one value per example).
 */
public final class TensorDataset implements Dataset {
    private final Rows inputs;
    private final Rows targets;

    private TensorDataset(Rows inputs, Rows targets) {
        if (inputs.dtype() != DType.FLOAT32) {
            throw new IllegalArgumentException("TensorDataset: inputs must be FLOAT32, got " + inputs.dtype());
        }
        if (inputs.count() != targets.count()) {
            throw new IllegalArgumentException("TensorDataset: " + inputs.count() + " inputs but " + targets.count()
                    + " targets; each example needs one of each");
        }
        this.inputs = inputs;
        this.targets = targets;
    }

    /**
     * Examples along the first dimension of both tensors (FLOAT32 inputs; INT32 or FLOAT32
     * targets). The dataset reads the tensors but does not own them: keep them open, outside any
     * scope that would close them, while it is used.
     */
    public static TensorDataset of(Tensor inputs, Tensor targets) {
        return new TensorDataset(new TensorRows(inputs, "inputs"), new TensorRows(targets, "targets"));
    }

    /**
     * Classification data on the host: {@code inputs} holds labels.length rows of
     * {@code inputShape}, row-major; labels are class indices. The arrays are used, not copied.
     */
    public static TensorDataset ofLabels(float[] inputs, int[] inputShape, int[] labels) {
        return new TensorDataset(HostRows.of(inputs, inputShape, "inputs"), HostRows.of(labels, new int[0], "labels"));
    }

    /**
     * Regression data on the host: rows of {@code inputShape} and of {@code targetShape}, both
     * row-major with one row per example. The arrays are used, not copied.
     */
    public static TensorDataset ofTargets(float[] inputs, int[] inputShape, float[] targets, int[] targetShape) {
        return new TensorDataset(HostRows.of(inputs, inputShape, "inputs"), HostRows.of(targets, targetShape, "targets"));
    }

    @Override
    public int size() {
        return inputs.count();
    }

    /** Shape of one example's input. */
    public int[] inputShape() {
        return inputs.rowShape();
    }

    /** Shape of one example's target: [] for class labels. */
    public int[] targetShape() {
        return targets.rowShape();
    }

    /** INT32 for class labels, FLOAT32 for regression targets. */
    public DType targetType() {
        return targets.dtype();
    }

    @Override
    public Example get(int index) {
        try (Batch one = batch(new int[] {index})) {
            return new Example(one.inputs().reshape(inputs.rowShape()), one.targets().reshape(targets.rowShape()));
        }
    }

    @Override
    public Batch batch(int[] indices) {
        if (indices.length == 0) {
            throw new IllegalArgumentException("batch: needs at least one index");
        }
        for (int index : indices) {
            Indices.check(index, size());
        }
        Tensor x = inputs.gather(indices);
        return new Batch(x, targets.gather(indices));
    }

    @Override
    public String toString() {
        return "TensorDataset(" + size() + " examples, input " + Shape.toString(inputShape()) + ", target "
                + targets.dtype() + " " + Shape.toString(targetShape()) + ")";
    }
}
