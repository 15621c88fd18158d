package org.jgrad.nn;

import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.Tensors;

/**
 * Adds the fixed sinusoidal position signal of "Attention Is All You Need" (and PyTorch's
 * Transformer tutorial): PE(pos, 2i) = sin(pos / 10000^(2i/d)), PE(pos, 2i+1) = cos(same), for any
 * sequence length; then dropout. Inputs (L, N, d), or (N, L, d) with batchFirst. No parameters.
 */
public class SinusoidalPositionalEncoding extends Module {
    private final int dModel;
    private final boolean batchFirst;
    private final Dropout dropout;

    public SinusoidalPositionalEncoding(int dModel, double dropout, boolean batchFirst) {
        if (dModel < 1) {
            throw new IllegalArgumentException("SinusoidalPositionalEncoding: dModel must be >= 1, got " + dModel);
        }
        this.dModel = dModel;
        this.batchFirst = batchFirst;
        this.dropout = registerModule("dropout", new Dropout(dropout));
    }

    /** The (length, dModel) table, computed in float64. */
    public static float[] table(int length, int dModel) {
        float[] table = new float[length * dModel];
        for (int pos = 0; pos < length; pos++) {
            for (int i = 0; i < dModel; i++) {
                double angle = pos * Math.exp(-(i - i % 2) * Math.log(10000.0) / dModel);
                table[pos * dModel + i] = (float) (i % 2 == 0 ? Math.sin(angle) : Math.cos(angle));
            }
        }
        return table;
    }

    @Override
    public Tensor forward(Tensor input) {
        if (input.dim() != 3 || input.size(2) != dModel) {
            throw new IllegalArgumentException("SinusoidalPositionalEncoding(" + dModel + "): input of shape "
                    + Shape.toString(input.shape()) + " is not " + (batchFirst ? "(N, L, " : "(L, N, ") + dModel + ")");
        }
        int length = input.size(batchFirst ? 1 : 0);
        int[] shape = batchFirst ? new int[] {1, length, dModel} : new int[] {length, 1, dModel};
        try (Tensor positions = Tensors.fromArray(input.backend(), table(length, dModel), shape)) {
            return invoke(dropout, input.add(positions));
        }
    }

    @Override
    protected String extraRepr() {
        return "d_model=" + dModel + ", batch_first=" + batchFirst;
    }
}
