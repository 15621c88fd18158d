package org.jgrad.ops;

import java.util.Locale;
import org.jgrad.Function;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.backend.BinaryOp;

/**
 * A broadcasting elementwise function out = f(a, b). Every derivative rule sits in
 * {@link #gradA} and {@link #gradB}, one line per function, written with tensor ops on the saved
 * a, b and out; each gradient is then summed over the dimensions its input was broadcast along.
 * maximum/minimum send the gradient to the input that won and split it evenly on ties, as PyTorch;
 * where either input is NaN both receive it. pow's gradients are 0 where PyTorch's are: for the
 * base where the exponent is 0, for the exponent where the base is 0 and the exponent >= 0.
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
            case POW -> zeroWhere(b.eq(0f), g.mul(b).mul(a.pow(b.sub(1f))));
            case MAXIMUM, MINIMUM -> g.mul(share(a, b));
            default -> throw notDifferentiable();
        };
    }

    private Tensor gradB(Tensor g, Tensor a, Tensor b, Tensor out) {
        return switch (op) {
            case ADD -> g;
            case SUB -> g.neg();
            case MUL -> g.mul(a);
            case DIV -> g.mul(out).div(b).neg();
            case POW -> zeroWhere(a.eq(0f).mul(b.ge(0f)), g.mul(out).mul(a.log())); // NaN for a < 0, as PyTorch
            case MAXIMUM, MINIMUM -> g.mul(share(b, a));
            default -> throw notDifferentiable();
        };
    }

    /** x's share of the gradient against y: 0 where y won, 0.5 on ties, 1 otherwise (x won, or a NaN), as PyTorch. */
    private Tensor share(Tensor x, Tensor y) {
        Tensor yWins = op == BinaryOp.MAXIMUM ? x.lt(y) : x.gt(y);
        return yWins.add(x.eq(y).mul(0.5f)).neg().add(1f);
    }

    /** grad with the entries where {@code mask} is 1 set to 0 (whatever they held, NaN or infinity included). */
    private static Tensor zeroWhere(Tensor mask, Tensor grad) {
        return Kernels.where(mask, Tensors.scalarLike(grad, 0f), grad);
    }

    private IllegalStateException notDifferentiable() {
        return new IllegalStateException(op + " is a comparison and has no gradient; it is never recorded");
    }
}
