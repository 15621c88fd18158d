package org.jgrad.nn;

import java.util.Arrays;
import org.jgrad.Generator;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.nn.init.Init;
import org.jgrad.ops.Attention;
import org.jgrad.ops.AttentionMask;

/**
 * Multi-head attention, as PyTorch's {@code nn.MultiheadAttention} (kdim = vdim = embedDim, no
 * bias_k/bias_v or zero attention): queries, keys and values are projected by the packed
 * {@code in_proj_weight} (3·E, E) and {@code in_proj_bias}, split into numHeads heads of E / numHeads,
 * attended to with scaled dot products, concatenated and projected by {@code out_proj}. Inputs are
 * (L, N, E), or (N, L, E) with batchFirst. Dropout applies to the attention weights in training.
 * Initialised as PyTorch: in_proj_weight Xavier-uniform, biases zero, out_proj.weight as Linear's.
 */
public class MultiheadAttention extends Module {
    /** The attention output, shaped as the query, and the attention weights (null unless asked for). */
    public record Output(Tensor output, Tensor weights) {
    }

    private final int embedDim;
    private final int numHeads;
    private final float dropout;
    private final boolean hasBias;
    private final boolean batchFirst;
    private final Linear outProj;

    public MultiheadAttention(int embedDim, int numHeads) {
        this(embedDim, numHeads, 0, true, false);
    }

    public MultiheadAttention(int embedDim, int numHeads, double dropout, boolean bias, boolean batchFirst) {
        if (embedDim < 1 || numHeads < 1 || embedDim % numHeads != 0) {
            throw new IllegalArgumentException("MultiheadAttention: embedDim " + embedDim + " must be divisible by numHeads "
                    + numHeads + " (both >= 1)");
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("MultiheadAttention: dropout must be in [0, 1), got " + dropout);
        }
        this.embedDim = embedDim;
        this.numHeads = numHeads;
        this.dropout = (float) dropout;
        this.hasBias = bias;
        this.batchFirst = batchFirst;
        Init.xavierUniform(registerParameter("in_proj_weight", Tensors.zeros(3 * embedDim, embedDim)));
        if (bias) {
            registerParameter("in_proj_bias", Tensors.zeros(3 * embedDim));
        }
        outProj = registerModule("out_proj", new Linear(embedDim, embedDim, bias));
        if (bias) {
            Init.zeros(outProj.bias());
        }
    }

    public int embedDim() {
        return embedDim;
    }

    public int numHeads() {
        return numHeads;
    }

    public boolean batchFirst() {
        return batchFirst;
    }

    /** Self-attention of {@code input} without masks; the output alone. */
    @Override
    public Tensor forward(Tensor input) {
        return forward(input, input, input, null, false, null, true).output();
    }

    /** Attention of query over key and value without masks; the output alone. */
    public Tensor forward(Tensor query, Tensor key, Tensor value) {
        return forward(query, key, value, null, false, null, true).output();
    }

    /**
     * PyTorch's {@code forward(query, key, value, key_padding_mask, need_weights, attn_mask,
     * average_attn_weights)}: keyPaddingMask (N, S) and attnMask (L, S), (N·numHeads, L, S) or
     * {@link AttentionMask#causal()} may be null. With needWeights the output carries the weights
     * (after dropout, as PyTorch), (N, L, S) averaged over heads or (N, numHeads, L, S).
     */
    public Output forward(Tensor query, Tensor key, Tensor value, AttentionMask keyPaddingMask, boolean needWeights,
            AttentionMask attnMask, boolean averageAttnWeights) {
        Tensor q = batchMajor("query", query);
        Tensor k = key == query ? q : batchMajor("key", key);
        Tensor v = value == key ? k : batchMajor("value", value);
        int batch = q.size(0);
        int queries = q.size(1);
        int keys = k.size(1);
        if (k.size(0) != batch || !Arrays.equals(k.shape(), v.shape())) {
            throw new IllegalArgumentException("MultiheadAttention: query " + Shape.toString(query.shape()) + ", key "
                    + Shape.toString(key.shape()) + " and value " + Shape.toString(value.shape())
                    + " must share the batch size, and key and value their shape");
        }
        Tensor[] projected = project(q, k, v);
        Tensor weights;
        try (Tensor mask = AttentionMasks.combined(keyPaddingMask, attnMask, q.backend(), batch, numHeads, queries, keys)) {
            weights = Attention.attentionWeights(heads(projected[0]), heads(projected[1]), mask);
        }
        if (isTraining() && dropout > 0) {
            weights = weights.dropout(dropout, Generator.global());
        }
        Tensor attended = weights.matmul(heads(projected[2])).permute(0, 2, 1, 3).reshape(batch, queries, embedDim);
        Tensor out = invoke(outProj, attended);
        Tensor averaged = needWeights && averageAttnWeights ? weights.mean(1, false) : weights;
        return new Output(batchFirst ? out : out.transpose(0, 1), needWeights ? averaged : null);
    }

    /**
     * The projected query, key and value (N, len, E): a GEMM each with its rows of in_proj_weight,
     * also for self-attention. One GEMM with all of in_proj_weight and narrows of its (N, len, 3E)
     * output cost three copies forward and, backward, three zero-filled (N, len, 3E) gradients and
     * two adds of them: about 3.5% of the attention benchmark's JFR samples.
     */
    private Tensor[] project(Tensor q, Tensor k, Tensor v) {
        Tensor w = parameter("in_proj_weight");
        Tensor b = hasBias ? parameter("in_proj_bias") : null;
        Tensor[] out = new Tensor[3];
        Tensor[] inputs = {q, k, v};
        for (int i = 0; i < 3; i++) {
            out[i] = inputs[i].linear(w.narrow(0, i * embedDim, embedDim), b == null ? null : b.narrow(0, i * embedDim, embedDim));
        }
        return out;
    }

    /** (N, len, E) to (N, numHeads, len, E / numHeads). */
    private Tensor heads(Tensor x) {
        return x.reshape(x.size(0), x.size(1), numHeads, embedDim / numHeads).permute(0, 2, 1, 3);
    }

    /** The input as (N, len, E), checked. */
    private Tensor batchMajor(String role, Tensor x) {
        if (x.dim() != 3 || x.size(2) != embedDim) {
            throw new IllegalArgumentException("MultiheadAttention(" + embedDim + ", " + numHeads + "): " + role + " of shape "
                    + Shape.toString(x.shape()) + " is not " + (batchFirst ? "(N, L, " : "(L, N, ") + embedDim + ")");
        }
        return batchFirst ? x : x.transpose(0, 1);
    }

    @Override
    protected String extraRepr() {
        return "embed_dim=" + embedDim + ", num_heads=" + numHeads + ", dropout=" + dropout + ", bias=" + hasBias
                + ", batch_first=" + batchFirst;
    }
}
