package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;
import org.jgrad.DType;
import org.jgrad.backend.Backend;
import org.jgrad.backend.Buffer;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * Base of every conformance class. Wiring: a backend's test module names its {@link BackendUnderTest}
 * in META-INF/services, and every concrete {@code *Conformance} class here then runs on it (no file per suite).
 * Helpers here build test data (random, never all zeros) and compare with float64 references
 * computed in the test itself.
 */
@ExtendWith(SuiteBackend.class)
public abstract class ConformanceSupport {

    /** The backend under test (the module's {@link BackendUnderTest}). */
    protected final Backend backend() {
        return SuiteBackend.get();
    }

    /** n uniform values in [lo, hi), reproducible from seed. */
    protected static float[] randomFloats(int n, long seed, double lo, double hi) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (lo + (hi - lo) * random.nextDouble());
        }
        return values;
    }

    /** n uniform values in [-1, 1). */
    protected static float[] randomFloats(int n, long seed) {
        return randomFloats(n, seed, -1, 1);
    }

    /** n integers uniform in [0, bound), reproducible from seed: gather indices, class labels. */
    protected static int[] randomIndices(int n, int bound, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] indices = new int[n];
        for (int k = 0; k < n; k++) {
            indices[k] = random.nextInt(bound);
        }
        return indices;
    }

    /** The values widened to float64 (exactly): the starting point of a float64 reference. */
    /** Integer labels as FLOAT32 values (class-index targets, BCE targets). */
    protected static float[] labelsAsFloats(int[] labels) {
        float[] out = new float[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = labels[i];
        }
        return out;
    }

    protected static double[] doubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /** A FLOAT32 buffer on the backend under test holding {@code values}. */
    protected Buffer upload(float[] values) {
        Buffer buffer = backend().allocate(DType.FLOAT32, values.length);
        backend().upload(values, buffer);
        return buffer;
    }

    /** An INT32 buffer on the backend under test holding {@code values}. */
    protected Buffer upload(int[] values) {
        Buffer buffer = backend().allocate(DType.INT32, values.length);
        backend().upload(values, buffer);
        return buffer;
    }

    /**
     * Fails unless |actual - expected| <= atol + rtol * |expected| everywhere (NaN matches NaN,
     * infinities match exactly), naming the first index that differs.
     */
    protected static void assertClose(String what, double[] expected, float[] actual, double rtol, double atol) {
        if (expected.length != actual.length) {
            fail(what + ": expected " + expected.length + " elements, got " + actual.length);
        }
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i];
            double a = actual[i];
            boolean ok = Double.isNaN(e) ? Double.isNaN(a)
                    : Double.isInfinite(e) ? e == a
                    : Math.abs(a - e) <= atol + rtol * Math.abs(e);
            if (!ok) {
                fail(what + ": element " + i + " is " + a + ", expected " + e + " (rtol " + rtol + ", atol " + atol + ")");
            }
        }
    }

    /** Asserts that call throws type with a message that mentions every one of parts; returns the exception. */
    protected static <T extends Throwable> T assertRejected(Class<T> type, Executable call, String... parts) {
        T e = assertThrows(type, call);
        String message = String.valueOf(e.getMessage());
        for (String part : parts) {
            assertTrue(message.contains(part), "message should mention " + part + ": " + message);
        }
        return e;
    }
}
