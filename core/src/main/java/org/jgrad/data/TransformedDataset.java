package org.jgrad.data;

import org.jgrad.Tensor;

/** A dataset whose inputs pass through a {@link Transform}; targets are unchanged. */
final class TransformedDataset implements Dataset {
    private final Dataset source;
    private final Transform transform;

    TransformedDataset(Dataset source, Transform transform) {
        this.source = source;
        this.transform = transform;
    }

    @Override
    public int size() {
        return source.size();
    }

    @Override
    public Example get(int index) {
        Example raw = source.get(index);
        return new Example(transformOrClose(raw.input(), raw.target()), raw.target());
    }

    @Override
    public Batch batch(int[] indices) {
        Batch raw = source.batch(indices);
        return new Batch(transformOrClose(raw.inputs(), raw.targets()), raw.targets());
    }

    /** The transformed input, closing the raw one (unless returned as is); on failure closes both. */
    private Tensor transformOrClose(Tensor input, Tensor target) {
        Tensor out;
        try {
            out = transform.apply(input);
        } catch (RuntimeException e) {
            input.close();
            target.close();
            throw e;
        }
        if (out != input) {
            input.close();
        }
        return out;
    }
}
