package org.jgrad.data;

/** The examples of another dataset at given indices, in that order, as PyTorch's {@code Subset}. */
public final class Subset implements Dataset {
    private final Dataset source;
    private final int[] indices;

    /** Example i of the subset is example {@code indices[i]} of {@code source}; indices are copied. */
    public Subset(Dataset source, int[] indices) {
        for (int index : indices) {
            Indices.check(index, source.size());
        }
        this.source = source;
        this.indices = indices.clone();
    }

    /** The indices into the source dataset (a copy). */
    public int[] indices() {
        return indices.clone();
    }

    /** The dataset this one selects from. */
    public Dataset source() {
        return source;
    }

    @Override
    public int size() {
        return indices.length;
    }

    @Override
    public Example get(int index) {
        return source.get(indices[Indices.check(index, indices.length)]);
    }

    @Override
    public Batch batch(int[] positions) {
        int[] mapped = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            mapped[i] = indices[Indices.check(positions[i], indices.length)];
        }
        return source.batch(mapped);
    }
}
