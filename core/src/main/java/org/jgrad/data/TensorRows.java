package org.jgrad.data;

import java.util.Arrays;
import org.jgrad.DType;
import org.jgrad.NoGrad;
import org.jgrad.Scope;
import org.jgrad.Tensor;
import org.jgrad.Tensors;

/**
 * Rows held in a tensor on a backend, one row per entry of its first dimension. A batch is one
 * upload of the indices and one gather on that backend; the data never leaves the device.
 * Gather is a FLOAT32 primitive, so INT32 rows (class labels) keep a FLOAT32 copy, exact because
 * every value is checked to lie within ±2^24, and each batch is cast back to INT32.
 */
final class TensorRows implements Rows {
    private static final int EXACT_IN_FLOAT = 1 << 24;

    private final Tensor data;
    private final DType dtype;

    TensorRows(Tensor data, String what) {
        if (data.dim() == 0) {
            throw new IllegalArgumentException(what + ": needs a leading dimension of examples, got a 0-dimensional tensor");
        }
        this.dtype = data.dtype();
        this.data = dtype == DType.FLOAT32 ? data : Scope.untrack(asExactFloats(data, what));
    }

    private static Tensor asExactFloats(Tensor ints, String what) {
        int[] values = ints.toIntArray();
        for (int i = 0; i < values.length; i++) {
            if (Math.abs((long) values[i]) > EXACT_IN_FLOAT) {
                throw new IllegalArgumentException(what + ": INT32 value " + values[i] + " at flat index " + i
                        + " is beyond ±2^24, which a tensor-backed dataset cannot gather exactly");
            }
        }
        return ints.toType(DType.FLOAT32);
    }

    @Override
    public int count() {
        return data.size(0);
    }

    @Override
    public int[] rowShape() {
        int[] shape = data.shape();
        return Arrays.copyOfRange(shape, 1, shape.length);
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    @Override
    public Tensor gather(int[] indices) {
        try (NoGrad noGrad = NoGrad.enter(); Tensor index = Tensors.fromArray(data.backend(), indices, indices.length)) {
            Tensor rows = data.indexSelect(0, index);
            if (dtype == DType.FLOAT32) {
                return rows;
            }
            try (rows) {
                return rows.toType(DType.INT32);
            }
        }
    }
}
