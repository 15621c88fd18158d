package org.jgrad.opencl;

import java.util.ArrayList;
import java.util.List;

/**
 * A strided iteration prepared for the kernels, which take shapes and strides as int8 vectors:
 * dimensions of size 1 are dropped and neighbours that every operand steps through contiguously
 * are merged. When more than {@link #KERNEL_RANK} dimensions remain, the leading ones are walked
 * on the host, one launch per index, with the operands' offsets advanced.
 */
final class StridedLayout {
    static final int KERNEL_RANK = 8;
    private final int[] shape;
    private final int[][] strides;

    /** What a launch gets: elements, rank (at most 8), shape and strides padded to 8, per-operand offsets. */
    interface Chunk {
        void run(int count, int rank, int[] shape, int[][] strides, int[] offsets);
    }

    private StridedLayout(int[] shape, int[][] strides) {
        this.shape = shape;
        this.strides = strides;
    }

    /** The layout of {@code shape} read through each operand's strides (one array per operand). */
    static StridedLayout of(int[] shape, int[]... operandStrides) {
        List<Integer> dims = new ArrayList<>();
        List<int[]> steps = new ArrayList<>();
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] == 1) {
                continue;
            }
            int[] step = new int[operandStrides.length];
            for (int o = 0; o < step.length; o++) {
                step[o] = operandStrides[o][d];
            }
            int last = dims.size() - 1;
            if (last >= 0 && mergeable(dims.get(last), steps.get(last), shape[d], step)) {
                dims.set(last, dims.get(last) * shape[d]);
                steps.set(last, step);
            } else {
                dims.add(shape[d]);
                steps.add(step);
            }
        }
        int rank = dims.size();
        int[] mergedShape = new int[rank];
        int[][] mergedStrides = new int[operandStrides.length][rank];
        for (int d = 0; d < rank; d++) {
            mergedShape[d] = dims.get(d);
            for (int o = 0; o < operandStrides.length; o++) {
                mergedStrides[o][d] = steps.get(d)[o];
            }
        }
        return new StridedLayout(mergedShape, mergedStrides);
    }

    /** Whether (outer, outerSteps) followed by (size, steps) is one dimension of outer*size with the inner steps. */
    private static boolean mergeable(int outer, int[] outerSteps, int size, int[] steps) {
        for (int o = 0; o < steps.length; o++) {
            if (outerSteps[o] != (long) steps[o] * size) {
                return false;
            }
        }
        return true;
    }

    /** Calls {@code chunk} once per launch needed to cover every element, starting from {@code offsets}. */
    void forEachChunk(int[] offsets, Chunk chunk) {
        int lead = Math.max(0, shape.length - KERNEL_RANK);
        int rank = shape.length - lead;
        int count = 1;
        int[] tail = new int[KERNEL_RANK];
        int[][] tailStrides = new int[strides.length][KERNEL_RANK];
        for (int d = 0; d < KERNEL_RANK; d++) {
            tail[d] = d < rank ? shape[lead + d] : 1;
            for (int o = 0; o < strides.length; o++) {
                tailStrides[o][d] = d < rank ? strides[o][lead + d] : 0;
            }
            count *= tail[d];
        }
        int[] index = new int[lead];
        while (true) {
            int[] at = offsets.clone();
            for (int d = 0; d < lead; d++) {
                for (int o = 0; o < at.length; o++) {
                    at[o] += index[d] * strides[o][d];
                }
            }
            chunk.run(count, rank, tail, tailStrides, at);
            int d = lead - 1;
            while (d >= 0 && ++index[d] == shape[d]) {
                index[d--] = 0;
            }
            if (d < 0) {
                return;
            }
        }
    }
}
