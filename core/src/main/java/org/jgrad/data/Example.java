package org.jgrad.data;

import org.jgrad.Tensor;

/**
 * One example of a {@link Dataset}: its input (FLOAT32, the dataset's input shape) and its target
 * (an INT32 class label of shape [], or FLOAT32 regression values). Closing it frees both tensors.
 */
public record Example(Tensor input, Tensor target) implements AutoCloseable {

    @Override
    public void close() {
        input.close();
        target.close();
    }
}
