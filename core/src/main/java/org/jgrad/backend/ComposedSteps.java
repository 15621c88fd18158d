package org.jgrad.backend;

import java.util.ArrayList;
import java.util.List;
import org.jgrad.DType;

/**
 * The fused optimizer steps of {@link Backend} composed from its other primitives (binary with a
 * broadcast scalar, unary, copy): the SPI's default implementations, so a new backend passes the
 * suite without writing a kernel for them. Same float32 operations in the same order as the CPU's
 * fused loops, each rounded once; a backend's fused kernel is faster (one pass, no temporaries).
 * Arguments are checked before anything is written.
 */
final class ComposedSteps implements AutoCloseable {
    private final Backend backend;
    private final int n;
    private final List<Buffer> temporaries = new ArrayList<>();

    private ComposedSteps(Backend backend, int n) {
        this.backend = backend;
        this.n = n;
    }

    static void sgd(Backend backend, SgdConfig c, boolean firstStep, Buffer param, Buffer grad, Buffer momentumBuffer) {
        checkLength("sgdStep", "grad", grad, param);
        boolean momentum = c.momentum() != 0;
        if (momentum) {
            checkState("sgdStep", "momentum " + c.momentum(), "momentumBuffer", momentumBuffer, param);
        }
        try (ComposedSteps s = new ComposedSteps(backend, param.length())) {
            Buffer g = c.weightDecay() != 0 ? s.add(grad, s.mul(param, c.weightDecay())) : grad;
            if (momentum) {
                Buffer b = firstStep ? g : s.add(s.mul(momentumBuffer, c.momentum()), s.mul(g, 1 - c.dampening()));
                s.store(b, momentumBuffer);
                g = c.nesterov() ? s.add(g, s.mul(b, c.momentum())) : b;
            }
            s.store(s.op(BinaryOp.SUB, param, s.mul(g, c.lr())), param);
        }
    }

    static void adam(Backend backend, AdamConfig c, int step, Buffer param, Buffer grad, Buffer expAvg,
                     Buffer expAvgSq, Buffer maxExpAvgSq) {
        checkStep("adamStep", step);
        checkLength("adamStep", "grad", grad, param);
        checkLength("adamStep", "expAvg", expAvg, param);
        checkLength("adamStep", "expAvgSq", expAvgSq, param);
        if (c.amsgrad()) {
            checkState("adamStep", "AMSGrad", "maxExpAvgSq", maxExpAvgSq, param);
        }
        // the scalars in float64, as PyTorch computes them, then rounded once
        float stepSize = (float) (c.lr() / (1 - StrictMath.pow(c.beta1(), step)));
        float rootBiasCorrection2 = (float) Math.sqrt(1 - StrictMath.pow(c.beta2(), step));
        boolean decoupled = c.decoupledWeightDecay();
        try (ComposedSteps s = new ComposedSteps(backend, param.length())) {
            Buffer p = decoupled ? s.mul(param, (float) (1 - (double) c.lr() * c.weightDecay())) : param;
            Buffer g = !decoupled && c.weightDecay() != 0 ? s.add(grad, s.mul(p, c.weightDecay())) : grad;
            Buffer m = s.add(s.mul(expAvg, c.beta1()), s.mul(g, 1 - c.beta1()));
            Buffer v = s.add(s.mul(expAvgSq, c.beta2()), s.mul(s.op(BinaryOp.MUL, g, g), 1 - c.beta2()));
            s.store(m, expAvg);
            s.store(v, expAvgSq);
            if (c.amsgrad()) {
                v = s.op(BinaryOp.MAXIMUM, maxExpAvgSq, v);
                s.store(v, maxExpAvgSq);
            }
            Buffer denominator = s.add(s.scalarOp(BinaryOp.DIV, s.sqrt(v), rootBiasCorrection2), c.eps());
            s.store(s.op(BinaryOp.SUB, p, s.mul(s.op(BinaryOp.DIV, m, denominator), stepSize)), param);
        }
    }

