package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.jgrad.DType;
import org.jgrad.Generator;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.backend.Distribution;
import org.jgrad.backend.Philox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Factories (constant, range, array, random), reading values back, and toString. */
public class CreationConformance extends TensorConformanceSupport {

    @ParameterizedTest(name = "{0} elements")
    @ValueSource(ints = {1, 7, 129, 1000})
    void constantFactoriesFillEveryElement(int n) {
        int[] shape = {n, 1};
        assertExact("zeros", HostArray.zeros(shape), Tensors.zeros(shape));
        assertExact("ones", HostArray.zeros(shape).map(x -> 1), Tensors.ones(shape));
        assertExact("full", HostArray.zeros(shape).map(x -> -2.75), Tensors.full(-2.75f, shape));
        assertExact("ones on a backend", HostArray.zeros(shape).map(x -> 1), Tensors.ones(backend(), shape));
        assertExact("full on a backend", HostArray.zeros(shape).map(x -> 0.1f), Tensors.full(backend(), 0.1f, shape));
        assertIntTensor("INT32 zeros", shape, new int[n], Tensors.zeros(backend(), DType.INT32, shape));
    }

    @Test
    void zerosAreZeroEvenWhereFreedMemoryIsReused() {
        for (int round = 0; round < 3; round++) {
            Tensors.full(7f, 129, 7).close();
            assertExact("zeros after a freed full(7)", HostArray.zeros(129, 7), Tensors.zeros(129, 7));
        }
    }

    @Test
    void scalarHasNoDimensionsAndOneElement() {
        Tensor s = Tensors.scalar(-3.5f);
        assertArrayEquals(new int[0], s.shape());
        assertEquals(0, s.dim());
        assertEquals(1, s.numel());
        assertEquals(-3.5f, s.item());
    }

    @Test
    void integerArangeCountsFromStartBelowEnd() {
        assertIntTensor("arange(-3, 4)", new int[] {7}, new int[] {-3, -2, -1, 0, 1, 2, 3}, Tensors.arange(-3, 4));
        assertIntTensor("arange(5, 6)", new int[] {1}, new int[] {5}, Tensors.arange(5, 6));
        assertIntTensor("arange(2, 2)", new int[] {0}, new int[0], Tensors.arange(2, 2));
        int[] big = new int[1000];
        for (int i = 0; i < big.length; i++) {
            big[i] = i;
        }
        assertIntTensor("arange(0, 1000)", new int[] {1000}, big, Tensors.arange(0, 1000));
        assertRejected(IllegalArgumentException.class, () -> Tensors.arange(5, 3), "arange", "5", "3");
    }

    @ParameterizedTest(name = "arange({0}, {1}, {2})")
    @CsvSource({"0, 1, 0.1", "-2, 3, 0.5", "3, -2, -0.75", "1, 1, 1", "0.25, 100, 7"})
    void floatArangeStepsBelowEnd(float start, float end, float step) {
        int n = (int) Math.max(0, Math.ceil((end - (double) start) / step));
        double[] expected = new double[n];
        for (int i = 0; i < n; i++) {
            expected[i] = (float) (start + (double) i * step);
            assertTrue(step > 0 ? expected[i] < end : expected[i] > end, "reference stays short of end");
        }
        assertExact("arange", HostArray.of(expected, n), Tensors.arange(start, end, step));
    }

    @Test
    void floatArangeRejectsAZeroOrNanStep() {
        assertRejected(IllegalArgumentException.class, () -> Tensors.arange(0f, 1f, 0f), "arange", "step");
        assertRejected(IllegalArgumentException.class, () -> Tensors.arange(0f, 1f, Float.NaN), "arange", "step");
    }

    @Test
    void fromArrayKeepsRowMajorOrder() {
        HostArray host = HostArray.random(1, -4, 4, 3, 1, 7);
        Tensor t = Tensors.fromArray(host.toFloats(), 3, 1, 7);
        assertExact("fromArray", host, t);
        assertArrayEquals(host.toFloats(), t.toFloatArray());
        int[] ints = {4, -9, 0, 2147483, -16777216, 11};
        Tensor it = Tensors.fromArray(ints, 2, 3);
        assertIntTensor("int fromArray", new int[] {2, 3}, ints, it);
        assertArrayEquals(new float[] {4, -9, 0, 2147483, -16777216, 11}, it.toFloatArray(), "INT32 read as floats");
    }

    @Test
    void fromArrayRejectsAWrongLengthNamingItAndTheShape() {
        assertRejected(IllegalArgumentException.class, () -> Tensors.fromArray(new float[5], 2, 3), "5", shape(2, 3));
        assertRejected(IllegalArgumentException.class, () -> Tensors.fromArray(new int[7], 4, 2), "7", shape(4, 2));
        assertRejected(IllegalArgumentException.class, () -> Tensors.fromArray(new float[2]), "2", shape());
    }

