package org.jgrad.data;

import org.jgrad.Tensor;
import org.jgrad.Tensors;

/**
 * A finite collection of examples with random access, as PyTorch's map-style
 * {@code torch.utils.data.Dataset}. Implement {@link #size} and {@link #get}; override
 * {@link #batch} where a batch can be built faster than by stacking examples one by one
 * ({@link TensorDataset} does: one upload or one gather per batch).
 */
public interface Dataset {

    /** Number of examples. */
    int size();

    /** Example {@code index}, in [0, size()); the caller owns (closes) its tensors. */
    Example get(int index);

    /**
     * The examples at {@code indices}, in that order (repeats allowed), stacked along a new
     * leading dimension; the caller owns (closes) the batch. This default stacks {@link #get}.
     */
    default Batch batch(int[] indices) {
        if (indices.length == 0) {
            throw new IllegalArgumentException("batch: needs at least one index");
        }
        Tensor[] inputs = new Tensor[indices.length];
        Tensor[] targets = new Tensor[indices.length];
        try {
            for (int i = 0; i < indices.length; i++) {
                Example example = get(Indices.check(indices[i], size()));
                inputs[i] = example.input();
                targets[i] = example.target();
            }
            return new Batch(Tensors.stack(0, inputs), Tensors.stack(0, targets));
        } finally {
            Indices.closeAll(inputs);
            Indices.closeAll(targets);
        }
    }

    /** This dataset with {@code transform} applied to every input it hands out. */
    default Dataset transformed(Transform transform) {
        return new TransformedDataset(this, transform);
    }
}
