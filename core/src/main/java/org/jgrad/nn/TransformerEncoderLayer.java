package org.jgrad.nn;

import org.jgrad.Tensor;
import org.jgrad.ops.AttentionMask;

/**
 * One Transformer encoder block, as PyTorch's {@code nn.TransformerEncoderLayer}: self-attention
 * ({@code self_attn}) and a feed-forward network ({@code linear1}, activation, {@code linear2}),
 * each with dropout and a residual connection, and LayerNorms {@code norm1}, {@code norm2} applied
 * after each residual sum (post-norm) or, with normFirst, to each block's input (pre-norm). Build
 * with {@link #builder}.
 */
public class TransformerEncoderLayer extends Module {
    /** The feed-forward network's activation. */
    public enum Activation { RELU, GELU }

    private final TransformerEncoderLayerBuilder config;
    private final MultiheadAttention selfAttn;
    private final Linear linear1;
    private final Dropout dropout;
    private final Linear linear2;
    private final LayerNorm norm1;
    private final LayerNorm norm2;
    private final Dropout dropout1;
    private final Dropout dropout2;

    /** Settings as PyTorch's defaults: dimFeedforward 2048, dropout 0.1, ReLU, post-norm, (L, N, E), eps 1e-5. */
    public static TransformerEncoderLayerBuilder builder(int dModel, int nhead) {
        return new TransformerEncoderLayerBuilder(dModel, nhead);
    }

    TransformerEncoderLayer(TransformerEncoderLayerBuilder config) {
        this.config = config;
        int d = config.dModel();
        double p = config.dropout();
        selfAttn = registerModule("self_attn", new MultiheadAttention(d, config.nhead(), p, true, config.batchFirst()));
        linear1 = registerModule("linear1", new Linear(d, config.dimFeedforward()));
        dropout = registerModule("dropout", new Dropout(p));
        linear2 = registerModule("linear2", new Linear(config.dimFeedforward(), d));
        norm1 = registerModule("norm1", new LayerNorm(new int[] {d}, config.layerNormEps(), true));
        norm2 = registerModule("norm2", new LayerNorm(new int[] {d}, config.layerNormEps(), true));
        dropout1 = registerModule("dropout1", new Dropout(p));
        dropout2 = registerModule("dropout2", new Dropout(p));
    }

    /** A new layer with the same settings and a copy of this one's parameters (PyTorch's deepcopy). */
    public TransformerEncoderLayer copy() {
        TransformerEncoderLayer copy = new TransformerEncoderLayer(config);
        copy.loadStateDict(stateDict());
        copy.train(isTraining());
        return copy;
    }

    public boolean batchFirst() {
        return config.batchFirst();
    }

    @Override
    public Tensor forward(Tensor src) {
        return forward(src, null, null);
    }

    /** PyTorch's {@code forward(src, src_mask, src_key_padding_mask)}; either mask may be null. */
    public Tensor forward(Tensor src, AttentionMask srcMask, AttentionMask srcKeyPaddingMask) {
        Tensor x = src;
        if (config.normFirst()) {
            x = x.add(selfAttentionBlock(invoke(norm1, x), srcMask, srcKeyPaddingMask));
            return x.add(feedForwardBlock(invoke(norm2, x)));
        }
        x = invoke(norm1, x.add(selfAttentionBlock(x, srcMask, srcKeyPaddingMask)));
        return invoke(norm2, x.add(feedForwardBlock(x)));
    }

    private Tensor selfAttentionBlock(Tensor x, AttentionMask attnMask, AttentionMask keyPaddingMask) {
        return invoke(dropout1, selfAttn.forward(x, x, x, keyPaddingMask, false, attnMask, true).output());
    }

    private Tensor feedForwardBlock(Tensor x) {
        Tensor hidden = invoke(linear1, x);
        hidden = config.activation() == Activation.GELU ? hidden.gelu() : hidden.relu();
        return invoke(dropout2, invoke(linear2, invoke(dropout, hidden)));
    }

    @Override
    protected String extraRepr() {
        return "d_model=" + config.dModel() + ", nhead=" + config.nhead() + ", dim_feedforward=" + config.dimFeedforward()
                + ", activation=" + config.activation().name().toLowerCase(java.util.Locale.ROOT) + ", norm_first="
                + config.normFirst();
    }
}
