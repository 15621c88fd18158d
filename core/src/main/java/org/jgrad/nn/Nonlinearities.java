package org.jgrad.nn;

import org.jgrad.ops.RecurrentMode;

/** The nonlinearity option of the recurrent layers and cells: "tanh" or "relu" for the RNN, fixed for the others. */
final class Nonlinearities {
    private Nonlinearities() {
    }

    /** RNN_TANH or RNN_RELU for "tanh" or "relu"; anything else fails naming {@code layer}. */
    static RecurrentMode mode(String layer, String nonlinearity) {
        return switch (nonlinearity) {
            case "tanh" -> RecurrentMode.RNN_TANH;
            case "relu" -> RecurrentMode.RNN_RELU;
            default -> throw new IllegalArgumentException(layer + ": nonlinearity must be \"tanh\" or \"relu\", got \""
                    + nonlinearity + "\"");
        };
    }

    static RecurrentOptions tanhOnly(String layer, RecurrentOptions options) {
        if (!options.nonlinearity.equals("tanh")) {
            throw new IllegalArgumentException(layer + ": the nonlinearity option is for RNN only, got \""
                    + options.nonlinearity + "\"");
        }
        return options;
    }
}
