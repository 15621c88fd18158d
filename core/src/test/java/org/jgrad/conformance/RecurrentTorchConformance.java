package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jgrad.Tensor;
import org.jgrad.io.SafeTensors;
import org.jgrad.io.SafeTensorsContent;
import org.jgrad.nn.GRU;
import org.jgrad.nn.LSTM;
import org.jgrad.nn.Padding;
import org.jgrad.nn.RecurrentLayer;
import org.jgrad.nn.RecurrentOptions;
import org.jgrad.nn.RecurrentOutput;
import org.jgrad.nn.RecurrentState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agreement with PyTorch itself: files written once by {@code scripts/make-recurrent-fixtures}
 * (torch 1.13, computed in float64) hold a layer's parameters, input, initial state, outputs and
 * the gradients of a weighted sum of the outputs. The layer loads PyTorch's state dict as is, and
 * every output and gradient must agree within 1e-5.
 */
public class RecurrentTorchConformance extends NnSupport {
    private static final double TOLERANCE = 1e-5;

    @TempDir
    Path dir;

    @Test
    void lstmMatchesPyTorch() throws IOException {
        check("lstm", new LSTM(3, 4), false);
    }

    @Test
    void batchFirstGruMatchesPyTorch() throws IOException {
        check("gru_batch_first", new GRU(RecurrentOptions.of(3, 4).batchFirst(true)), false);
    }

    @Test
    void bidirectionalTwoLayerLstmWithPaddingMatchesPyTorch() throws IOException {
        check("lstm_bidirectional_2layer_padded",
                new LSTM(RecurrentOptions.of(3, 4).numLayers(2).bidirectional(true)), true);
    }

    private void check(String name, RecurrentLayer layer, boolean padded) throws IOException {
        try (SafeTensorsContent content = SafeTensors.read(fixture(name), backend())) {
            Map<String, Tensor> file = content.tensors();
            Map<String, Tensor> state = new LinkedHashMap<>();
            file.forEach((key, value) -> {
                if (key.startsWith("param.")) {
                    state.put(key.substring("param.".length()), value);
                }
            });
            layer.loadStateDict(state);
            Tensor input = file.get("input").detach().requiresGrad(true);
            Tensor h0 = file.get("h0").detach().requiresGrad(true);
            Tensor c0 = file.containsKey("c0") ? file.get("c0").detach().requiresGrad(true) : null;
            Padding padding = padded ? Padding.lengths(file.get("lengths").toIntArray()) : null;
            RecurrentOutput out = layer.forward(input, new RecurrentState(h0, c0), padding);
            Map<String, Tensor> results = new LinkedHashMap<>();
            results.put("output", out.output());
            results.put("h_n", out.state().h());
            if (c0 != null) {
                results.put("c_n", out.state().c());
            }
            Tensor loss = null;
            for (Map.Entry<String, Tensor> result : results.entrySet()) {
                compare(name + " " + result.getKey(), file.get(result.getKey()), result.getValue());
                Tensor term = result.getValue().mul(file.get("r." + result.getKey())).sum();
                loss = loss == null ? term : loss.add(term);
            }
            loss.backward();
            compare(name + " grad input", file.get("grad.input"), input.grad());
            compare(name + " grad h0", file.get("grad.h0"), h0.grad());
            if (c0 != null) {
                compare(name + " grad c0", file.get("grad.c0"), c0.grad());
            }
            layer.namedParameters().forEach((key, p) -> compare(name + " grad " + key, file.get("grad.param." + key), p.grad()));
        }
    }

    private static void compare(String what, Tensor expected, Tensor actual) {
        assertNotNull(actual, what + ": missing");
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        assertClose(what, doubles(expected), actual.toFloatArray(), TOLERANCE, TOLERANCE);
    }

    /** The resource copied to a file, as SafeTensors reads paths (the test-jar may be a jar). */
    private Path fixture(String name) throws IOException {
        Path file = dir.resolve(name + ".safetensors");
        try (InputStream in = RecurrentTorchConformance.class.getResourceAsStream("recurrent/" + name + ".safetensors")) {
            assertNotNull(in, "fixture recurrent/" + name + ".safetensors missing; run scripts/make-recurrent-fixtures");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }
}
