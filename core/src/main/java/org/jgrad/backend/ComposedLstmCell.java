package org.jgrad.backend;

import java.util.ArrayList;
import java.util.List;
import org.jgrad.DType;

/**
 * One LSTM step's pointwise part, forward and backward, composed from copy, unary and binary for
 * {@link StepwiseLstm}, so that a backend need not implement it. Gates (batch, 4 * hidden) at
 * {@code gatesOffset} hold the summed pre-activations and are overwritten with the activations
 * (sigmoid for i, f, o; tanh for g); states are rows [h | c] of 2 * hidden: from the c at
 * {@code prev}, c' = f c + i g and h' = o tanh(c') go to {@code next}. Backward writes the gradient
 * with respect to the pre-activations into {@code dGates} at the same offset, and [0 | dL/dc] into
 * {@code dPrev} (the recurrent GEMM adds the h part). Every gate and state column block is copied out into a contiguous (batch, hidden)
 * temporary, combined, and copied back; the temporaries are freed before returning.
 */
final class ComposedLstmCell {
    private final Backend backend;
    private final int batch;
    private final int hidden;
    private final List<Buffer> temps = new ArrayList<>();

    private ComposedLstmCell(Backend backend, int batch, int hidden) {
        this.backend = backend;
        this.batch = batch;
        this.hidden = hidden;
    }

    static void forward(Backend backend, int batch, int hidden, Buffer gates, int gatesOffset, Buffer states, int prev,
                        int next) {
        ComposedLstmCell k = new ComposedLstmCell(backend, batch, hidden);
        try {
            int width = 4 * hidden;
            int[] flat = {batch * width};
            int[] unit = {1};
            Buffer pre = k.temp(batch * width);
            backend.copy(flat, gates, gatesOffset, unit, pre, 0, unit);
            Buffer sigmoid = k.unary(UnaryOp.SIGMOID, pre, batch * width);
            Buffer tanh = k.unary(UnaryOp.TANH, pre, batch * width);
            backend.copy(flat, sigmoid, 0, unit, gates, gatesOffset, unit);
            k.put(k.column(tanh, 2 * hidden, width), gates, gatesOffset + 2 * hidden, width);
            Buffer i = k.column(gates, gatesOffset, width);
            Buffer f = k.column(gates, gatesOffset + hidden, width);
            Buffer g = k.column(gates, gatesOffset + 2 * hidden, width);
            Buffer o = k.column(gates, gatesOffset + 3 * hidden, width);
            Buffer c = k.column(states, prev + hidden, 2 * hidden);
            Buffer cNext = k.binary(BinaryOp.ADD, k.binary(BinaryOp.MUL, f, c), k.binary(BinaryOp.MUL, i, g));
            Buffer hNext = k.binary(BinaryOp.MUL, o, k.unary(UnaryOp.TANH, cNext, batch * hidden));
            k.put(hNext, states, next, 2 * hidden);
            k.put(cNext, states, next + hidden, 2 * hidden);
        } finally {
            k.freeTemps();
        }
    }

    static void backward(Backend backend, int batch, int hidden, Buffer gates, int gatesOffset, Buffer states, int prev,
                         int next, Buffer dNext, Buffer dGates, Buffer dPrev) {
        ComposedLstmCell k = new ComposedLstmCell(backend, batch, hidden);
        try {
            int width = 4 * hidden;
            Buffer i = k.column(gates, gatesOffset, width);
            Buffer f = k.column(gates, gatesOffset + hidden, width);
            Buffer g = k.column(gates, gatesOffset + 2 * hidden, width);
            Buffer o = k.column(gates, gatesOffset + 3 * hidden, width);
            Buffer c = k.column(states, prev + hidden, 2 * hidden);
            Buffer tanhC = k.unary(UnaryOp.TANH, k.column(states, next + hidden, 2 * hidden), batch * hidden);
            Buffer dh = k.column(dNext, 0, 2 * hidden);
            Buffer dc = k.column(dNext, hidden, 2 * hidden);
            Buffer dcTotal = k.binary(BinaryOp.ADD, dc, k.binary(BinaryOp.MUL, k.binary(BinaryOp.MUL, dh, o),
                    k.oneMinus(k.binary(BinaryOp.MUL, tanhC, tanhC))));
            Buffer di = k.binary(BinaryOp.MUL, dcTotal, g);
            Buffer df = k.binary(BinaryOp.MUL, dcTotal, c);
            Buffer dg = k.binary(BinaryOp.MUL, dcTotal, i);
            Buffer dout = k.binary(BinaryOp.MUL, dh, tanhC);
            k.put(k.binary(BinaryOp.MUL, di, k.sigmoidSlope(i)), dGates, gatesOffset, width);
            k.put(k.binary(BinaryOp.MUL, df, k.sigmoidSlope(f)), dGates, gatesOffset + hidden, width);
            k.put(k.binary(BinaryOp.MUL, dg, k.oneMinus(k.binary(BinaryOp.MUL, g, g))), dGates, gatesOffset + 2 * hidden, width);
            k.put(k.binary(BinaryOp.MUL, dout, k.sigmoidSlope(o)), dGates, gatesOffset + 3 * hidden, width);
            backend.fill(dPrev, 0f);
            k.put(k.binary(BinaryOp.MUL, dcTotal, f), dPrev, hidden, 2 * hidden);
        } finally {
            k.freeTemps();
        }
    }

    /** A contiguous (batch, hidden) copy of the block at {@code offset} of rows {@code rowStride} apart. */
    private Buffer column(Buffer src, int offset, int rowStride) {
        Buffer out = temp(batch * hidden);
        backend.copy(new int[] {batch, hidden}, src, offset, new int[] {rowStride, 1}, out, 0, new int[] {hidden, 1});
        return out;
    }

    /** Writes a contiguous (batch, hidden) block into {@code dst} at {@code offset}, rows {@code rowStride} apart. */
    private void put(Buffer block, Buffer dst, int offset, int rowStride) {
        backend.copy(new int[] {batch, hidden}, block, 0, new int[] {hidden, 1}, dst, offset, new int[] {rowStride, 1});
    }

    private Buffer unary(UnaryOp op, Buffer x, int length) {
        Buffer out = temp(length);
        backend.unary(op, 0f, x, out);
        return out;
    }

    private Buffer binary(BinaryOp op, Buffer a, Buffer b) {
        Buffer out = temp(batch * hidden);
        int[] strides = {hidden, 1};
        backend.binary(op, new int[] {batch, hidden}, a, strides, b, strides, out);
        return out;
    }

    /** 1 - y, elementwise over a (batch, hidden) block. */
    private Buffer oneMinus(Buffer y) {
        Buffer one = temp(1);
        backend.fill(one, 1f);
        Buffer out = temp(batch * hidden);
        backend.binary(BinaryOp.SUB, new int[] {batch, hidden}, one, new int[] {0, 0}, y, new int[] {hidden, 1}, out);
        return out;
    }

    /** The sigmoid's derivative from its output: y (1 - y). */
    private Buffer sigmoidSlope(Buffer y) {
        return binary(BinaryOp.MUL, y, oneMinus(y));
    }

    private Buffer temp(int length) {
        Buffer buffer = backend.allocateUninitialized(DType.FLOAT32, length);
        temps.add(buffer);
        return buffer;
    }

    private void freeTemps() {
        temps.forEach(backend::free);
        temps.clear();
    }
}
