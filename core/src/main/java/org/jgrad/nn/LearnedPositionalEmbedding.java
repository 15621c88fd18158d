package org.jgrad.nn;

import org.jgrad.Generator;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.nn.init.Init;

/**
 * Adds a trained vector per position (GPT and BERT style): {@code weight} (maxLength, dModel),
 * starting N(0, 0.02²) from {@link Generator#global()}; row p is added at position p. Inputs
 * (L, N, d), or (N, L, d) with batchFirst; a sequence longer than maxLength is an error.
 */
public class LearnedPositionalEmbedding extends Module {
    private final int maxLength;
    private final int dModel;
    private final boolean batchFirst;

    public LearnedPositionalEmbedding(int maxLength, int dModel, boolean batchFirst) {
        if (maxLength < 1 || dModel < 1) {
            throw new IllegalArgumentException("LearnedPositionalEmbedding: sizes must be >= 1, got " + maxLength + " x "
                    + dModel);
        }
        this.maxLength = maxLength;
        this.dModel = dModel;
        this.batchFirst = batchFirst;
        Init.normal(registerParameter("weight", Tensors.zeros(maxLength, dModel)), 0, 0.02, Generator.global());
    }

    public int maxLength() {
        return maxLength;
    }

    @Override
    public Tensor forward(Tensor input) {
        if (input.dim() != 3 || input.size(2) != dModel) {
            throw new IllegalArgumentException("LearnedPositionalEmbedding(" + maxLength + ", " + dModel + "): input of shape "
                    + Shape.toString(input.shape()) + " is not " + (batchFirst ? "(N, L, " : "(L, N, ") + dModel + ")");
        }
        int length = input.size(batchFirst ? 1 : 0);
        if (length > maxLength) {
            throw new IllegalArgumentException("LearnedPositionalEmbedding: sequence of length " + length + " (input "
                    + Shape.toString(input.shape()) + ") is longer than the table's " + maxLength + " positions");
        }
        Tensor rows = parameter("weight").narrow(0, 0, length);
        return input.add(batchFirst ? rows.unsqueeze(0) : rows.unsqueeze(1));
    }

    @Override
    protected String extraRepr() {
        return maxLength + ", " + dModel + ", batch_first=" + batchFirst;
    }
}
