package org.jgrad.nn;

import java.util.Arrays;
import org.jgrad.DType;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.ops.RecurrentMode;

/**
 * Base of {@link RNNCell}, {@link LSTMCell} and {@link GRUCell}: one step, with PyTorch's parameter
 * names (weight_ih, weight_hh, bias_ih, bias_hh) and layouts. Input (batch, input_size) or
 * (input_size); state (batch, hidden_size) or (hidden_size). Runs the same one-node recurrence as
 * the layers, over one step.
 */
public abstract class RecurrentCell extends Module {
    private final RecurrentMode mode;
    private final int inputSize;
    private final int hiddenSize;
    private final boolean bias;

    RecurrentCell(RecurrentMode mode, int inputSize, int hiddenSize, boolean bias) {
        if (inputSize < 1 || hiddenSize < 1) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": input_size and hidden_size must be >= 1, got "
                    + inputSize + " and " + hiddenSize);
        }
        this.mode = mode;
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.bias = bias;
        RecurrentWeights.register(this, "", mode, inputSize, hiddenSize, bias);
    }

    /** The next h from a zero state. */
    @Override
    public Tensor forward(Tensor input) {
        return forward(input, null).h();
    }

    /** The next state (h', and c' for the LSTM) from {@code state} (null: zeros). */
    public RecurrentState forward(Tensor input, RecurrentState state) {
        String name = getClass().getSimpleName();
        if ((input.dim() != 1 && input.dim() != 2) || input.size(-1) != inputSize) {
            throw new IllegalArgumentException(name + ": input of shape " + Shape.toString(input.shape())
                    + ", expected (batch, " + inputSize + ") or (" + inputSize + ")");
        }
        boolean batched = input.dim() == 2;
        Tensor x = batched ? input : input.unsqueeze(0);
        int batch = x.size(0);
        int width = mode.stateWidth(hiddenSize);
        Tensor initial;
        if (state == null) {
            initial = Tensors.zeros(x.backend(), DType.FLOAT32, batch, width);
        } else {
            Tensor h = checked(name, "h", state.h(), batch, batched);
            initial = mode.hasCell() ? Tensors.cat(1, h, checked(name, "c", state.c(), batch, batched)) : h;
        }
        Tensor next = RecurrentWeights.run(this, "", mode, bias, x.unsqueeze(0), initial, null)
                .narrow(0, 1, 1).reshape(batch, width);
        Tensor h = next.narrow(1, 0, hiddenSize);
        Tensor c = mode.hasCell() ? next.narrow(1, hiddenSize, hiddenSize) : null;
        return batched ? new RecurrentState(h, c) : new RecurrentState(h.squeeze(0), c == null ? null : c.squeeze(0));
    }

    /** The state part as (batch, hidden); fails naming both shapes when it does not fit. */
    private Tensor checked(String name, String part, Tensor state, int batch, boolean batched) {
        int[] expected = batched ? new int[] {batch, hiddenSize} : new int[] {hiddenSize};
        if (state == null || !Arrays.equals(state.shape(), expected)) {
            throw new IllegalArgumentException(name + ": state " + part + " of shape "
                    + (state == null ? "(missing)" : Shape.toString(state.shape())) + ", expected " + Shape.toString(expected));
        }
        return batched ? state : state.unsqueeze(0);
    }

    public int inputSize() {
        return inputSize;
    }

    public int hiddenSize() {
        return hiddenSize;
    }

    @Override
    protected String extraRepr() {
        return inputSize + ", " + hiddenSize + (bias ? "" : ", bias=false");
    }
}
