package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.jgrad.Generator;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.nn.BatchNorm2d;
import org.jgrad.nn.Conv2d;
import org.jgrad.nn.Embedding;
import org.jgrad.nn.Linear;
import org.jgrad.nn.init.FanMode;
import org.jgrad.nn.init.Init;
import org.jgrad.nn.init.Nonlinearity;
import org.junit.jupiter.api.Test;

/**
 * Initializers checked by the statistics of large tensors: every value inside the uniform bound
 * and the bound nearly reached; mean within 5 standard errors; standard deviation within 1% (the
 * sampling error at these sizes is below 0.2%, a wrong gain or fan is off by 15% or more).
 */
public class NnInitConformance extends NnSupport {
    /** A conv weight: fan_in = 128 * 9 = 1152, fan_out = 256 * 9 = 2304; 294912 values. */
    private static final int[] WEIGHT = {256, 128, 3, 3};
    private static final int FAN_IN = 1152;
    private static final int FAN_OUT = 2304;

    @Test
    void fansAndGainsFollowPyTorch() {
        assertEquals(FAN_IN, Init.fanIn(WEIGHT));
        assertEquals(FAN_OUT, Init.fanOut(WEIGHT));
        assertEquals(7, Init.fanIn(new int[] {3, 7}));
        assertEquals(3, Init.fanOut(new int[] {3, 7}));
        assertEquals(1, Nonlinearity.LINEAR.gain(), 0);
        assertEquals(1, Nonlinearity.SIGMOID.gain(), 0);
        assertEquals(5.0 / 3, Nonlinearity.TANH.gain(), 1e-15);
        assertEquals(Math.sqrt(2), Nonlinearity.RELU.gain(), 1e-15);
        assertEquals(Math.sqrt(2 / 1.0001), Nonlinearity.LEAKY_RELU.gain(), 1e-15);
        assertEquals(Math.sqrt(2 / 1.04), Nonlinearity.LEAKY_RELU.gain(0.2), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> Init.xavierUniform(Tensors.zeros(5)));
    }

    @Test
    void uniformNormalAndConstantFillInPlace() {
        Tensor t = Tensors.zeros(WEIGHT);
        assertSame(t, Init.uniform(t, -0.5, 2.5, new Generator(1)));
        assertUniform("uniform(-0.5, 2.5)", t.toFloatArray(), -0.5, 2.5);
        assertSame(t, Init.normal(t, 3, 0.5, new Generator(2)));
        assertStats("normal(3, 0.5)", t.toFloatArray(), 3, 0.5);
        Init.constant(t, 0.25);
        assertTrue(allEqual(t.toFloatArray(), 0.25f));
        Init.ones(t);
        assertTrue(allEqual(t.toFloatArray(), 1f));
        Init.zeros(t);
        assertTrue(allEqual(t.toFloatArray(), 0f));
    }

    @Test
    void xavierScalesByFanInPlusFanOut() {
        Tensor t = Tensors.zeros(WEIGHT);
        double gain = 5.0 / 3;
        double std = gain * Math.sqrt(2.0 / (FAN_IN + FAN_OUT));
        Init.xavierUniform(t, gain, new Generator(3));
        assertUniform("xavier uniform", t.toFloatArray(), -std * Math.sqrt(3), std * Math.sqrt(3));
        Init.xavierNormal(t, gain, new Generator(4));
        assertStats("xavier normal", t.toFloatArray(), 0, std);
        Init.xavierUniform(t);
        assertUniform("xavier uniform, gain 1", t.toFloatArray(), -Math.sqrt(6.0 / (FAN_IN + FAN_OUT)),
                Math.sqrt(6.0 / (FAN_IN + FAN_OUT)));
    }

