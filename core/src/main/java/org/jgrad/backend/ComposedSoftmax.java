package org.jgrad.backend;

import java.util.ArrayList;
import java.util.List;
import org.jgrad.DType;

/**
 * {@link Backend#softmaxRows} and {@link Backend#softmaxRowsBackward} composed from reduce, binary
 * and unary (a pass over the whole matrix each), so that a backend need not implement them. The
 * temporaries are freed before returning.
 */
final class ComposedSoftmax {
    private final Backend backend;
    private final int rows;
    private final int cols;
    private final List<Buffer> temps = new ArrayList<>();

    private ComposedSoftmax(Backend backend, int rows, int cols) {
        this.backend = backend;
        this.rows = rows;
        this.cols = cols;
    }

    static void forward(Backend backend, int rows, int cols, Buffer x, Buffer out) {
        ComposedSoftmax k = new ComposedSoftmax(backend, rows, cols);
        try {
            Buffer max = k.atLeast(k.rowReduce(ReduceOp.MAX, x), -Float.MAX_VALUE);
            Buffer shifted = k.temp(rows * cols);
            backend.binary(BinaryOp.SUB, k.matrix(), x, k.rowMajor(), max, k.perRow(), shifted);
            Buffer exp = k.temp(rows * cols);
            backend.unary(UnaryOp.EXP, 0f, shifted, exp);
            // a row with a finite maximum sums to at least 1 (its maximum contributes e^0); only a fully masked row sums to 0
            Buffer sum = k.atLeast(k.rowReduce(ReduceOp.SUM, exp), Float.MIN_NORMAL);
            backend.binary(BinaryOp.DIV, k.matrix(), exp, k.rowMajor(), sum, k.perRow(), out);
        } finally {
            k.freeTemps();
        }
    }

    static void backward(Backend backend, int rows, int cols, Buffer p, Buffer g, Buffer dx) {
        ComposedSoftmax k = new ComposedSoftmax(backend, rows, cols);
        try {
            Buffer gp = k.temp(rows * cols);
            backend.binary(BinaryOp.MUL, k.matrix(), g, k.rowMajor(), p, k.rowMajor(), gp);
            Buffer dot = k.rowReduce(ReduceOp.SUM, gp);
            Buffer centered = k.temp(rows * cols);
            backend.binary(BinaryOp.SUB, k.matrix(), g, k.rowMajor(), dot, k.perRow(), centered);
            backend.binary(BinaryOp.MUL, k.matrix(), p, k.rowMajor(), centered, k.rowMajor(), dx);
        } finally {
            k.freeTemps();
        }
    }

    private Buffer rowReduce(ReduceOp op, Buffer x) {
        Buffer out = temp(rows);
        backend.reduce(op, x, rows, cols, 1, out);
        return out;
    }

    /** max(v, floor) per row. */
    private Buffer atLeast(Buffer v, float floor) {
        Buffer bound = temp(1);
        backend.fill(bound, floor);
        Buffer out = temp(rows);
        backend.binary(BinaryOp.MAXIMUM, new int[] {rows}, v, new int[] {1}, bound, new int[] {0}, out);
        return out;
    }

    private Buffer temp(int length) {
        Buffer buffer = backend.allocate(DType.FLOAT32, Math.max(1, length));
        temps.add(buffer);
        return buffer;
    }

    private int[] matrix() {
        return new int[] {rows, cols};
    }

    private int[] rowMajor() {
        return new int[] {cols, 1};
    }

    private int[] perRow() {
        return new int[] {1, 0};
    }

    private void freeTemps() {
        temps.forEach(backend::free);
    }
}
