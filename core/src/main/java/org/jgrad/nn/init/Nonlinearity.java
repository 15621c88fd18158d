package org.jgrad.nn.init;

/** Activations with their recommended init gain, as PyTorch's {@code nn.init.calculate_gain}. */
public enum Nonlinearity {
    LINEAR, CONV, SIGMOID, TANH, RELU, LEAKY_RELU, SELU;

    /** PyTorch's default negative slope for {@link #LEAKY_RELU} when none is given. */
    public static final double DEFAULT_NEGATIVE_SLOPE = 0.01;

    /** The gain with the default negative slope for {@link #LEAKY_RELU}. */
    public double gain() {
        return gain(DEFAULT_NEGATIVE_SLOPE);
    }

    /**
     * 1 for linear, conv and sigmoid; 5/3 for tanh; sqrt(2) for relu; sqrt(2 / (1 + slope^2)) for
     * leaky relu with {@code negativeSlope}; 3/4 for selu.
     */
    public double gain(double negativeSlope) {
        return switch (this) {
            case LINEAR, CONV, SIGMOID -> 1;
            case TANH -> 5.0 / 3;
            case RELU -> Math.sqrt(2);
            case LEAKY_RELU -> Math.sqrt(2 / (1 + negativeSlope * negativeSlope));
            case SELU -> 0.75;
        };
    }
}
