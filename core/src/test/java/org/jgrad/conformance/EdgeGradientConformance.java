package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PyTorch's values and gradients at the edges: ties in max/min without a dim, NaN inputs to relu,
 * abs, maximum/minimum, max/min along a dim and max pooling, pow at base 0, std where it is 0,
 * tanh saturating to exactly +-1 (so saturated units pass no gradient).
 * The expected values are PyTorch 1.13's, written by scripts/fixtures/edge_gradients.py.
 */
public class EdgeGradientConformance extends TensorConformanceSupport {

    /** One fixture case: the op, its inputs, PyTorch's output and each input's gradient. */
    record Case(String op, List<int[]> shapes, List<float[]> inputs, int[] outShape, float[] out, List<float[]> grads) {
        @Override
        public String toString() {
            return op + " of " + inputs.stream().map(java.util.Arrays::toString).toList();
        }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                EdgeGradientConformance.class.getResourceAsStream("edge-gradients.txt"), StandardCharsets.UTF_8))) {
            Case current = null;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] parts = line.split(" ");
                switch (parts[0]) {
                    case "case" -> {
                        current = new Case(line.substring(5), new ArrayList<>(), new ArrayList<>(), null, null,
                                new ArrayList<>());
                        cases.add(current);
                    }
                    case "in" -> {
                        current.shapes().add(shapeOf(parts[1]));
                        current.inputs().add(values(parts, 2));
                    }
                    case "out" -> {
                        Case done = new Case(current.op(), current.shapes(), current.inputs(), shapeOf(parts[1]),
                                values(parts, 2), current.grads());
                        cases.set(cases.size() - 1, done);
                        current = done;
                    }
                    case "grad" -> current.grads().add(values(parts, 1));
                    default -> throw new IllegalStateException("edge-gradients.txt: unknown line " + line);
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void valuesAndGradientsMatchPyTorch(Case c) {
        Tensor[] inputs = new Tensor[c.inputs().size()];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = tensor(c.inputs().get(i), c.shapes().get(i)).requiresGrad(true);
        }
        Tensor out = apply(c.op(), inputs);
        assertArrayEquals(c.outShape(), out.shape(), c + ": output shape");
        assertSame(c + ": output", c.out(), out.toFloatArray());
        out.backward(Tensors.ones(out.shape()));
        for (int i = 0; i < inputs.length; i++) {
            assertSame(c + ": gradient of input " + i, c.grads().get(i), inputs[i].grad().toFloatArray());
        }
    }

    private static Tensor apply(String op, Tensor[] x) {
        if (op.startsWith("pow ")) {
            return x[0].pow(Float.parseFloat(op.substring(4)));
        }
        return switch (op) {
            case "max" -> x[0].max();
            case "min" -> x[0].min();
            case "max1" -> x[0].max(1, false);
            case "min1" -> x[0].min(1, false);
            case "relu" -> x[0].relu();
            case "tanh" -> x[0].tanh();
            case "abs" -> x[0].abs();
            case "maximum" -> x[0].maximum(x[1]);
            case "minimum" -> x[0].minimum(x[1]);
            case "maxpool2" -> x[0].maxPool2d(2, 2, 0);
            case "powt" -> x[0].pow(x[1]);
            case "std1" -> x[0].std(1, false);
            default -> throw new IllegalArgumentException("unknown op in the fixture: " + op);
        };
    }

    /** NaN where PyTorch has NaN, the same infinity, and finite values to 1e-5 relative. */
    private static void assertSame(String what, float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            float e = expected[i];
            float a = actual[i];
            boolean ok = Float.isNaN(e) ? Float.isNaN(a)
                    : Float.isInfinite(e) ? e == a : Math.abs(a - e) <= 1e-5 * Math.max(1, Math.abs(e));
            assertTrue(ok, what + " [" + i + "]: " + a + ", PyTorch " + e + "\n expected " + java.util.Arrays.toString(expected)
                    + "\n actual   " + java.util.Arrays.toString(actual));
        }
    }

    private static int[] shapeOf(String text) {
        return text.equals("scalar") ? new int[0] : parseShape(text);
    }

    private static float[] values(String[] parts, int from) {
        float[] v = new float[parts.length - from];
        for (int i = 0; i < v.length; i++) {
            v[i] = Float.parseFloat(parts[from + i]);
        }
        return v;
    }
}
