package org.jgrad.ops;

import java.util.Locale;
import org.jgrad.Function;
import org.jgrad.Tensor;
import org.jgrad.backend.BinaryOp;

/**
 * A broadcasting elementwise function out = f(a, b). Every derivative rule sits in
 * {@link #gradA} and {@link #gradB}, one line per function, written with tensor ops on the saved
 * a, b and out; each gradient is then summed over the dimensions its input was broadcast along.
 * maximum/minimum send the gradient to the input that won and split it evenly on ties, as PyTorch.
 */
final class Binary extends Function {
    private final BinaryOp op;

    private Binary(BinaryOp op) {
        this.op = op;
    }

    static Tensor apply(BinaryOp op, Tensor a, Tensor b) {
        Binary fn = new Binary(op);
        Tensor out = Kernels.binary(op.name().toLowerCase(Locale.ROOT), op, a, b);
        fn.save(a, b, out);
        return record(fn, out, a, b);
    }

    @Override
    public String name() {
        return op.name();
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor a = saved(0);
        Tensor b = saved(1);
        Tensor out = saved(2);
        return new Tensor[] {
            needsGrad(0) ? Kernels.sumTo(gradA(g, a, b), a.shape()) : null,
            needsGrad(1) ? Kernels.sumTo(gradB(g, a, b, out), b.shape()) : null,
        };
    }

    private Tensor gradA(Tensor g, Tensor a, Tensor b) {
        return switch (op) {
            case ADD, SUB -> g;
            case MUL -> g.mul(b);
            case DIV -> g.div(b);
            case POW -> g.mul(b).mul(a.pow(b.sub(1f)));
            case MAXIMUM, MINIMUM -> g.mul(shareOfA(a, b));
            default -> throw notDifferentiable();
        };
    }

    private Tensor gradB(Tensor g, Tensor a, Tensor b, Tensor out) {
        return switch (op) {
            case ADD -> g;
            case SUB -> g.neg();
            case MUL -> g.mul(a);
            case DIV -> g.mul(out).div(b).neg();
            case POW -> g.mul(out).mul(a.log()); // NaN for a < 0, as in PyTorch
            case MAXIMUM, MINIMUM -> g.mul(shareOfA(a, b).neg().add(1f));
            default -> throw notDifferentiable();
        };
    }

    /** 1 where a won, 0 where b won, 0.5 on ties. */
    private Tensor shareOfA(Tensor a, Tensor b) {
        Tensor aWins = op == BinaryOp.MAXIMUM ? a.gt(b) : a.lt(b);
        return aWins.add(a.eq(b).mul(0.5f));
    }

    private IllegalStateException notDifferentiable() {
        return new IllegalStateException(op + " is a comparison and has no gradient; it is never recorded");
    }
}
