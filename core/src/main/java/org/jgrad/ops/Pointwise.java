package org.jgrad.ops;

import static org.jgrad.internal.TensorAccess.buffer;

import org.jgrad.DType;
import org.jgrad.Function;
import org.jgrad.Tensor;
import org.jgrad.backend.UnaryOp;

/**
 * A unary elementwise function y = f(x). Every derivative rule sits in {@link #backward}, one
 * line per function, written with tensor ops on the saved input x and output y.
 */
final class Pointwise extends Function {
    private static final float SQRT_HALF = (float) Math.sqrt(0.5);
    private static final float INV_SQRT_2PI = (float) (1 / Math.sqrt(2 * Math.PI));
    private static final float TWO_OVER_SQRT_PI = (float) (2 / Math.sqrt(Math.PI));

    private final UnaryOp op;
    private final float alpha;

    private Pointwise(UnaryOp op, float alpha) {
        this.op = op;
        this.alpha = alpha;
    }

    static Tensor apply(UnaryOp op, float alpha, Tensor x) {
        Tensor y = Kernels.unary(op, alpha, x);
        Pointwise fn = new Pointwise(op, alpha);
        fn.save(x, y);
        return Function.record(fn, y, x);
    }

    @Override
    public String name() {
        return op.name();
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor x = saved(0);
        Tensor y = saved(1);
        Tensor dx = switch (op) {
            case NEG -> g.neg();
            case EXP -> g.mul(y);
            case LOG -> g.div(x);
            case SQRT -> g.div(y.mul(2f));
            case ABS -> g.mul(x.gt(0f).sub(x.lt(0f))); // 0 at NaN, as PyTorch
            case SIGN -> g.mul(0f);
            case RELU -> reluGradient(x, g); // passes at NaN, as PyTorch
            case LEAKY_RELU -> g.mul(x.gt(0f).mul(1f - alpha).add(alpha));
            case SIGMOID -> g.mul(y).mul(y.neg().add(1f));
            case TANH -> g.mul(y.mul(y).neg().add(1f));
            case GELU -> g.mul(Kernels.unary(UnaryOp.ERF, 0f, x.mul(SQRT_HALF)).add(1f).mul(0.5f)
                    .add(x.mul(gaussian(x))));
            case ERF -> g.mul(x.mul(x).neg().exp().mul(TWO_OVER_SQRT_PI));
        };
        return new Tensor[] {dx};
    }

    /** g * (x <= 0 ? 0 : 1) in one primitive call. */
    private static Tensor reluGradient(Tensor x, Tensor g) {
        Tensor dx = Kernels.empty(x.backend(), DType.FLOAT32, x.shape());
        x.backend().reluBackward(buffer(x), buffer(g), buffer(dx));
        return dx;
    }

    /** The standard normal density exp(-x^2/2) / sqrt(2 pi). */
    private static Tensor gaussian(Tensor x) {
        return x.mul(x).mul(-0.5f).exp().mul(INV_SQRT_2PI);
    }
}
