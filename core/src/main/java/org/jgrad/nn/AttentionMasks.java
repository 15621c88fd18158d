package org.jgrad.nn;

import java.util.Arrays;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.backend.Backend;
import org.jgrad.ops.AttentionMask;

/**
 * Merges nn.MultiheadAttention's key padding mask (N, S) and attention mask ((L, S), (N·H, L, S) or
 * causal) into one additive mask that broadcasts to the scores (N, H, L, S), checking both shapes.
 */
final class AttentionMasks {
    private AttentionMasks() {
    }

    /** The additive mask (the caller closes it), or null when both masks are null. */
    static Tensor combined(AttentionMask keyPadding, AttentionMask attn, Backend backend, int batch, int heads, int queries,
            int keys) {
        if (keyPadding != null) {
            require("key padding mask", keyPadding.shape(queries, keys), new int[] {batch, keys}, null);
        }
        int[] shape = attn == null ? null : attn.shape(queries, keys);
        if (attn != null) {
            require("attention mask", shape, new int[] {queries, keys}, new int[] {batch * heads, queries, keys});
        }
        Tensor padding = keyPadding == null ? null : reshaped(keyPadding.toAdditive(backend, queries, keys), batch, 1, 1, keys);
        if (attn == null) {
            return padding;
        }
        Tensor additive = attn.toAdditive(backend, queries, keys);
        Tensor mask = shape.length == 3 ? reshaped(additive, batch, heads, queries, keys) : additive;
        if (padding == null) {
            return mask;
        }
        try (padding; mask) {
            return padding.add(mask);
        }
    }

    /** x under another shape; x itself is closed (the result keeps the storage). */
    private static Tensor reshaped(Tensor x, int... shape) {
        try (x) {
            return x.reshape(shape);
        }
    }

    private static void require(String what, int[] shape, int[] expected, int[] alternative) {
        if (!Arrays.equals(shape, expected) && (alternative == null || !Arrays.equals(shape, alternative))) {
            throw new IllegalArgumentException("MultiheadAttention: " + what + " of shape " + Shape.toString(shape)
                    + " does not fit; expected " + Shape.toString(expected)
                    + (alternative == null ? "" : " or " + Shape.toString(alternative))
                    + " for " + expected[0] + (alternative == null ? " sequences of " : " queries and ") + keys(expected)
                    + " keys");
        }
    }

    private static int keys(int[] expected) {
        return expected[expected.length - 1];
    }
}
