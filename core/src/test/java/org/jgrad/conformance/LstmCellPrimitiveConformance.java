package org.jgrad.conformance;

import org.jgrad.backend.Backend;
import org.jgrad.backend.Buffer;
import org.junit.jupiter.api.Test;

/**
 * The SPI's fused LSTM cell step, {@code lstmCellForward/Backward}, against a float64 reference
 * written here: the backend's own version, and the SPI's composed default (reached through
 * {@link CountingBackend}, which overrides neither), at non-zero offsets into the state and
 * gradient buffers.
 */
public class LstmCellPrimitiveConformance extends ConformanceSupport {
    private static final int BATCH = 3;
    private static final int HIDDEN = 5;
    private static final int WIDTH = 2 * HIDDEN;
    private static final int PREV = BATCH * WIDTH;
    private static final int NEXT = 2 * BATCH * WIDTH;
    private static final int GATES_OFFSET = BATCH * 4 * HIDDEN;

    @Test
    void backendsOwnStep() {
        check(backend(), "backend's own");
    }

    @Test
    void composedDefaultStep() {
        check(new CountingBackend(backend()), "composed default");
    }

    private void check(Backend backend, String which) {
        float[] pre = randomFloats(BATCH * 4 * HIDDEN, 1, -2, 2);
        float[] states = randomFloats(3 * BATCH * WIDTH, 2, -1, 1);
        float[] dNext = randomFloats(BATCH * WIDTH, 3, -1, 1);
        Buffer gates = put(backend, pre);
        Buffer stateBuffer = put(backend, states);
        backend.lstmCellForward(BATCH, HIDDEN, gates, stateBuffer, PREV, NEXT);
        double[] act = new double[pre.length];
        double[] expectedStates = doubles(states);
        double[] dGates = new double[2 * GATES_OFFSET];
        double[] dPrev = new double[BATCH * WIDTH];
        for (int b = 0; b < BATCH; b++) {
            for (int j = 0; j < HIDDEN; j++) {
                int g = b * 4 * HIDDEN + j;
                double i = sigmoid(pre[g]);
                double f = sigmoid(pre[g + HIDDEN]);
                double gg = Math.tanh(pre[g + 2 * HIDDEN]);
                double o = sigmoid(pre[g + 3 * HIDDEN]);
                double c = states[PREV + b * WIDTH + HIDDEN + j];
                double cNext = f * c + i * gg;
                double tanhC = Math.tanh(cNext);
                act[g] = i;
                act[g + HIDDEN] = f;
                act[g + 2 * HIDDEN] = gg;
                act[g + 3 * HIDDEN] = o;
                expectedStates[NEXT + b * WIDTH + j] = o * tanhC;
                expectedStates[NEXT + b * WIDTH + HIDDEN + j] = cNext;
                double dh = dNext[b * WIDTH + j];
                double dc = dNext[b * WIDTH + HIDDEN + j] + dh * o * (1 - tanhC * tanhC);
                int d = GATES_OFFSET + g;
                dGates[d] = dc * gg * i * (1 - i);
                dGates[d + HIDDEN] = dc * c * f * (1 - f);
                dGates[d + 2 * HIDDEN] = dc * i * (1 - gg * gg);
                dGates[d + 3 * HIDDEN] = dh * tanhC * o * (1 - o);
                dPrev[b * WIDTH + HIDDEN + j] = dc * f;
            }
        }
        assertClose(which + " forward gates", act, backend.downloadFloat(gates), 1e-5, 1e-6);
        assertClose(which + " forward states", expectedStates, backend.downloadFloat(stateBuffer), 1e-5, 1e-6);
        Buffer dGatesBuffer = put(backend, new float[2 * GATES_OFFSET]);
        Buffer dPrevBuffer = put(backend, randomFloats(BATCH * WIDTH, 4, -1, 1));
        backend.lstmCellBackward(BATCH, HIDDEN, gates, stateBuffer, PREV, NEXT, put(backend, dNext), dGatesBuffer,
                GATES_OFFSET, dPrevBuffer);
        assertClose(which + " backward gate gradients", dGates, backend.downloadFloat(dGatesBuffer), 1e-5, 1e-6);
        assertClose(which + " backward previous-state gradient", dPrev, backend.downloadFloat(dPrevBuffer), 1e-5, 1e-6);
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static Buffer put(Backend backend, float[] values) {
        Buffer buffer = backend.allocate(org.jgrad.DType.FLOAT32, values.length);
        backend.upload(values, buffer);
        return buffer;
    }
}
