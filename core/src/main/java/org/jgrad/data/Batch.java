package org.jgrad.data;

import org.jgrad.Tensor;

/**
 * Examples stacked along a new leading dimension: {@code inputs} is [n, input shape...] and
 * {@code targets} is [n] for class labels or [n, target shape...] for regression targets.
 * Closing it frees both tensors.
 */
public record Batch(Tensor inputs, Tensor targets) implements AutoCloseable {

    public Batch {
        if (inputs.dim() == 0 || targets.dim() == 0 || inputs.size(0) != targets.size(0)) {
            throw new IllegalArgumentException("batch: inputs " + java.util.Arrays.toString(inputs.shape())
                    + " and targets " + java.util.Arrays.toString(targets.shape())
                    + " must share a leading dimension (the number of examples)");
        }
    }

    /** Number of examples in the batch. */
    public int size() {
        return inputs.size(0);
    }

    @Override
    public void close() {
        inputs.close();
        targets.close();
    }
}
