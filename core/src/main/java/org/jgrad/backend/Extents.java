package org.jgrad.backend;

import java.util.Arrays;

/**
 * Checks a backend makes on the shapes, strides and offsets a primitive receives, before it
 * touches memory, with messages that name the op, the operand and the numbers. Shared so every
 * backend rejects bad input the same way.
 */
public final class Extents {
    private Extents() {
    }

    /** The number of elements of {@code shape}; fails on a negative dimension or a count beyond int. */
    public static int elementCount(String op, int[] shape) {
        if (shape == null) {
            throw new IllegalArgumentException(op + ": shape is null");
        }
        long count = 1;
        for (int dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException(op + ": negative dimension in shape " + Arrays.toString(shape));
            }
            count = Math.min(count * dim, Integer.MAX_VALUE + 1L);
        }
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(op + ": shape " + Arrays.toString(shape) + " has more than "
                    + Integer.MAX_VALUE + " elements");
        }
        return (int) count;
    }

    /**
     * Fails unless every element that {@code offset + index . strides} addresses for an index of
     * {@code shape} lies in a buffer of {@code length} elements.
     */
    public static void checkOperand(String op, String operand, int[] shape, int offset, int[] strides, int length) {
        if (strides == null || strides.length != shape.length) {
            throw new IllegalArgumentException(op + ": " + operand + " has strides " + Arrays.toString(strides)
                    + " for shape " + Arrays.toString(shape) + "; expected one stride per dimension");
        }
        long lowest = offset;
        long highest = offset;
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] == 0) {
                return;
            }
            long reach = (long) (shape[d] - 1) * strides[d];
            lowest += Math.min(0, reach);
            highest += Math.max(0, reach);
        }
        if (lowest < 0 || highest >= length) {
            throw new IllegalArgumentException(op + ": " + operand + " addresses elements " + lowest + " to " + highest
                    + " but its buffer has " + length + " (shape " + Arrays.toString(shape) + ", offset " + offset
                    + ", strides " + Arrays.toString(strides) + ")");
        }
    }

    /** Fails unless {@code length == expected}: "op: operand has 5 elements, expected 6". */
    public static void checkLength(String op, String operand, int length, int expected) {
        if (length != expected) {
            throw new IllegalArgumentException(op + ": " + operand + " has " + length + " elements, expected " + expected);
        }
    }

    /**
     * Fails unless buffers of these lengths hold every element {@code s} addresses, and its leading
     * dimensions, offsets and batch strides make sense.
     */
    public static void checkGemm(GemmShape s, int lengthA, int lengthB, int lengthC) {
        int m = s.m();
        int n = s.n();
        int k = s.k();
        // op(A) is m x k, stored k x m when transposed; likewise B. C is always m x n.
        gemmOperand("A", lengthA, s.batch(), s.transA() ? k : m, s.transA() ? m : k, s.offsetA(), s.lda(), s.strideA());
        gemmOperand("B", lengthB, s.batch(), s.transB() ? n : k, s.transB() ? k : n, s.offsetB(), s.ldb(), s.strideB());
        gemmOperand("C", lengthC, s.batch(), m, n, s.offsetC(), s.ldc(), s.strideC());
    }

    /** Fails unless a buffer of this length holds one batch entry of B as {@code s} addresses it. */
    public static void checkGemmB(GemmShape s, int lengthB) {
        gemmOperand("B", lengthB, 1, s.transB() ? s.n() : s.k(), s.transB() ? s.k() : s.n(), s.offsetB(), s.ldb(), 0);
    }

    private static void gemmOperand(String name, int length, int batch, int rows, int cols, int offset, int ld,
                                    long stride) {
        String layout = " (" + name + " stored " + rows + "x" + cols + ", offset " + offset + ", ld " + ld
                + ", batch stride " + stride + ", batch " + batch + ")";
        if (offset < 0 || stride < 0) {
            throw new IllegalArgumentException("gemm: negative offset or batch stride for " + name + layout);
        }
        if (ld < cols) {
            throw new IllegalArgumentException("gemm: leading dimension of " + name + " is " + ld
                    + ", expected at least its stored row length " + cols + layout);
        }
        if (batch == 0 || rows == 0 || cols == 0) {
            return;
        }
        long last = offset + (batch - 1) * stride + (long) (rows - 1) * ld + cols - 1;
        if (last >= length) {
            throw new IllegalArgumentException("gemm: " + name + " addresses element " + last + " but its buffer has "
                    + length + " elements" + layout);
        }
    }
}
