package org.jgrad.nn;

import java.util.Arrays;
import org.jgrad.DType;
import org.jgrad.Generator;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.nn.init.Init;

/**
 * A lookup table of {@code numEmbeddings} vectors of size {@code embeddingDim}, as PyTorch's
 * {@code nn.Embedding}: an INT32 index tensor of any shape gives its shape plus (embeddingDim).
 * The weight starts N(0, 1) from {@link Generator#global()}; gradients add up over repeated indices.
 */
public class Embedding extends Module {
    private final int numEmbeddings;
    private final int embeddingDim;

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

    @Override
    public Tensor forward(Tensor indices) {
        if (indices.dtype() != DType.INT32) {
            throw new IllegalArgumentException("Embedding: indices must be INT32, got " + indices.dtype() + " of shape "
                    + Shape.toString(indices.shape()));
        }
        int[] shape = indices.shape();
        int[] outShape = Arrays.copyOf(shape, shape.length + 1);
        outShape[shape.length] = embeddingDim;
        return weight().indexSelect(0, indices.reshape(indices.numel())).reshape(outShape);
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
