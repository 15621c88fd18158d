package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jgrad.Tensor;
import org.jgrad.nn.LayerNorm;
import org.jgrad.nn.LearnedPositionalEmbedding;
import org.jgrad.nn.Module;
import org.jgrad.nn.MultiheadAttention;
import org.jgrad.nn.SinusoidalPositionalEncoding;
import org.jgrad.nn.TransformerEncoder;
import org.jgrad.nn.TransformerEncoderLayer;
import org.jgrad.nn.TransformerEncoderLayer.Activation;
import org.jgrad.ops.AttentionMask;
import org.junit.jupiter.api.Test;

/**
 * The attention layers: gradients of MultiheadAttention, TransformerEncoderLayer (both norm
 * orders, both activations), TransformerEncoder and the positional encodings with respect to the
 * input and every parameter, by central differences; PyTorch's parameter names; the sinusoidal
 * table against float64; and bad input (mask shapes, heads, too long a sequence).
 */
public class AttentionLayerConformance extends NnSupport {

    /** Runs {@code call} on a module as its forward, so functionalCall can swap its parameters. */
    private static final class Wrapper extends Module {
        private final Module inner;
        private final UnaryOperator<Tensor> call;

        Wrapper(Module inner, UnaryOperator<Tensor> call) {
            this.inner = registerModule("m", inner);
            this.call = call;
        }

        @Override
        public Tensor forward(Tensor input) {
            return call.apply(input);
        }
    }

