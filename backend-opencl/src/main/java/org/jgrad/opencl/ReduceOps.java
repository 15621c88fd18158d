package org.jgrad.opencl;

import org.jgrad.DType;
import org.jgrad.backend.Extents;
import org.jgrad.backend.ReduceOp;

/**
 * Reductions of the middle axis of (outer, size, inner). Rows (inner == 1) long enough to share
 * go to a work-group each; otherwise one work-item walks each output's column.
 */
final class ReduceOps {
    /** Row length from which a work-group per row beats one work-item per row. */
    private static final int GROUP_ROW = 256;
    private final ClRuntime cl;

    ReduceOps(ClRuntime cl) {
        this.cl = cl;
    }

    void reduce(ReduceOp op, ClBuffer x, int outer, int size, int inner, ClBuffer out) {
        String name = "reduce " + op;
        if (outer < 0 || size < 1 || inner < 0) {
            throw new IllegalArgumentException(name + ": (outer, size, inner) = (" + outer + ", " + size + ", " + inner
                    + "); expected outer >= 0, size >= 1, inner >= 0");
        }
        x.expect(DType.FLOAT32, name, "x");
        long count = (long) outer * size * inner;
        if (count != x.length()) {
            throw new IllegalArgumentException(name + ": x has " + x.length() + " elements, expected outer*size*inner = "
                    + count);
        }
        out.expect(op.writesIndices() ? DType.INT32 : DType.FLOAT32, name, "out");
        Extents.checkLength(name, "out", out.length(), outer * inner);
        out.knownRange(op.writesIndices() ? new int[] {0, size - 1} : null);
        if ((long) outer * inner == 0) {
            return;
        }
        if (inner == 1 && size >= GROUP_ROW) {
            cl.launch("reduce_rows").i(op.ordinal()).i(size).mem(x).mem(out)
                    .run(new long[] {(long) outer * Launch.GROUP}, new long[] {Launch.GROUP});
        } else {
            cl.launch("reduce_columns").i(op.ordinal()).i(outer).i(size).i(inner).mem(x).mem(out)
                    .run1d((long) outer * inner);
        }
    }
}
