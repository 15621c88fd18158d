package org.jgrad.ops;

import static org.jgrad.internal.TensorAccess.buffer;

import java.util.Arrays;
import org.jgrad.DType;
import org.jgrad.Function;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.backend.BinaryOp;

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

    /** Softmax along the last dimension, zeros for rows that are -inf throughout (Backend#softmaxRows). */
    private static Tensor maskedSoftmax(Tensor scores) {
        int cols = scores.size(-1);
        Tensor p = Kernels.empty(scores.backend(), DType.FLOAT32, scores.shape());
        scores.backend().softmaxRows(rows(scores, cols), cols, buffer(scores), buffer(p));
        return p;
    }

    private static int rows(Tensor t, int cols) {
        return cols == 0 ? 0 : (int) (t.numel() / cols);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor q = saved(0);
        Tensor k = saved(1);
        Tensor p = saved(2);
        int cols = p.size(-1);
        Tensor ds = Kernels.empty(p.backend(), DType.FLOAT32, p.shape());
        p.backend().softmaxRowsBackward(rows(p, cols), cols, buffer(p), buffer(g), buffer(ds));
        Tensor dq = needsGrad(0) ? Kernels.sumTo(Gemm.product(NAME + " backward", ds, false, k, false, scale), q.shape()) : null;
        Tensor dk = needsGrad(1) ? Kernels.sumTo(Gemm.product(NAME + " backward", ds, true, q, false, scale), k.shape()) : null;
        ds.close();
        return new Tensor[] {dq, dk};
    }
}
