package org.jgrad.backend.device;

import java.util.Arrays;

/**
 * The index space of a strided elementwise op, prepared for a kernel: dimensions of size 1 are
 * dropped and a dimension merges into the one before it when every operand steps through both as
 * through one, so a contiguous tensor is one dimension and a broadcast row two. Kernels take at
 * most {@link #KERNEL_RANK} dimensions; where more remain, {@link #forEachLaunch} walks the
 * leading ones on the host, one launch per index, with the operands' offsets advanced.
 */
public final class StridedDims {
    /** The most dimensions one launch takes (the kernels' shape and stride vectors hold 8). */
    public static final int KERNEL_RANK = 8;
    private final int[] shape;
    private final int[][] strides;

    /** What one launch gets: elements, rank (at most 8), shape and strides padded to 8, per-operand offsets. */
    @FunctionalInterface
    public interface Launch {
        void run(int count, int rank, int[] shape, int[][] strides, int[] offsets);
    }

    private StridedDims(int[] shape, int[][] strides) {
        this.shape = shape;
        this.strides = strides;
    }

    /** The merged dimensions of {@code shape} read through each operand's strides (one array per operand). */
    public static StridedDims of(int[] shape, int[]... operandStrides) {
        int[] dims = new int[shape.length];
        int[][] steps = new int[operandStrides.length][shape.length];
        int rank = 0;
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] == 1) {
                continue;
            }
            boolean merges = rank > 0;
            for (int o = 0; o < operandStrides.length && merges; o++) {
                merges = steps[o][rank - 1] == (long) operandStrides[o][d] * shape[d];
            }
            if (merges) {
                dims[rank - 1] *= shape[d];
            } else {
                dims[rank++] = shape[d];
            }
            for (int o = 0; o < operandStrides.length; o++) {
                steps[o][rank - 1] = operandStrides[o][d];
            }
        }
        int[][] merged = new int[operandStrides.length][];
        for (int o = 0; o < merged.length; o++) {
            merged[o] = Arrays.copyOf(steps[o], rank);
        }
        return new StridedDims(Arrays.copyOf(dims, rank), merged);
    }

    /** The number of merged dimensions (0 for a single element). */
    public int rank() {
        return shape.length;
    }

    /** Size of merged dimension d. */
    public int size(int d) {
        return shape[d];
    }

    /** Stride of {@code operand} along merged dimension d. */
    public int stride(int operand, int d) {
        return strides[operand][d];
    }

    /** Calls {@code launch} once per launch needed to cover every element, starting from {@code offsets}. */
    public void forEachLaunch(int[] offsets, Launch launch) {
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
            launch.run(count, rank, tail, tailStrides, at);
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
