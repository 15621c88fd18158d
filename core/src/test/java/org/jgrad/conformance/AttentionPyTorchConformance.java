package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jgrad.Tensor;
import org.jgrad.io.SafeTensors;
import org.jgrad.io.SafeTensorsContent;
import org.jgrad.nn.Module;
import org.jgrad.nn.MultiheadAttention;
import org.jgrad.nn.TransformerEncoderLayer;
import org.jgrad.ops.AttentionMask;
import org.junit.jupiter.api.Test;

/**
 * Agreement with PyTorch 1.13 itself: scripts/make-attention-fixtures.py saved each module's
 * weights, inputs, masks, outputs and the gradients of inputs and parameters for a given output
 * gradient (resources pytorch/*.safetensors). Weights load strictly; every value agrees within
 * 1e-5 (absolute, plus 1e-5 relative).
 */
public class AttentionPyTorchConformance extends NnSupport {
    private static final double TOLERANCE = 1e-5;

    @Test
    void multiheadSelfAttentionWithKeyPaddingAndCausalMasks() {
        Map<String, Tensor> f = fixture("mha_self_causal_padding");
        MultiheadAttention mha = new MultiheadAttention(8, 2, 0, true, true);
        loadStrict(mha, f);
        Tensor x = input(f, "x");
        MultiheadAttention.Output out = mha.forward(x, x, x, AttentionMask.blocked(f.get("mask.key_padding")), true,
                AttentionMask.blocked(f.get("mask.attn")), true);
        compare("weights", f, out.weights());
        finish(f, mha, out.output(), "x");
        Tensor causal = mha.forward(x, x, x, AttentionMask.blocked(f.get("mask.key_padding")), false,
                AttentionMask.causal(), true).output();
        compare("out", f, causal);
    }

    @Test
    void multiheadCrossAttentionWithAdditiveMaskAndPerHeadWeights() {
        Map<String, Tensor> f = fixture("mha_cross_additive");
        MultiheadAttention mha = new MultiheadAttention(8, 4);
        loadStrict(mha, f);
        MultiheadAttention.Output out = mha.forward(input(f, "q"), input(f, "k"), input(f, "v"),
                AttentionMask.blocked(f.get("mask.key_padding")), true, AttentionMask.additive(f.get("mask.attn_additive")),
                false);
        compare("weights", f, out.weights());
        finish(f, mha, out.output(), "q", "k", "v");
    }

    @Test
    void encoderLayerPostNormRelu() {
        encoderLayer("encoder_layer_norm_first_false", false, TransformerEncoderLayer.Activation.RELU, true);
    }

    @Test
    void encoderLayerPreNormGelu() {
        encoderLayer("encoder_layer_norm_first_true", true, TransformerEncoderLayer.Activation.GELU, false);
    }

    private void encoderLayer(String name, boolean normFirst, TransformerEncoderLayer.Activation activation,
            boolean batchFirst) {
        Map<String, Tensor> f = fixture(name);
        TransformerEncoderLayer layer = TransformerEncoderLayer.builder(8, 2).dimFeedforward(16).dropout(0)
                .activation(activation).normFirst(normFirst).batchFirst(batchFirst).build();
        loadStrict(layer, f);
        Tensor x = input(f, "x");
        finish(f, layer, layer.forward(x, AttentionMask.blocked(f.get("mask.attn")),
                AttentionMask.blocked(f.get("mask.key_padding"))), "x");
    }

    /** Compares the output, runs backward from the saved output gradient and compares every gradient. */
    private static void finish(Map<String, Tensor> f, Module module, Tensor output, String... inputs) {
        compare("out", f, output);
        output.backward(f.get("grad_output"));
        for (String input : inputs) {
            compare("grad." + input, f.get("grad." + input), f.get("input." + input).grad());
        }
        Map<String, Tensor> parameters = module.namedParameters();
        assertEquals(new TreeSet<>(parameters.keySet()), new TreeSet<>(withPrefix(f, "grad.param.").keySet()),
                "parameters with a PyTorch gradient");
        parameters.forEach((name, p) -> compare("grad.param." + name, f.get("grad.param." + name), p.grad()));
    }

    private static void compare(String output, Map<String, Tensor> f, Tensor actual) {
        compare("output." + output, f.get("output." + output), actual);
    }

    private static void compare(String what, Tensor expected, Tensor actual) {
        assertNotNull(expected, what + ": not in the fixture");
        assertNotNull(actual, what + ": nothing computed");
        assertTensor(what, HostArray.of(expected.toFloatArray(), expected.shape()), actual, TOLERANCE, TOLERANCE);
    }

    private static Tensor input(Map<String, Tensor> f, String name) {
        return f.get("input." + name).requiresGrad(true);
    }

    private static void loadStrict(Module module, Map<String, Tensor> f) {
        module.loadStateDict(withPrefix(f, "param."), true);
    }

    private static Map<String, Tensor> withPrefix(Map<String, Tensor> f, String prefix) {
        Map<String, Tensor> selected = new TreeMap<>();
        f.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                selected.put(key.substring(prefix.length()), value);
            }
        });
        return selected;
    }

    /** The fixture's tensors on the backend under test (freed with the test's scope). */
    private Map<String, Tensor> fixture(String name) {
        String resource = "pytorch/" + name + ".safetensors";
        try (InputStream in = AttentionPyTorchConformance.class.getResourceAsStream(resource)) {
            assertNotNull(in, "missing test resource " + resource + "; run scripts/make-attention-fixtures.py");
            Path file = Files.createTempFile(name, ".safetensors");
            try {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                SafeTensorsContent content = SafeTensors.read(file, backend());
                return content.tensors();
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