    /** Checks the gradient of call(input) with respect to the input and every parameter of module. */
    private void check(String name, Module module, UnaryOperator<Tensor> call, GradInput input) {
        Wrapper wrapper = new Wrapper(module, call);
        Map<String, Tensor> parameters = wrapper.namedParameters();
        List<String> names = List.copyOf(parameters.keySet());
        GradInput[] inputs = new GradInput[names.size() + 1];
        inputs[0] = input;
        for (int i = 0; i < names.size(); i++) {
            Tensor p = parameters.get(names.get(i));
            inputs[i + 1] = GradInput.of(p.toFloatArray(), p.shape());
        }
        GradCheck.of(name, leaves -> {
            Map<String, Tensor> replacements = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                replacements.put(names.get(i), leaves[i + 1]);
            }
            return wrapper.functionalCall(replacements, leaves[0]);
        }).inputs(inputs).run(backend());
    }

    @Test
    void multiheadAttentionGradientsWithMasks() {
        MultiheadAttention mha = new MultiheadAttention(4, 2, 0, true, true);
        AttentionMask padding = AttentionMask.blocked(tensor(new float[] {0, 0, 0, 0, 0, 1}, 2, 3));
        check("MultiheadAttention self, key padding, causal", mha,
                x -> mha.forward(x, x, x, padding, false, AttentionMask.causal(), true).output(),
                GradInput.uniform(30, -1, 1, 2, 3, 4));
        MultiheadAttention seqFirst = new MultiheadAttention(4, 2);
        Tensor key = tensor(HostArray.random(31, -1, 1, 5, 2, 4));
        check("MultiheadAttention cross, weights", seqFirst, q -> {
            MultiheadAttention.Output out = seqFirst.forward(q, key, key, null, true, null, true);
            return out.output().sum().add(out.weights().mul(out.weights()).sum());
        }, GradInput.uniform(32, -1, 1, 3, 2, 4));
    }

    @Test
    void multiheadAttentionHasPyTorchsParameterNames() {
        assertEquals(List.of("in_proj_weight", "in_proj_bias", "out_proj.weight", "out_proj.bias"),
                List.copyOf(new MultiheadAttention(8, 2).namedParameters().keySet()));
        assertEquals(List.of("in_proj_weight", "out_proj.weight"),
                List.copyOf(new MultiheadAttention(8, 2, 0, false, false).namedParameters().keySet()));
    }

    @Test
    void encoderLayerGradients() {
        for (boolean normFirst : new boolean[] {false, true}) {
            for (Activation activation : Activation.values()) {
                TransformerEncoderLayer layer = TransformerEncoderLayer.builder(4, 2).dimFeedforward(6).dropout(0)
                        .activation(activation).normFirst(normFirst).batchFirst(true).build();
                if (activation == Activation.RELU) {
                    // Keeps every ReLU input at least 1 from its kink (|W x| <= 2 for normalised x), as central differences need.
                    set(layer.stateDict().get("linear1.bias"), new float[] {3, -3, 3, -3, 3, -3});
                }
                check("TransformerEncoderLayer normFirst=" + normFirst + " " + activation, layer,
                        x -> layer.forward(x, AttentionMask.causal(), null), GradInput.uniform(33, -1, 1, 2, 3, 4));
            }
        }
    }

    @Test
    void encoderStacksCopiesUnderPyTorchsNames() {
        TransformerEncoderLayer layer = TransformerEncoderLayer.builder(4, 2).dimFeedforward(6).dropout(0).build();
        TransformerEncoder encoder = new TransformerEncoder(layer, 2, new LayerNorm(4));
        Map<String, Tensor> state = encoder.stateDict();
        assertEquals(26, state.size());
        for (String name : layer.stateDict().keySet()) {
            assertArrayEquals(layer.stateDict().get(name).toFloatArray(), state.get("layers.1." + name).toFloatArray(),
                    "layers.1." + name + " starts as a copy");
        }
        assertArrayEquals(new int[] {4}, state.get("norm.weight").shape(), "the final norm");
        check("TransformerEncoder", encoder, x -> encoder.forward(x, AttentionMask.causal(), null),
                GradInput.uniform(34, -1, 1, 3, 2, 4));
    }

    @Test
    void positionalEncodings() {
        LearnedPositionalEmbedding learned = new LearnedPositionalEmbedding(5, 4, true);
        check("LearnedPositionalEmbedding", learned, learned::forward, GradInput.uniform(35, -1, 1, 2, 3, 4));
        SinusoidalPositionalEncoding sinusoid = new SinusoidalPositionalEncoding(4, 0, false);
        check("SinusoidalPositionalEncoding", sinusoid, sinusoid::forward, GradInput.uniform(36, -1, 1, 3, 2, 4));
        double[] expected = new double[3 * 2 * 4];
        for (int pos = 0; pos < 3; pos++) {
            for (int i = 0; i < 4; i++) {
                double angle = pos / Math.pow(10000, 2 * (i / 2) / 4.0);
                double value = i % 2 == 0 ? Math.sin(angle) : Math.cos(angle);
                expected[(pos * 2) * 4 + i] = value;
                expected[(pos * 2 + 1) * 4 + i] = value;
            }
        }
        Tensor zeros = tensor(new float[24], 3, 2, 4);
        assertTensor("sinusoid table", HostArray.of(expected, 3, 2, 4), sinusoid.forward(zeros), 1e-6, 1e-6);
    }

    @Test
    void badInputIsNamed() {
        MultiheadAttention mha = new MultiheadAttention(4, 2, 0, true, true);
        Tensor x = tensor(HostArray.random(37, -1, 1, 2, 3, 4));
        assertRejected(IllegalArgumentException.class, () -> mha.forward(x, x, x,
                AttentionMask.blocked(tensor(new float[6], 3, 2)), false, null, true), "key padding mask", "[3, 2]", "[2, 3]");
        assertRejected(IllegalArgumentException.class, () -> mha.forward(x, x, x, null, false,
                AttentionMask.additive(tensor(new float[12], 3, 4)), true), "attention mask", "[3, 4]", "[3, 3]", "[4, 3, 3]");
        assertRejected(IllegalArgumentException.class, () -> new MultiheadAttention(10, 4), "10", "4", "divisible");
        assertRejected(IllegalArgumentException.class, () -> TransformerEncoderLayer.builder(6, 4), "6", "4", "divisible");
        LearnedPositionalEmbedding table = new LearnedPositionalEmbedding(2, 4, true);
        assertRejected(IllegalArgumentException.class, () -> table.forward(x), "length 3", "2 positions");
    }
}
