package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.jgrad.DType;
import org.jgrad.backend.Backend;
import org.jgrad.backend.Buffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reluBackward primitive: grad * (x <= 0 ? 0 : 1) element by element (a NaN input passes the
 * gradient, a non-positive one gives grad * 0: -0 for a negative gradient, NaN for an infinite
 * one), exactly, on the backend and on the SPI's composed default, whose bits it has.
 */
public class ReluGradientPrimitiveConformance extends ConformanceSupport {

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 129, 1000, 70001})
    void isGradTimesTheStepExactlyOnBothRoutes(int n) {
        float[] x = randomFloats(n, 81);
        float[] grad = randomFloats(n, 82);
        float[] special = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -1f};
        for (int i = 0; i < n; i += 5) {
            x[i] = special[(i / 5) % special.length];
            grad[(i + 2) % n] = special[(i / 5 + 3) % special.length];
        }
        float[] expected = new float[n];
        for (int i = 0; i < n; i++) {
            expected[i] = grad[i] * (x[i] <= 0 ? 0f : 1f);
        }
        for (Backend route : new Backend[] {backend(), new ForwardingBackend(backend())}) {
            Buffer out = route.allocate(DType.FLOAT32, n);
            route.reluBackward(upload(x), upload(grad), out);
            assertArrayEquals(expected, route.downloadFloat(out), "reluBackward of " + n + " elements, " + route);
        }
    }
}
