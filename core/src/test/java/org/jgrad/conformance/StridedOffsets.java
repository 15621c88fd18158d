package org.jgrad.conformance;

/**
 * The reference reading of a strided operand, written the plain way for the tests: the element
 * offset {@code offset + idx . strides} of every index of a shape, in row-major order.
 */
final class StridedOffsets {
    private StridedOffsets() {
    }

    static int[] of(int[] shape, int offset, int[] strides) {
        int count = HostArray.count(shape);
        int[] offsets = new int[count];
        int[] index = new int[shape.length];
        for (int flat = 0; flat < count; flat++) {
            int at = offset;
            for (int d = 0; d < shape.length; d++) {
                at += index[d] * strides[d];
            }
            offsets[flat] = at;
            for (int d = shape.length - 1; d >= 0 && ++index[d] == shape[d]; d--) {
                index[d] = 0;
            }
        }
        return offsets;
    }

    /** Row-major strides of a dense array of {@code shape}. */
    static int[] contiguous(int[] shape) {
        int[] strides = new int[shape.length];
        int stride = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            strides[d] = stride;
            stride *= shape[d];
        }
        return strides;
    }

    /**
     * Strides that read a dense operand of {@code operandShape} broadcast NumPy-style to {@code shape}
     * (same rank): 0 along the dimensions where the operand has size 1.
     */
    static int[] broadcast(int[] operandShape, int[] shape) {
        int[] strides = contiguous(operandShape);
        for (int d = 0; d < shape.length; d++) {
            if (operandShape[d] == 1 && shape[d] != 1) {
                strides[d] = 0;
            }
        }
        return strides;
    }
}
