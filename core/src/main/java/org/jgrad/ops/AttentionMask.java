package org.jgrad.ops;

import org.jgrad.DType;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.backend.Backend;

/**
 * Which query-key pairs may attend, in one of PyTorch's conventions. jgrad has no boolean dtype,
 * so a boolean mask is a FLOAT32 (or INT32) tensor of zeros and non-zeros and the factory says how
 * to read it: {@link #allowed} as {@code F.scaled_dot_product_attention}'s bool mask (true: may
 * attend), {@link #blocked} as {@code nn.MultiheadAttention}'s bool masks (true: may not). An
 * {@link #additive} mask is added to the scores (-inf blocks). {@link #causal} lets query i see keys
 * 0..i. A mask takes no gradient.
 */
public final class AttentionMask {
    private enum Kind { ALLOWED, BLOCKED, ADDITIVE, CAUSAL }

    private static final AttentionMask CAUSAL = new AttentionMask(Kind.CAUSAL, null);

    private final Kind kind;
    private final Tensor values;

    private AttentionMask(Kind kind, Tensor values) {
        this.kind = kind;
        this.values = values;
    }

    /** Non-zero entries may attend, zero entries may not. */
    public static AttentionMask allowed(Tensor mask) {
        return new AttentionMask(Kind.ALLOWED, mask);
    }

    /** Non-zero entries may not attend (PyTorch's nn.MultiheadAttention convention for bool masks). */
    public static AttentionMask blocked(Tensor mask) {
        return new AttentionMask(Kind.BLOCKED, mask);
    }

    /** Added to the scaled scores before the softmax; -inf blocks a pair. */
    public static AttentionMask additive(Tensor mask) {
        return new AttentionMask(Kind.ADDITIVE, mask);
    }

    /** Query i attends to keys 0..i (the upper triangle, j > i, is blocked). */
    public static AttentionMask causal() {
        return CAUSAL;
    }

    public boolean isCausal() {
        return kind == Kind.CAUSAL;
    }

    /** The mask's shape; for the causal mask, (queries, keys). */
    public int[] shape(int queries, int keys) {
        return isCausal() ? new int[] {queries, keys} : values.shape();
    }

    /**
     * The mask as a FLOAT32 tensor to add to (queries, keys) scores: 0 where attending is allowed,
     * -inf where not, or a copy of the additive values; the caller owns (closes) it. No graph is recorded.
     */
    public Tensor toAdditive(Backend backend, int queries, int keys) {
        return switch (kind) {
            case ADDITIVE -> values.dtype() == DType.FLOAT32
                    ? Kernels.strided(values, values.shape(), 0, Shape.strides(values.shape())) : Kernels.asFloat(values);
            case ALLOWED -> select(values, 0f, Float.NEGATIVE_INFINITY);
            case BLOCKED -> select(values, Float.NEGATIVE_INFINITY, 0f);
            case CAUSAL -> causalMask(backend, queries, keys);
        };
    }

    private static Tensor select(Tensor mask, float ifNonZero, float ifZero) {
        try (Tensor yes = Tensors.scalarLike(mask, ifNonZero); Tensor no = Tensors.scalarLike(mask, ifZero)) {
            return Kernels.where(mask, yes, no);
        }
    }

    private static Tensor causalMask(Backend backend, int queries, int keys) {
        float[] values = new float[queries * keys];
        for (int i = 0; i < queries; i++) {
            for (int j = i + 1; j < keys; j++) {
                values[i * keys + j] = Float.NEGATIVE_INFINITY;
            }
        }
        return Tensors.fromArray(backend, values, queries, keys);
    }

    @Override
    public String toString() {
        return isCausal() ? "causal" : kind.name().toLowerCase(java.util.Locale.ROOT) + Shape.toString(values.shape());
    }
}
