package org.jgrad.conformance;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.nn.GRU;
import org.jgrad.nn.GRUCell;
import org.jgrad.nn.LSTM;
import org.jgrad.nn.LSTMCell;
import org.jgrad.nn.Module;
import org.jgrad.nn.Padding;
import org.jgrad.nn.RNN;
import org.jgrad.nn.RNNCell;
import org.jgrad.nn.RecurrentCell;
import org.jgrad.nn.RecurrentLayer;
import org.jgrad.nn.RecurrentOptions;
import org.jgrad.nn.RecurrentOutput;
import org.jgrad.nn.RecurrentState;
import org.junit.jupiter.api.Test;

/**
 * Gradients of the recurrent layers and cells (and so of the whole-sequence recurrence op and the
 * backend's fused LSTM cell) with respect to the input, the initial state and every parameter, by
 * {@link GradCheck}'s central differences. Each check differentiates all outputs at once: the
 * output sequence, h_n and c_n, flattened and concatenated.
 */
public class RecurrentGradientConformance extends NnSupport {

    /** Inputs: x, h0, [c0], then the named parameters; parameters reach the layer by functionalCall. */
    private void checkLayer(String name, RecurrentLayer layer, int[] inputShape, int[] stateShape, Padding padding) {
        boolean cell = layer instanceof LSTM;
        String[] names = layer.namedParameters().keySet().toArray(new String[0]);
        int fixed = cell ? 3 : 2;
        GradInput[] inputs = new GradInput[fixed + names.length];
        inputs[0] = GradInput.uniform(1, -1, 1, inputShape);
        inputs[1] = GradInput.uniform(2, -1, 1, stateShape);
        if (cell) {
            inputs[2] = GradInput.uniform(3, -1, 1, stateShape);
        }
        for (int i = 0; i < names.length; i++) {
            Tensor p = layer.namedParameters().get(names[i]);
            inputs[fixed + i] = GradInput.of(p.toFloatArray(), p.shape());
        }
        GradCheck.of(name, leaves -> {
            Probe probe = new Probe(x -> {
                RecurrentOutput out = layer.forward(x, new RecurrentState(leaves[1], cell ? leaves[2] : null), padding);
                return cell ? Tensors.cat(0, out.output().flatten(), out.state().h().flatten(), out.state().c().flatten())
                        : Tensors.cat(0, out.output().flatten(), out.state().h().flatten());
            }, layer);
            return probe.functionalCall(replacements("inner.", names, leaves, fixed), leaves[0]);
        }).inputs(inputs).run(backend());
    }

    private void checkCell(String name, RecurrentCell cell, boolean hasC, int batch) {
        String[] names = cell.namedParameters().keySet().toArray(new String[0]);
        int fixed = hasC ? 3 : 2;
        GradInput[] inputs = new GradInput[fixed + names.length];
        inputs[0] = GradInput.uniform(4, -1, 1, batch, cell.inputSize());
        inputs[1] = GradInput.uniform(5, -1, 1, batch, cell.hiddenSize());
        if (hasC) {
            inputs[2] = GradInput.uniform(6, -1, 1, batch, cell.hiddenSize());
        }
        for (int i = 0; i < names.length; i++) {
            Tensor p = cell.namedParameters().get(names[i]);
            inputs[fixed + i] = GradInput.of(p.toFloatArray(), p.shape());
        }
        GradCheck.of(name, leaves -> {
            Probe probe = new Probe(x -> {
                RecurrentState next = cell.forward(x, new RecurrentState(leaves[1], hasC ? leaves[2] : null));
                return hasC ? Tensors.cat(0, next.h().flatten(), next.c().flatten()) : next.h().flatten();
            }, cell);
            return probe.functionalCall(replacements("inner.", names, leaves, fixed), leaves[0]);
        }).inputs(inputs).run(backend());
    }

    private static Map<String, Tensor> replacements(String prefix, String[] names, Tensor[] leaves, int from) {
        Map<String, Tensor> map = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            map.put(prefix + names[i], leaves[from + i]);
        }
        return map;
    }

    @Test
    void lstm() {
        checkLayer("LSTM", new LSTM(3, 4), dims(5, 2, 3), dims(1, 2, 4), null);
    }

    @Test
    void gruBatchFirst() {
        checkLayer("GRU batchFirst", new GRU(RecurrentOptions.of(3, 4).batchFirst(true)), dims(2, 5, 3), dims(1, 2, 4), null);
    }

    @Test
    void rnnTanhAndRelu() {
        checkLayer("RNN tanh", new RNN(3, 4), dims(4, 2, 3), dims(1, 2, 4), null);
        checkLayer("RNN tanh without bias", new RNN(RecurrentOptions.of(3, 4).bias(false)), dims(4, 2, 3), dims(1, 2, 4), null);
        checkLayer("RNN relu", new RNN(RecurrentOptions.of(3, 4).nonlinearity("relu")), dims(4, 2, 3), dims(1, 2, 4), null);
        checkLayer("RNN relu without bias", new RNN(RecurrentOptions.of(3, 4).nonlinearity("relu").bias(false)),
                dims(4, 2, 3), dims(1, 2, 4), null);
    }

    @Test
    void bidirectionalTwoLayerLstmWithLengths() {
        checkLayer("LSTM 2 layers bidirectional, lengths", new LSTM(RecurrentOptions.of(2, 3).numLayers(2).bidirectional(true)),
                dims(4, 3, 2), dims(4, 3, 3), Padding.lengths(2, 4, 1));
    }

    @Test
    void bidirectionalGruWithAPaddingMaskWithAHole() {
        Tensor mask = tensor(new float[] {0, 1, 0, 0, 0, 0, 0, 1}, 2, 4);
        checkLayer("GRU bidirectional, mask", new GRU(RecurrentOptions.of(2, 3).bidirectional(true).batchFirst(true)),
                dims(2, 4, 2), dims(2, 2, 3), Padding.mask(mask));
    }

    @Test
    void cells() {
        checkCell("LSTMCell", new LSTMCell(3, 4), true, 2);
        checkCell("GRUCell", new GRUCell(3, 4), false, 2);
        checkCell("RNNCell", new RNNCell(3, 4), false, 3);
    }

    private static int[] dims(int... sizes) {
        return sizes;
    }

    /** A module whose forward is a lambda over its registered child "inner", for functionalCall. */
    private static final class Probe extends Module {
        private final java.util.function.UnaryOperator<Tensor> body;

        Probe(java.util.function.UnaryOperator<Tensor> body, Module inner) {
            this.body = body;
            registerModule("inner", inner);
        }

        @Override
        public Tensor forward(Tensor input) {
            return body.apply(input);
        }
    }
}
