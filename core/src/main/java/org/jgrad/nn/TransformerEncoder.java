package org.jgrad.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jgrad.Tensor;
import org.jgrad.ops.AttentionMask;

/**
 * A stack of numLayers copies of one {@link TransformerEncoderLayer} (same starting weights, as
 * PyTorch's deepcopy), registered as {@code layers.0}, {@code layers.1}, ..., and an optional final
 * {@code norm}, as PyTorch's {@code nn.TransformerEncoder}. The given layer itself is not used
 * (close it when done).
 */
public class TransformerEncoder extends Module {
    private final List<TransformerEncoderLayer> layers = new ArrayList<>();
    private final LayerNorm norm;

    public TransformerEncoder(TransformerEncoderLayer encoderLayer, int numLayers) {
        this(encoderLayer, numLayers, null);
    }

    /** {@code norm} (may be null) is applied to the last layer's output; it becomes part of this module. */
    public TransformerEncoder(TransformerEncoderLayer encoderLayer, int numLayers, LayerNorm norm) {
        if (numLayers < 1) {
            throw new IllegalArgumentException("TransformerEncoder: numLayers must be >= 1, got " + numLayers);
        }
        Sequential stack = registerModule("layers", new Sequential());
        for (int i = 0; i < numLayers; i++) {
            TransformerEncoderLayer layer = encoderLayer.copy();
            stack.add(layer);
            layers.add(layer);
        }
        this.norm = norm == null ? null : registerModule("norm", norm);
    }

    /** The layers in order (read-only). */
    public List<TransformerEncoderLayer> layers() {
        return Collections.unmodifiableList(layers);
    }

    @Override
    public Tensor forward(Tensor src) {
        return forward(src, null, null);
    }

    /** PyTorch's {@code forward(src, mask, src_key_padding_mask)}: each layer gets both masks (either may be null). */
    public Tensor forward(Tensor src, AttentionMask mask, AttentionMask srcKeyPaddingMask) {
        Tensor x = src;
        for (TransformerEncoderLayer layer : layers) {
            x = layer.forward(x, mask, srcKeyPaddingMask);
        }
        return norm == null ? x : invoke(norm, x);
    }
}
