package org.jgrad.ops;

import org.jgrad.Generator;
import org.jgrad.Tensor;
import org.jgrad.backend.BinaryOp;

/**
 * Scaled dot-product attention, as PyTorch's {@code F.scaled_dot_product_attention}:
 * dropout(softmax(q kᵀ / sqrt(E) + mask)) v for q (..., L, E), k (..., S, E), v (..., S, Ev); leading
 * dimensions broadcast. Rows whose every key is masked give zero weights (PyTorch 1.13 gives NaN
 * there; PyTorch 2.5's math path, zeros).
 */
public final class Attention {
    private Attention() {
    }

    public static Tensor scaledDotProductAttention(Tensor q, Tensor k, Tensor v) {
        return scaledDotProductAttention(q, k, v, null, 0, false, Generator.global());
    }

    /**
     * Attention with an optional mask (null for none), dropout of the weights with probability
     * {@code dropoutP} drawn from {@code generator} (null: the global one), and, with {@code isCausal}, query i limited to
     * keys 0..i (on top of {@code attnMask}).
     */
    public static Tensor scaledDotProductAttention(Tensor q, Tensor k, Tensor v, AttentionMask attnMask, double dropoutP,
            boolean isCausal, Generator generator) {
        Tensor weights = attentionWeights(q, k, attnMask, isCausal);
        return Activations.dropout(weights, (float) dropoutP, generator == null ? Generator.global() : generator).matmul(v);
    }

    /** softmax(q kᵀ / sqrt(E) + mask) along the keys: the weights (..., L, S) attention averages v with. */
    public static Tensor attentionWeights(Tensor q, Tensor k, AttentionMask attnMask, boolean isCausal) {
        int queries = q.size(-2);
        int keys = k.size(-2);
        Tensor mask = attnMask == null ? null : attnMask.toAdditive(q.backend(), queries, keys);
        if (isCausal) {
            Tensor causal = AttentionMask.causal().toAdditive(q.backend(), queries, keys);
            mask = mask == null ? causal : sum(mask, causal);
        }
        Tensor weights = attentionWeights(q, k, mask);
        if (mask != null) {
            mask.close();
        }
        return weights;
    }

    /** The weights for an additive FLOAT32 mask (null: none) broadcast to the scores (..., L, S). */
    public static Tensor attentionWeights(Tensor q, Tensor k, Tensor additiveMask) {
        return AttentionWeights.apply(q, k, additiveMask, (float) (1 / Math.sqrt(q.size(-1))));
    }

    /** a + b broadcast, no graph; closes both. */
    private static Tensor sum(Tensor a, Tensor b) {
        Tensor sum = Kernels.binary("scaledDotProductAttention", BinaryOp.ADD, a, b);
        a.close();
        b.close();
        return sum;
    }
}