    @Test
    void itemReadsTheOnlyElementAndRejectsMore() {
        assertEquals(2.25f, Tensors.fromArray(new float[] {2.25f}, 1, 1, 1).item());
        assertEquals(-7f, Tensors.fromArray(new int[] {-7}, 1).item());
        assertRejected(IllegalStateException.class, () -> Tensors.ones(2, 3).item(), "item", shape(2, 3));
    }

    @Test
    void toIntArrayRejectsFloatTensors() {
        assertRejected(IllegalStateException.class, () -> Tensors.ones(3).toIntArray(), "FLOAT32");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {0, 42, -7, 0x123456789ABCDEFL})
    void seededRandomFactoriesWritePhiloxSamplesFromPositionZero(long seed) {
        assertPhilox("rand", Distribution.UNIFORM, seed, 0, 0f, 1f, Tensors.rand(seed, 1000));
        assertPhilox("randn", Distribution.NORMAL, seed, 0, 0f, 1f, Tensors.randn(seed, 7, 129));
        assertPhilox("uniform", Distribution.UNIFORM, seed, 0, -3f, 0.5f, Tensors.uniform(-3f, 0.5f, seed, 129, 1));
        assertPhilox("normal", Distribution.NORMAL, seed, 0, 2f, 0.25f,
                Tensors.normal(2f, 0.25f, new Generator(seed), 1, 7));
        assertPhilox("rand of one", Distribution.UNIFORM, seed, 0, 0f, 1f, Tensors.rand(seed, 1));
    }

    @Test
    void sameSeedSameNumbersOtherSeedOtherNumbers() {
        assertArrayEquals(Tensors.rand(9, 129).toFloatArray(), Tensors.rand(9, 129).toFloatArray());
        assertArrayEquals(Tensors.randn(9, 129).toFloatArray(), Tensors.randn(9, 129).toFloatArray());
        assertFalse(Arrays.equals(Tensors.rand(9, 129).toFloatArray(), Tensors.rand(10, 129).toFloatArray()));
    }

    @Test
    void aGeneratorAdvancesSoTwoDrawsDiffer() {
        Generator generator = new Generator(5);
        Tensor first = Tensors.rand(generator, 7);
        Tensor second = Tensors.rand(generator, 7);
        Tensor third = Tensors.randn(generator, 3, 5);
        assertFalse(Arrays.equals(first.toFloatArray(), second.toFloatArray()), "two draws are equal");
        assertPhilox("first draw", Distribution.UNIFORM, 5, 0, 0f, 1f, first);
        assertPhilox("second draw", Distribution.UNIFORM, 5, 7, 0f, 1f, second);
        assertPhilox("third draw", Distribution.NORMAL, 5, 14, 0f, 1f, third);
        assertEquals(29, generator.offset());
    }

    @Test
    void uniformStaysInItsRange() {
        for (float v : Tensors.uniform(-0.5f, 0.25f, 3, 1000).toFloatArray()) {
            assertTrue(v >= -0.5f && v < 0.25f, v + " outside [-0.5, 0.25)");
        }
    }

    @Test
    void randomFactoriesRejectBadParameters() {
        assertRejected(IllegalArgumentException.class, () -> Tensors.uniform(1f, 1f, 0, 3), "uniform", "1.0");
        assertRejected(IllegalArgumentException.class, () -> Tensors.normal(0f, -1f, new Generator(0), 3), "normal", "-1.0");
    }

    @Test
    void toStringOfASmallTensorShowsValuesShapeAndDtype() {
        String text = Tensors.fromArray(new float[] {1f, -2.5f, 3.25f, 0.125f, 1e-5f, 100f}, 2, 3).toString();
        for (String part : new String[] {"1.0000", "-2.5000", "3.2500", "0.1250", "100.0000", shape(2, 3), "FLOAT32"}) {
            assertTrue(text.contains(part), "toString should show " + part + ": " + text);
        }
        assertEquals(2, text.lines().count(), "one line per row: " + text);
        assertTrue(text.indexOf("-2.5000") < text.indexOf("3.2500"), "row-major order: " + text);
        String ints = Tensors.fromArray(new int[] {3, -1, 7}, 3).toString();
        assertTrue(ints.contains("3, -1, 7") && ints.contains("INT32"), ints);
        String scalar = Tensors.scalar(0.5f).toString();
        assertTrue(scalar.contains("0.5000") && scalar.contains(shape()), scalar);
    }

    @Test
    void toStringOfALargeTensorIsASummary() {
        String text = Tensors.ones(100, 1000).toString();
        assertTrue(text.length() < 200 && text.contains(shape(100, 1000)), text);
    }

    private static void assertPhilox(String what, Distribution dist, long seed, long offset, float a, float b, Tensor t) {
        double[] expected = new double[t.numel()];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = Philox.sample(dist, seed, offset + i, a, b);
        }
        assertTensor(what, HostArray.of(expected, t.shape()), t, 0, 0);
    }
}
