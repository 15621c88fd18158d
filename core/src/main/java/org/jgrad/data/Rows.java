package org.jgrad.data;

import org.jgrad.DType;
import org.jgrad.Tensor;

/** Equal-shaped rows (examples' inputs or targets) that a {@link TensorDataset} gathers into batches. */
interface Rows {

    /** Number of rows. */
    int count();

    /** Shape of one row. */
    int[] rowShape();

    DType dtype();

    /** The rows at {@code indices} (already checked), stacked: shape [indices.length, rowShape...]. */
    Tensor gather(int[] indices);
}