    @Test
    void kaimingScalesByTheChosenFanAndGain() {
        Tensor t = Tensors.zeros(WEIGHT);
        Init.kaimingUniform(t);
        double reluBound = Math.sqrt(3) * Math.sqrt(2) / Math.sqrt(FAN_IN);
        assertUniform("kaiming uniform default", t.toFloatArray(), -reluBound, reluBound);
        Init.kaimingUniform(t, 0.2, FanMode.FAN_OUT, Nonlinearity.LEAKY_RELU, new Generator(5));
        double leakyBound = Math.sqrt(3) * Math.sqrt(2 / 1.04) / Math.sqrt(FAN_OUT);
        assertUniform("kaiming uniform fan_out leaky 0.2", t.toFloatArray(), -leakyBound, leakyBound);
        Init.kaimingNormal(t, 0, FanMode.FAN_IN, Nonlinearity.TANH, new Generator(6));
        assertStats("kaiming normal tanh", t.toFloatArray(), 0, 5.0 / 3 / Math.sqrt(FAN_IN));
        Init.kaimingNormal(t);
        assertStats("kaiming normal default", t.toFloatArray(), 0, Math.sqrt(2) / Math.sqrt(FAN_IN));
        Init.kaimingNormal(t, 0, FanMode.FAN_OUT, Nonlinearity.RELU, new Generator(7));
        assertStats("kaiming normal fan_out relu", t.toFloatArray(), 0, Math.sqrt(2) / Math.sqrt(FAN_OUT));
    }

    @Test
    void layersStartWithPyTorchsDefaults() {
        Linear linear = new Linear(1000, 300);
        double bound = 1 / Math.sqrt(1000);
        assertUniform("Linear weight", linear.weight().toFloatArray(), -bound, bound);
        assertWithin("Linear bias", linear.bias().toFloatArray(), bound);
        Conv2d conv = new Conv2d(32, 64, 5, 1, 0, 1, 2, true);
        double convBound = 1 / Math.sqrt(16 * 25);
        assertUniform("Conv2d weight", conv.weight().toFloatArray(), -convBound, convBound);
        assertWithin("Conv2d bias", conv.bias().toFloatArray(), convBound);
        assertStats("Embedding weight", new Embedding(1000, 300).weight().toFloatArray(), 0, 1);
        BatchNorm2d bn = new BatchNorm2d(7);
        assertTrue(allEqual(bn.parameter("weight").toFloatArray(), 1f) && allEqual(bn.parameter("bias").toFloatArray(), 0f));
    }

    @Test
    void theGlobalSeedMakesModelsReproducible() {
        Generator.manualSeed(123);
        float[] first = new Linear(20, 10).weight().toFloatArray();
        Generator.manualSeed(123);
        float[] again = new Linear(20, 10).weight().toFloatArray();
        float[] next = new Linear(20, 10).weight().toFloatArray();
        assertArrayEquals(first, again);
        assertFalse(Arrays.equals(first, next), "the next layer draws further along the stream");
    }

    private static void assertUniform(String what, float[] values, double low, double high) {
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (float v : values) {
            assertTrue(v >= low && v < high, what + ": " + v + " outside [" + low + ", " + high + ")");
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        double width = high - low;
        assertTrue(max > high - 0.01 * width && min < low + 0.01 * width, what + ": range [" + min + ", " + max + "]");
        assertStats(what, values, (low + high) / 2, width / Math.sqrt(12));
    }

    /** Every |value| within bound, the largest above 80% of it (a few hundred values). */
    private static void assertWithin(String what, float[] values, double bound) {
        double largest = 0;
        for (float v : values) {
            assertTrue(Math.abs(v) <= bound, what + ": " + v + " outside +-" + bound);
            largest = Math.max(largest, Math.abs(v));
        }
        assertTrue(largest > 0.8 * bound, what + ": largest |value| " + largest + " of bound " + bound);
    }

    private static void assertStats(String what, float[] values, double mean, double std) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        double sampleMean = sum / values.length;
        double squares = 0;
        for (float v : values) {
            squares += (v - sampleMean) * (v - sampleMean);
        }
        double sampleStd = Math.sqrt(squares / (values.length - 1));
        assertEquals(mean, sampleMean, 5 * std / Math.sqrt(values.length), what + ": mean");
        assertEquals(std, sampleStd, 0.01 * std, what + ": standard deviation");
    }

    private static boolean allEqual(float[] values, float expected) {
        for (float v : values) {
            if (v != expected) {
                return false;
            }
        }
        return true;
    }
}
