package org.jgrad.nn;

import org.jgrad.ops.RecurrentMode;

/** The nonlinearity option of the recurrent layers and cells: "tanh" or "relu" for the RNN, fixed for the others. */
final class Nonlinearities {
    private Nonlinearities() {
    }

    static RecurrentMode mode(String nonlinearity) {
        return nonlinearity.equals("relu") ? RecurrentMode.RNN_RELU : RecurrentMode.RNN_TANH;
    }

    static RecurrentOptions tanhOnly(String layer, RecurrentOptions options) {
        if (!options.nonlinearity.equals("tanh")) {
            throw new IllegalArgumentException(layer + ": the nonlinearity option is for RNN only, got \""
                    + options.nonlinearity + "\"");
        }
        return options;
    }
}
