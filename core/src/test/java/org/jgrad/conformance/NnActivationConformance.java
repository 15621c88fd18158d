package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.jgrad.Generator;
import org.jgrad.Tensor;
import org.jgrad.nn.Dropout;
import org.jgrad.nn.GELU;
import org.jgrad.nn.LeakyReLU;
import org.jgrad.nn.Linear;
import org.jgrad.nn.Module;
import org.jgrad.nn.ReLU;
import org.jgrad.nn.Sequential;
import org.jgrad.nn.Sigmoid;
import org.jgrad.nn.Softmax;
import org.jgrad.nn.Tanh;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Activation modules, Softmax, Dropout in training and eval, and Sequential composition. */
public class NnActivationConformance extends NnSupport {

    static Stream<Arguments> activations() {
        return Stream.of(
                Arguments.of(new ReLU(), (DoubleUnaryOperator) x -> Math.max(0, x)),
                Arguments.of(new LeakyReLU(), (DoubleUnaryOperator) x -> x > 0 ? x : 0.01 * x),
                Arguments.of(new LeakyReLU(0.2), (DoubleUnaryOperator) x -> x > 0 ? x : 0.2 * x),
                Arguments.of(new Sigmoid(), (DoubleUnaryOperator) x -> 1 / (1 + Math.exp(-x))),
                Arguments.of(new Tanh(), (DoubleUnaryOperator) Math::tanh),
                Arguments.of(new GELU(), (DoubleUnaryOperator) NnReference::gelu));
    }

    @ParameterizedTest
    @MethodSource("activations")
    void activationModulesApplyTheirFunctionElementwise(Module activation, DoubleUnaryOperator f) {
        float[] x = randomFloats(3 * 129, 8, -3, 3);
        Tensor y = activation.forward(tensor(x, 3, 129));
        assertArrayEquals(new int[] {3, 129}, y.shape());
        double[] expected = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            expected[i] = f.applyAsDouble(x[i]);
        }
        assertClose(activation.toString(), expected, y.toFloatArray(), 1e-5, 1e-6);
        assertEquals(0, activation.parameterCount());
    }

    @Test
    void softmaxNormalisesAlongItsDimension() {
        float[] x = randomFloats(4 * 7, 9, -4, 4);
        double[] expected = NnReference.softmaxLast(doubles(x), 7);
        assertClose("softmax(-1)", expected, new Softmax(-1).forward(tensor(x, 4, 7)).toFloatArray(), 1e-5, 1e-7);
        // along dim 0 of the transposed layout: the same numbers, transposed back
        float[] transposed = new float[x.length];
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 7; c++) {
                transposed[c * 4 + r] = x[r * 7 + c];
            }
        }
        float[] y0 = new Softmax(0).forward(tensor(transposed, 7, 4)).toFloatArray();
        float[] back = new float[y0.length];
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 7; c++) {
                back[r * 7 + c] = y0[c * 4 + r];
            }
        }
        assertClose("softmax(0)", expected, back, 1e-5, 1e-7);
    }

    @Test
    void dropoutInTrainingKeepsOneMinusPScaledAndInEvalIsTheIdentity() {
        double p = 0.3;
        int n = 200 * 500;
        float[] x = randomFloats(n, 10, 0.5, 1.5);
        Tensor input = tensor(x, 200, 500);
        Dropout dropout = new Dropout(p, new Generator(77));
        float[] y = dropout.forward(input).toFloatArray();
        float[] again = dropout.forward(input).toFloatArray();
        int zeros = 0;
        for (int i = 0; i < n; i++) {
            if (y[i] == 0) {
                zeros++;
            } else {
                assertEquals(x[i] / (1 - p), y[i], 1e-6 * Math.abs(y[i]), "kept element " + i + " is scaled by 1/(1-p)");
            }
        }
        double sigma = Math.sqrt(p * (1 - p) / n);
        assertEquals(p, zeros / (double) n, 5 * sigma, "fraction dropped");
        dropout.eval();
        assertSame(input, dropout.forward(input), "eval mode passes the input through");
        assertFalse(Arrays.equals(y, again), "a new mask at each call");
    }

    @Test
    void dropoutMasksFollowTheGeneratorOrTheGlobalSeed() {
        Tensor input = tensor(randomFloats(1000, 11, 0.5, 1.5), 1000);
        float[] a = new Dropout(0.5, new Generator(5)).forward(input).toFloatArray();
        float[] b = new Dropout(0.5, new Generator(5)).forward(input).toFloatArray();
        assertArrayEquals(a, b, "same generator seed, same mask");
        Dropout global = new Dropout(0.5);
        Generator.manualSeed(42);
        float[] c = global.forward(input).toFloatArray();
        Generator.manualSeed(42);
        float[] d = global.forward(input).toFloatArray();
        Generator.manualSeed(43);
        float[] e = global.forward(input).toFloatArray();
        assertArrayEquals(c, d, "manualSeed restarts the global generator");
        assertFalse(Arrays.equals(c, e), "another seed, another mask");
        assertSame(input, new Dropout(0).forward(input), "p = 0 is the identity");
        assertThrows(IllegalArgumentException.class, () -> new Dropout(1));
        assertThrows(IllegalArgumentException.class, () -> new Dropout(-0.1));
    }

    @Test
    void sequentialAppliesItsLayersInOrderAndEvalReachesThem() {
        Linear first = new Linear(5, 7);
        Dropout dropout = new Dropout(0.5);
        Linear second = new Linear(7, 3);
        Sequential model = new Sequential(first, new Tanh(), dropout, second);
        assertEquals(4, model.size());
        assertSame(second, model.get(3));
        model.eval();
        float[] x = randomFloats(6 * 5, 12);
        double[] hidden = NnReference.linear(doubles(x), 5, doubles(first.weight()), 7, doubles(first.bias()));
        for (int i = 0; i < hidden.length; i++) {
            hidden[i] = Math.tanh(hidden[i]);
        }
        double[] expected = NnReference.linear(hidden, 7, doubles(second.weight()), 3, doubles(second.bias()));
        Tensor y = model.forward(tensor(x, 6, 5));
        assertArrayEquals(new int[] {6, 3}, y.shape());
        assertClose("sequential", expected, y.toFloatArray(), 1e-5, 1e-6);
        assertFalse(dropout.isTraining());
    }
}
