package org.jgrad.cpu;

import org.jgrad.Shape;
import org.jgrad.backend.device.StridedDims;

/**
 * Walks every index of a shape that several operands address through their own strides, one
 * innermost run at a time, over the dimensions {@link StridedDims} merges (as every backend's), so
 * a contiguous tensor is one long run and a broadcast row or column is one run per row: kernels
 * see long runs with a fixed step per operand. Any rank: nothing here is limited to 8.
 */
final class StridedLoop {

    /** One run: operand k starts at {@code offsets[k]} and steps by {@link #innerStride}(k); offsets is reused. */
    @FunctionalInterface
    interface Run {
        void run(int[] offsets, int count);
    }

    /** Merged dimensions, outermost first; only the first {@code rank} are used. */
    private final int[] dims;
    private final int rank;
    /** Stride of operand k along merged dimension d at {@code strides[k * dims.length + d]}. */
    private final int[] strides;
    private final int size;

    private StridedLoop(int[] dims, int rank, int[] strides, int size) {
        this.dims = dims;
        this.rank = rank;
        this.strides = strides;
        this.size = size;
    }

    /** The loop over {@code shape} for operands with the given (already validated) strides. */
    static StridedLoop of(int[] shape, int[]... operandStrides) {
        StridedDims merged = StridedDims.of(shape, operandStrides);
        int rank = Math.max(1, merged.rank());
        int[] dims = new int[rank];
        int[] strides = new int[operandStrides.length * rank];
        dims[0] = 1;
        for (int d = 0; d < merged.rank(); d++) {
            dims[d] = merged.size(d);
            for (int k = 0; k < operandStrides.length; k++) {
                strides[k * rank + d] = merged.stride(k, d);
            }
        }
        return new StridedLoop(dims, rank, strides, Shape.numel(shape));
    }

    /** The step of operand k along the innermost (merged) dimension. */
    int innerStride(int operand) {
        return strides[operand * dims.length + rank - 1];
    }

    /**
     * Runs {@code body} over every run, operand k starting from {@code base[k]}; the elements are
     * split over threads in chunks of at least {@code grain}.
     */
    void forEach(int[] base, int grain, Run body) {
        if (size > 0) {
            Parallel.forRange(size, grain, (from, to) -> walk(base, from, to, body));
        }
    }

    /** Visits the runs covering flat indices [from, to), carrying the index counter dimension by dimension. */
    private void walk(int[] base, int from, int to, Run body) {
        int last = rank - 1;
        int[] index = new int[rank];
        int[] offsets = base.clone();
        int rest = from;
        for (int d = last; d >= 0; d--) {
            index[d] = rest % dims[d];
            rest /= dims[d];
            advance(offsets, d, index[d]);
        }
        int position = from;
        while (true) {
            int count = Math.min(dims[last] - index[last], to - position);
            body.run(offsets, count);
            position += count;
            if (position >= to) {
                return;
            }
            index[last] += count;
            advance(offsets, last, count);
            for (int d = last; d > 0 && index[d] == dims[d]; d--) {
                index[d] = 0;
                advance(offsets, d, -dims[d]);
                index[d - 1]++;
                advance(offsets, d - 1, 1);
            }
        }
    }

    private void advance(int[] offsets, int dim, int steps) {
        for (int k = 0; k < offsets.length; k++) {
            offsets[k] += steps * strides[k * dims.length + dim];
        }
    }
}
