package org.jgrad.nn;

import java.util.Arrays;
import org.jgrad.DType;
import org.jgrad.Generator;
import org.jgrad.NoGrad;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.nn.init.Init;

/**
 * A lookup table of {@code numEmbeddings} vectors of size {@code embeddingDim}, as PyTorch's
 * {@code nn.Embedding}: an INT32 index tensor of any shape gives its shape plus (embeddingDim).
 * The weight starts N(0, 1) from {@link Generator#global()}; gradients add up over repeated indices.
 * As PyTorch's options: {@link #paddingIdx} zeroes a row and keeps its gradient zero;
 * {@link #maxNorm} rescales, in place, each looked-up row whose L2 norm exceeds it.
 */
public class Embedding extends Module {
    private final int numEmbeddings;
    private final int embeddingDim;
    private Integer paddingIdx;
    private float maxNorm = Float.NaN;

    public Embedding(int numEmbeddings, int embeddingDim) {
        if (numEmbeddings < 1 || embeddingDim < 1) {
            throw new IllegalArgumentException("Embedding: sizes must be >= 1, got " + numEmbeddings + " x " + embeddingDim);
        }
        this.numEmbeddings = numEmbeddings;
        this.embeddingDim = embeddingDim;
        Init.normal(registerParameter("weight", Tensors.zeros(numEmbeddings, embeddingDim)), 0, 1, Generator.global());
    }

    public Tensor weight() {
        return parameter("weight");
    }

    /**
     * PyTorch's {@code padding_idx}: row {@code index} (negative counts from the end) is set to
     * zeros now and receives no gradient, so it stays as it is during training. Returns this.
     */
    public Embedding paddingIdx(int index) {
        if (index < -numEmbeddings || index >= numEmbeddings) {
            throw new IllegalArgumentException("Embedding: paddingIdx " + index + " is out of range for " + numEmbeddings
                    + " embeddings (expected " + -numEmbeddings + " to " + (numEmbeddings - 1) + ")");
        }
        paddingIdx = index < 0 ? index + numEmbeddings : index;
        try (NoGrad ignored = NoGrad.enter()) {
            Tensor keep = Tensors.ones(weight().backend(), numEmbeddings, 1);
            Tensor row = Tensors.fromArray(weight().backend(), new int[] {paddingIdx}, 1);
            InPlace.copy(weight().mul(keep.sub(row.oneHot(numEmbeddings).reshape(numEmbeddings, 1))), weight());
        }
        return this;
    }

    /** PyTorch's {@code max_norm} (with norm_type 2): looked-up rows longer than this are rescaled in place. Returns this. */
    public Embedding maxNorm(float norm) {
        if (!(norm > 0 && norm < Float.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Embedding: maxNorm must be finite and > 0, got " + norm);
        }
        maxNorm = norm;
        return this;
    }

    @Override
    public Tensor forward(Tensor indices) {
        if (indices.dtype() != DType.INT32) {
            throw new IllegalArgumentException("Embedding: indices must be INT32, got " + indices.dtype() + " of shape "
                    + Shape.toString(indices.shape()));
        }
        int[] shape = indices.shape();
        int[] outShape = Arrays.copyOf(shape, shape.length + 1);
        outShape[shape.length] = embeddingDim;
        Tensor flat = indices.reshape(indices.numel());
        if (!Float.isNaN(maxNorm)) {
            renormalize(flat);
        }
        Tensor rows = weight().indexSelect(0, flat);
        if (paddingIdx != null) {
            Tensor padding = flat.eq((float) paddingIdx).reshape(flat.numel(), 1);
            rows = weight().detach().indexSelect(0, flat).where(padding, rows);
        }
        return rows.reshape(outShape);
    }

    /** PyTorch's embedding_renorm_: each looked-up row with norm > maxNorm is scaled by maxNorm / (norm + 1e-7). */
    private void renormalize(Tensor flat) {
        float[] used = new float[numEmbeddings];
        for (int index : flat.toIntArray()) {
            if (index >= 0 && index < numEmbeddings) {
                used[index] = 1;
            }
        }
        try (NoGrad ignored = NoGrad.enter()) {
            Tensor w = weight();
            Tensor norms = w.mul(w).sum(1, true).sqrt();
            Tensor rescaled = Tensors.fromArray(w.backend(), used, numEmbeddings, 1).mul(norms.gt(maxNorm));
            Tensor factor = Tensors.full(w.backend(), maxNorm, numEmbeddings, 1).div(norms.add(1e-7f));
            InPlace.copy(w.mul(factor.where(rescaled, Tensors.scalarLike(w, 1f))), w);
        }
    }

    @Override
    protected DType inputType() {
        return DType.INT32;
    }

    @Override
    protected String extraRepr() {
        return numEmbeddings + ", " + embeddingDim;
    }
}
