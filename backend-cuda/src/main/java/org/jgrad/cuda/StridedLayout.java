package org.jgrad.cuda;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The index space of a strided elementwise kernel, as jgrad.cuh's {@code struct Layout}: rank,
 * shape[8], stride[3][8], offset[3] (36 little-endian ints). Size-1 dimensions are dropped and a
 * dimension merges into the next when every operand steps through both as through one, so most
 * launches reach the device with rank 1 or 2 and the kernels' index arithmetic stays short.
 */
final class StridedLayout {
    static final int MAX_DIMS = 8;
    static final int OPERANDS = 3;

    private StridedLayout() {
    }

    /**
     * Packs {@code shape} with one stride array and offset per operand (at most three), merging
     * dimensions first.
     *
     * @throws IllegalArgumentException when more than {@link #MAX_DIMS} dimensions remain
     */
    static byte[] pack(String op, int[] shape, int[][] strides, int[] offsets) {
        int[] dims = new int[shape.length];
        int[][] steps = new int[strides.length][shape.length];
        int rank = 0;
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] == 1) {
                continue;
            }
            if (rank > 0 && mergesWithPrevious(strides, d, shape[d], steps, rank - 1)) {
                dims[rank - 1] *= shape[d];
                for (int o = 0; o < strides.length; o++) {
                    steps[o][rank - 1] = strides[o][d];
                }
                continue;
            }
            dims[rank] = shape[d];
            for (int o = 0; o < strides.length; o++) {
                steps[o][rank] = strides[o][d];
            }
            rank++;
        }
        if (rank > MAX_DIMS) {
            throw new IllegalArgumentException(op + ": shape " + Arrays.toString(shape) + " with these strides needs "
                    + rank + " dimensions after merging; the CUDA kernels take at most " + MAX_DIMS);
        }
        ByteBuffer bytes = ByteBuffer.allocate(4 * (1 + MAX_DIMS + OPERANDS * MAX_DIMS + OPERANDS))
                .order(ByteOrder.LITTLE_ENDIAN);
        bytes.putInt(rank);
        for (int d = 0; d < MAX_DIMS; d++) {
            bytes.putInt(d < rank ? dims[d] : 1);
        }
        for (int o = 0; o < OPERANDS; o++) {
            for (int d = 0; d < MAX_DIMS; d++) {
                bytes.putInt(o < strides.length && d < rank ? steps[o][d] : 0);
            }
        }
        for (int o = 0; o < OPERANDS; o++) {
            bytes.putInt(o < offsets.length ? offsets[o] : 0);
        }
        return bytes.array();
    }

    /** Whether, for every operand, the kept dimension {@code last} steps by size × the stride of dimension d. */
    private static boolean mergesWithPrevious(int[][] strides, int d, int size, int[][] steps, int last) {
        for (int o = 0; o < strides.length; o++) {
            if ((long) steps[o][last] != (long) strides[o][d] * size) {
                return false;
            }
        }
        return true;
    }
}
