package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.nn.GRU;
import org.jgrad.nn.LSTM;
import org.jgrad.nn.LSTMCell;
import org.jgrad.nn.Padding;
import org.jgrad.nn.RNN;
import org.jgrad.nn.RecurrentOptions;
import org.jgrad.nn.RecurrentOutput;
import org.jgrad.nn.RecurrentState;
import org.junit.jupiter.api.Test;

/**
 * The recurrent layers' contract beyond the numbers: PyTorch's parameter names and shapes, output
 * and state shapes in every layout, padding semantics, and clear errors on bad input.
 */
public class RecurrentValidationConformance extends NnSupport {

    @Test
    void parameterNamesAndShapesAreTorchs() {
        LSTM lstm = new LSTM(RecurrentOptions.of(3, 5).numLayers(2).bidirectional(true));
        assertEquals("[weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0, weight_ih_l0_reverse, weight_hh_l0_reverse,"
                + " bias_ih_l0_reverse, bias_hh_l0_reverse, weight_ih_l1, weight_hh_l1, bias_ih_l1, bias_hh_l1,"
                + " weight_ih_l1_reverse, weight_hh_l1_reverse, bias_ih_l1_reverse, bias_hh_l1_reverse]",
                lstm.namedParameters().keySet().toString());
        assertArrayEquals(new int[] {20, 3}, lstm.parameter("weight_ih_l0").shape());
        assertArrayEquals(new int[] {20, 10}, lstm.parameter("weight_ih_l1_reverse").shape());
        assertArrayEquals(new int[] {15, 5}, new GRU(3, 5).parameter("weight_hh_l0").shape());
        assertEquals("[weight_ih, weight_hh, bias_ih, bias_hh]", new LSTMCell(2, 3).namedParameters().keySet().toString());
    }

    @Test
    void shapesInEveryLayout() {
        LSTM lstm = new LSTM(RecurrentOptions.of(3, 4).numLayers(2).bidirectional(true).batchFirst(true));
        RecurrentOutput out = lstm.forward(tensor(randomFloats(2 * 5 * 3, 1), 2, 5, 3), null);
        assertArrayEquals(new int[] {2, 5, 8}, out.output().shape());
        assertArrayEquals(new int[] {4, 2, 4}, out.state().h().shape());
        assertArrayEquals(new int[] {4, 2, 4}, out.state().c().shape());
        RecurrentOutput unbatched = lstm.forward(tensor(randomFloats(5 * 3, 2), 5, 3), null);
        assertArrayEquals(new int[] {5, 8}, unbatched.output().shape());
        assertArrayEquals(new int[] {4, 4}, unbatched.state().h().shape());
    }

    @Test
    void paddedStepsAreZeroAndTheFinalStateIsTheLastValidOne() {
        GRU gru = new GRU(2, 3);
        Tensor x = tensor(randomFloats(4 * 2 * 2, 3), 4, 2, 2);
        RecurrentOutput padded = gru.forward(x, null, Padding.lengths(4, 2));
        RecurrentOutput shortOnly = gru.forward(x.narrow(0, 0, 2).narrow(1, 1, 1), null);
        float[] output = padded.output().toFloatArray();
        for (int t = 2; t < 4; t++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(0f, output[(t * 2 + 1) * 3 + j], "output at padded step " + t);
            }
        }
        assertClose("h_n of the short sequence", doubles(shortOnly.state().h()),
                padded.state().h().narrow(1, 1, 1).toFloatArray(), 1e-6, 1e-6);
    }

    @Test
    void initialStateOfTheWrongShapeIsRejectedNamingBothShapes() {
        LSTM lstm = new LSTM(RecurrentOptions.of(3, 4).numLayers(2));
        Tensor x = tensor(randomFloats(5 * 2 * 3, 4), 5, 2, 3);
        Tensor good = Tensors.zeros(2, 2, 4);
        assertRejected(IllegalArgumentException.class,
                () -> lstm.forward(x, new RecurrentState(Tensors.zeros(1, 2, 4), good)), "LSTM", "h0", "[1, 2, 4]", "[2, 2, 4]");
        assertRejected(IllegalArgumentException.class,
                () -> lstm.forward(x, new RecurrentState(good, Tensors.zeros(2, 3, 4))), "c0", "[2, 3, 4]", "[2, 2, 4]");
        assertRejected(IllegalArgumentException.class,
                () -> new LSTMCell(3, 4).forward(Tensors.zeros(2, 3), new RecurrentState(Tensors.zeros(2, 5), Tensors.zeros(2, 4))),
                "LSTMCell", "[2, 5]", "[2, 4]");
    }

    @Test
    void lengthsBeyondTheSequenceAreRejected() {
        RNN rnn = new RNN(3, 4);
        Tensor x = tensor(randomFloats(5 * 2 * 3, 5), 5, 2, 3);
        assertRejected(IllegalArgumentException.class, () -> rnn.forward(x, null, Padding.lengths(5, 6)),
                "RNN", "length 6", "sequence 1", "[0, 5]");
        assertRejected(IllegalArgumentException.class, () -> rnn.forward(x, null, Padding.lengths(5)), "1 lengths", "batch of 2");
        assertRejected(IllegalArgumentException.class, () -> rnn.forward(x, null, Padding.mask(Tensors.zeros(5, 2))),
                "padding mask", "[5, 2]", "[2, 5]");
    }

    @Test
    void inputOfTheWrongRankOrFeatureSizeIsRejected() {
        GRU gru = new GRU(3, 4);
        assertRejected(IllegalArgumentException.class, () -> gru.forward(Tensors.zeros(5, 2, 7)), "GRU", "[5, 2, 7]",
                "(steps, batch, 3)");
        assertRejected(IllegalArgumentException.class, () -> gru.forward(Tensors.zeros(1, 5, 2, 3)), "[1, 5, 2, 3]");
        assertRejected(IllegalArgumentException.class, () -> new LSTMCell(3, 4).forward(Tensors.zeros(2, 2, 3)),
                "LSTMCell", "[2, 2, 3]", "(batch, 3)");
    }
}
