package org.jgrad.nn;

import java.util.ArrayList;
import java.util.List;
import org.jgrad.Generator;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.ops.RecurrentMode;

/**
 * Base of {@link RNN}, {@link LSTM} and {@link GRU}: PyTorch's multi-layer, optionally
 * bidirectional recurrent layer with its parameter names ({@code weight_ih_l0},
 * {@code bias_hh_l1_reverse}, ...) and layouts, so a PyTorch state dict loads as is. Input is
 * (steps, batch, features), (batch, steps, features) with batchFirst, or (steps, features)
 * unbatched. Each layer and direction runs as one {@code Recurrence} node: the input side of all
 * steps in one GEMM, then one GEMM and one fused pointwise pass per step.
 */
public abstract class RecurrentLayer extends Module {
    private final RecurrentMode mode;
    private final int inputSize;
    private final int hiddenSize;
    private final int numLayers;
    private final boolean bias;
    private final boolean batchFirst;
    private final double dropout;
    private final int directions;

    RecurrentLayer(RecurrentMode mode, RecurrentOptions options) {
        this.mode = mode;
        this.inputSize = options.inputSize;
        this.hiddenSize = options.hiddenSize;
        this.numLayers = options.numLayers;
        this.bias = options.bias;
        this.batchFirst = options.batchFirst;
        this.dropout = options.dropout;
        this.directions = options.bidirectional ? 2 : 1;
        for (int layer = 0; layer < numLayers; layer++) {
            for (int direction = 0; direction < directions; direction++) {
                int in = layer == 0 ? inputSize : hiddenSize * directions;
                RecurrentWeights.register(this, suffix(layer, direction), mode, in, hiddenSize, bias);
            }
        }
    }

    /** The output at every step, as PyTorch's {@code output}; zero initial state, no padding. */
    @Override
    public Tensor forward(Tensor input) {
        return forward(input, null, null).output();
    }

    /** Output and final state from {@code initial} (null: zeros). */
    public RecurrentOutput forward(Tensor input, RecurrentState initial) {
        return forward(input, initial, null);
    }

    /**
     * Output and final state from {@code initial} (null: zeros) over a batch whose padded steps
     * {@code padding} marks (null: none).
     */
    public RecurrentOutput forward(Tensor input, RecurrentState initial, Padding padding) {
        String name = getClass().getSimpleName();
        boolean batched = checkInput(name, input);
        Tensor x = !batched ? input.unsqueeze(1) : batchFirst ? input.transpose(0, 1) : input;
        int steps = x.size(0);
        int batch = x.size(1);
        boolean[][] valid = padding == null ? null : padding.validity(name, steps, batch);
        RecurrentStates states = new RecurrentStates(name, mode, numLayers * directions, batch, hiddenSize, batched);
        Tensor[] initialRows = states.initialRows(initial, x.backend());
        Tensor[] finalRows = new Tensor[numLayers * directions];
        for (int layer = 0; layer < numLayers; layer++) {
            List<Tensor> outputs = new ArrayList<>();
            for (int direction = 0; direction < directions; direction++) {
                int index = layer * directions + direction;
                boolean reverse = direction == 1;
                Tensor all = RecurrentWeights.run(this, suffix(layer, direction), mode, bias,
                        reverse ? TimeReversal.reverse(x) : x, initialRows[index], reverse ? TimeReversal.reverse(valid) : valid);
                Tensor hs = all.narrow(0, 1, steps).narrow(2, 0, hiddenSize);
                outputs.add(reverse ? TimeReversal.reverse(hs) : hs);
                finalRows[index] = all.narrow(0, steps, 1);
            }
            x = directions == 1 ? outputs.get(0) : Tensors.cat(2, outputs.toArray(new Tensor[0]));
            if (isTraining() && dropout > 0 && layer < numLayers - 1) {
                x = x.dropout((float) dropout, Generator.global());
            }
        }
        if (valid != null) {
            x = x.mul(TimeReversal.mask(valid, x.backend()));
        }
        Tensor output = !batched ? x.squeeze(1) : batchFirst ? x.transpose(0, 1) : x;
        return new RecurrentOutput(output, states.finalState(finalRows));
    }

    /** Whether input is batched (rank 3); fails naming the shape when the rank or feature size is wrong. */
    private boolean checkInput(String name, Tensor input) {
        if ((input.dim() != 2 && input.dim() != 3) || input.size(-1) != inputSize) {
            String expected = batchFirst ? "(batch, steps, " + inputSize + ")" : "(steps, batch, " + inputSize + ")";
            throw new IllegalArgumentException(name + ": input of shape " + Shape.toString(input.shape()) + ", expected "
                    + expected + " or unbatched (steps, " + inputSize + ")");
        }
        if (input.size(input.dim() == 3 && batchFirst ? 1 : 0) < 1) {
            throw new IllegalArgumentException(name + ": input of shape " + Shape.toString(input.shape()) + " has no steps");
        }
        return input.dim() == 3;
    }

    /** PyTorch's parameter suffix: {@code _l0}, {@code _l0_reverse}, ... */
    private static String suffix(int layer, int direction) {
        return "_l" + layer + (direction == 1 ? "_reverse" : "");
    }

    public int inputSize() {
        return inputSize;
    }

    public int hiddenSize() {
        return hiddenSize;
    }

    public int numLayers() {
        return numLayers;
    }

    public boolean bidirectional() {
        return directions == 2;
    }

    @Override
    protected String extraRepr() {
        return inputSize + ", " + hiddenSize + (numLayers > 1 ? ", num_layers=" + numLayers : "")
                + (bias ? "" : ", bias=false") + (batchFirst ? ", batch_first=true" : "")
                + (dropout > 0 ? ", dropout=" + dropout : "") + (directions == 2 ? ", bidirectional=true" : "");
    }
}
