package org.jgrad.cuda;

import org.jgrad.DType;
import org.jgrad.backend.Buffer;
import org.jgrad.backend.ReduceOp;

/**
 * Reductions of the middle axis of (outer, size, inner) views (reduce.cu): a block per row when
 * inner is 1 (a tree in shared memory), else a thread per output walking its column.
 */
final class Reductions {
    private final Launcher kernels;

    Reductions(Launcher kernels) {
        this.kernels = kernels;
    }

    void reduce(ReduceOp op, Buffer x, int outer, int size, int inner, Buffer out) {
        String name = "reduce " + op;
        CudaBuffer in = CudaBuffer.of(x, DType.FLOAT32, name, "x");
        CudaBuffer o = CudaBuffer.of(out, op.writesIndices() ? DType.INT32 : DType.FLOAT32, name, "out");
        if (outer < 0 || size < 1 || inner < 0) {
            throw new IllegalArgumentException(name + ": (outer, size, inner) = (" + outer + ", " + size + ", " + inner
                    + "); expected outer >= 0, size >= 1, inner >= 0");
        }
        Checks.length(name, "x", in.length(), (long) outer * size * inner);
        Checks.length(name, "out", o.length(), (long) outer * inner);
        if (inner == 1 && outer > 0) {
            kernels.launch("reduce_rows", Math.min(outer, LaunchGeometry.MAX_BLOCKS), 1, 1, LaunchGeometry.THREADS, 1,
                    op.ordinal(), in.pointer(), outer, size, o.pointer());
        } else {
            kernels.launch1d("reduce_columns", (long) outer * inner, op.ordinal(), in.pointer(), outer, size, inner,
                    o.pointer());
        }
    }
}
