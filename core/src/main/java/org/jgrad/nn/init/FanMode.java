package org.jgrad.nn.init;

/** Which fan the Kaiming initializers scale by, as PyTorch's {@code mode}. */
public enum FanMode {
    /** Inputs per output unit: preserves the forward pass's variance (the default). */
    FAN_IN,
    /** Outputs per input unit: preserves the backward pass's variance. */
    FAN_OUT
}
