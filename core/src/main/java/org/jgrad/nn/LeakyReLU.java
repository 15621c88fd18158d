package org.jgrad.nn;

import org.jgrad.Tensor;

/** Elementwise x for x > 0, negativeSlope * x otherwise, as PyTorch's {@code nn.LeakyReLU} (slope 0.01 by default). */
public class LeakyReLU extends Module {
    public static final double DEFAULT_NEGATIVE_SLOPE = 0.01;

    private final float negativeSlope;

    public LeakyReLU() {
        this(DEFAULT_NEGATIVE_SLOPE);
    }

    public LeakyReLU(double negativeSlope) {
        this.negativeSlope = (float) negativeSlope;
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.leakyRelu(negativeSlope);
    }

    @Override
    protected String extraRepr() {
        return "negative_slope=" + negativeSlope;
    }
}
