package org.jgrad.ops;

import java.util.Arrays;
import org.jgrad.Function;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.backend.BinaryOp;
import org.jgrad.backend.ReduceOp;
import org.jgrad.backend.UnaryOp;

/**
 * Attention weights P = softmax(scale · q kᵀ + mask) along the keys, for q (..., L, E), k (..., S, E)
 * and an additive mask broadcast to the scores (..., L, S). The softmax subtracts each row's maximum;
 * a row whose every key is masked (-inf) gives zeros, not NaN (its maximum is clamped to a finite
 * value and its sum of zero replaced by a positive one), and so gets a zero gradient.
 * Backward: dS = P (g - sum(g P)), dq = scale · dS k, dk = scale · dSᵀ q; the mask gets none.
 */
final class AttentionWeights extends Function {
    private static final String NAME = "scaledDotProductAttention";

    private final float scale;

    private AttentionWeights(float scale) {
        this.scale = scale;
    }

    /** P for q and k; {@code mask} (additive FLOAT32, or null) must broadcast to the scores' shape. */
    static Tensor apply(Tensor q, Tensor k, Tensor mask, float scale) {
        if (q.dim() < 2 || k.dim() < 2 || q.size(-1) != k.size(-1)) {
            throw new IllegalArgumentException(NAME + ": query " + Shape.toString(q.shape()) + " and key "
                    + Shape.toString(k.shape()) + " must be (..., L, E) and (..., S, E) with the same E");
        }
        Tensor scores = Gemm.product(NAME, q, false, k, true, scale);
        if (mask != null) {
            Kernels.requireFloat(NAME, mask);
            int[] fitted = Shape.broadcast(NAME, scores.shape(), mask.shape());
            if (!Arrays.equals(fitted, scores.shape())) {
                throw new IllegalArgumentException(NAME + ": attention mask of shape " + Shape.toString(mask.shape())
                        + " does not broadcast to the attention scores of shape " + Shape.toString(scores.shape()));
            }
            Tensor masked = Kernels.binary(NAME, BinaryOp.ADD, scores, mask);
            scores.close();
            scores = masked;
        }
        Tensor p = maskedSoftmax(scores);
        scores.close();
        AttentionWeights fn = new AttentionWeights(scale);
        fn.save(q, k, p);
        return record(fn, p, q, k);
    }

    /** Softmax along the last dimension, zeros for rows that are -inf throughout. */
    private static Tensor maskedSoftmax(Tensor scores) {
        int last = scores.dim() - 1;
        Tensor max = Kernels.reduce(ReduceOp.MAX, scores, last);
        Tensor finiteMax = atLeast(max, -Float.MAX_VALUE);
        Tensor shifted = Kernels.binary(NAME, BinaryOp.SUB, scores, finiteMax);
        finiteMax.close();
        Tensor exp = Kernels.unary(UnaryOp.EXP, 0f, shifted);
        shifted.close();
        // A row with a finite maximum sums to at least 1 (its maximum contributes e^0); only a fully masked row sums to 0.
        Tensor sum = Kernels.reduce(ReduceOp.SUM, exp, last);
        Tensor positive = atLeast(sum, Float.MIN_NORMAL);
        Tensor p = Kernels.binary(NAME, BinaryOp.DIV, exp, positive);
        exp.close();
        positive.close();
        return p;
    }

    /** max(x, floor) elementwise; closes x. */
    private static Tensor atLeast(Tensor x, float floor) {
        try (Tensor bound = Tensors.scalarLike(x, floor)) {
            Tensor out = Kernels.binary(NAME, BinaryOp.MAXIMUM, x, bound);
            x.close();
            return out;
        }
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor q = saved(0);
        Tensor k = saved(1);
        Tensor p = saved(2);
        Tensor gp = Kernels.binary(NAME, BinaryOp.MUL, g, p);
        Tensor rowSum = Kernels.reduce(ReduceOp.SUM, gp, gp.dim() - 1);
        gp.close();
        Tensor centered = Kernels.binary(NAME, BinaryOp.SUB, g, rowSum);
        rowSum.close();
        Tensor ds = Kernels.binary(NAME, BinaryOp.MUL, p, centered);
        centered.close();
        Tensor dq = needsGrad(0) ? Kernels.sumTo(Gemm.product(NAME + " backward", ds, false, k, false, scale), q.shape()) : null;
        Tensor dk = needsGrad(1) ? Kernels.sumTo(Gemm.product(NAME + " backward", ds, true, q, false, scale), k.shape()) : null;
        ds.close();
        return new Tensor[] {dq, dk};
    }
}