    static void rmsprop(Backend backend, RmspropConfig c, Buffer param, Buffer grad, Buffer squareAvg,
                        Buffer momentumBuffer, Buffer gradAvg) {
        checkLength("rmspropStep", "grad", grad, param);
        checkLength("rmspropStep", "squareAvg", squareAvg, param);
        if (c.momentum() != 0) {
            checkState("rmspropStep", "momentum " + c.momentum(), "momentumBuffer", momentumBuffer, param);
        }
        if (c.centered()) {
            checkState("rmspropStep", "centered", "gradAvg", gradAvg, param);
        }
        try (ComposedSteps s = new ComposedSteps(backend, param.length())) {
            Buffer g = c.weightDecay() != 0 ? s.add(grad, s.mul(param, c.weightDecay())) : grad;
            Buffer v = s.add(s.mul(squareAvg, c.alpha()), s.mul(s.op(BinaryOp.MUL, g, g), 1 - c.alpha()));
            s.store(v, squareAvg);
            Buffer variance = v;
            if (c.centered()) {
                Buffer mean = s.add(s.mul(gradAvg, c.alpha()), s.mul(g, 1 - c.alpha()));
                s.store(mean, gradAvg);
                variance = s.op(BinaryOp.SUB, v, s.op(BinaryOp.MUL, mean, mean));
            }
            Buffer direction = s.op(BinaryOp.DIV, g, s.add(s.sqrt(variance), c.eps()));
            if (c.momentum() != 0) {
                direction = s.add(s.mul(momentumBuffer, c.momentum()), direction);
                s.store(direction, momentumBuffer);
            }
            s.store(s.op(BinaryOp.SUB, param, s.mul(direction, c.lr())), param);
        }
    }

    static void adagrad(Backend backend, AdagradConfig c, int step, Buffer param, Buffer grad, Buffer sum) {
        checkStep("adagradStep", step);
        checkLength("adagradStep", "grad", grad, param);
        checkLength("adagradStep", "sum", sum, param);
        float clr = (float) (c.lr() / (1 + (step - 1) * (double) c.lrDecay()));
        try (ComposedSteps s = new ComposedSteps(backend, param.length())) {
            Buffer g = c.weightDecay() != 0 ? s.add(grad, s.mul(param, c.weightDecay())) : grad;
            Buffer total = s.op(BinaryOp.ADD, sum, s.op(BinaryOp.MUL, g, g));
            s.store(total, sum);
            Buffer direction = s.op(BinaryOp.DIV, g, s.add(s.sqrt(total), c.eps()));
            s.store(s.op(BinaryOp.SUB, param, s.mul(direction, clr)), param);
        }
    }

    /** x op y, both of n elements, into a new temporary. */
    private Buffer op(BinaryOp op, Buffer x, Buffer y) {
        Buffer out = temporary();
        backend.binary(op, new int[] {n}, x, new int[] {1}, y, new int[] {1}, out);
        return out;
    }

    /** x op scalar. */
    private Buffer scalarOp(BinaryOp op, Buffer x, float scalar) {
        Buffer value = backend.allocate(DType.FLOAT32, 1);
        temporaries.add(value);
        backend.fill(value, scalar);
        Buffer out = temporary();
        backend.binary(op, new int[] {n}, x, new int[] {1}, value, new int[] {0}, out);
        return out;
    }

    private Buffer mul(Buffer x, float scalar) {
        return scalarOp(BinaryOp.MUL, x, scalar);
    }

    private Buffer add(Buffer x, float scalar) {
        return scalarOp(BinaryOp.ADD, x, scalar);
    }

    private Buffer add(Buffer x, Buffer y) {
        return op(BinaryOp.ADD, x, y);
    }

    private Buffer sqrt(Buffer x) {
        Buffer out = temporary();
        backend.unary(UnaryOp.SQRT, 0, x, out);
        return out;
    }

    /** Copies {@code value} into the caller's buffer {@code target} (a primitive's output never aliases an input). */
    private void store(Buffer value, Buffer target) {
        if (value != target) {
            backend.copy(new int[] {n}, value, 0, new int[] {1}, target, 0, new int[] {1});
        }
    }

    private Buffer temporary() {
        Buffer buffer = backend.allocateUninitialized(DType.FLOAT32, n);
        temporaries.add(buffer);
        return buffer;
    }

    @Override
    public void close() {
        temporaries.forEach(backend::free);
    }

    private static void checkStep(String op, int step) {
        if (step < 1) {
            throw new IllegalArgumentException(op + ": step counts from 1, got " + step);
        }
    }

    private static void checkLength(String op, String name, Buffer buffer, Buffer param) {
        Extents.checkLength(op, name, buffer.length(), param.length());
    }

    private static void checkState(String op, String reason, String name, Buffer buffer, Buffer param) {
        if (buffer == null) {
            throw new IllegalArgumentException(op + ": " + reason + " needs " + name + ", got null");
        }
        checkLength(op, name, buffer, param);
    }
}
