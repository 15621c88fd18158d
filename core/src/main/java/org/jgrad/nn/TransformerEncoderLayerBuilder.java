package org.jgrad.nn;

import org.jgrad.nn.TransformerEncoderLayer.Activation;

/** Settings of a {@link TransformerEncoderLayer}, PyTorch's names and defaults; {@link #build} makes one. */
public final class TransformerEncoderLayerBuilder {
    private final int dModel;
    private final int nhead;
    private int dimFeedforward = 2048;
    private double dropout = 0.1;
    private Activation activation = Activation.RELU;
    private boolean normFirst;
    private boolean batchFirst;
    private double layerNormEps = LayerNorm.DEFAULT_EPS;

    TransformerEncoderLayerBuilder(int dModel, int nhead) {
        if (dModel < 1 || nhead < 1 || dModel % nhead != 0) {
            throw new IllegalArgumentException("TransformerEncoderLayer: dModel " + dModel + " must be divisible by nhead "
                    + nhead + " (both >= 1)");
        }
        this.dModel = dModel;
        this.nhead = nhead;
    }

    public TransformerEncoderLayerBuilder dimFeedforward(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("TransformerEncoderLayer: dimFeedforward must be >= 1, got " + size);
        }
        dimFeedforward = size;
        return this;
    }

    public TransformerEncoderLayerBuilder dropout(double p) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("TransformerEncoderLayer: dropout must be in [0, 1), got " + p);
        }
        dropout = p;
        return this;
    }

    public TransformerEncoderLayerBuilder activation(Activation function) {
        activation = java.util.Objects.requireNonNull(function, "activation");
        return this;
    }

    /** LayerNorm before each block (pre-norm) instead of after each residual sum. */
    public TransformerEncoderLayerBuilder normFirst(boolean first) {
        normFirst = first;
        return this;
    }

    /** Inputs (N, L, E) instead of (L, N, E). */
    public TransformerEncoderLayerBuilder batchFirst(boolean first) {
        batchFirst = first;
        return this;
    }

    public TransformerEncoderLayerBuilder layerNormEps(double eps) {
        layerNormEps = eps;
        return this;
    }

    /** A layer with these settings; changing the builder later does not change it. */
    public TransformerEncoderLayer build() {
        TransformerEncoderLayerBuilder settings = new TransformerEncoderLayerBuilder(dModel, nhead)
                .dimFeedforward(dimFeedforward).dropout(dropout).activation(activation).normFirst(normFirst)
                .batchFirst(batchFirst).layerNormEps(layerNormEps);
        return new TransformerEncoderLayer(settings);
    }

    int dModel() {
        return dModel;
    }

    int nhead() {
        return nhead;
    }

    int dimFeedforward() {
        return dimFeedforward;
    }

    double dropout() {
        return dropout;
    }

    Activation activation() {
        return activation;
    }

    boolean normFirst() {
        return normFirst;
    }

    boolean batchFirst() {
        return batchFirst;
    }

    double layerNormEps() {
        return layerNormEps;
    }
}
