package org.jgrad.conformance;

import org.jgrad.backend.Backend;
import org.jgrad.backend.Buffer;
import org.jgrad.backend.LstmSequence;
import org.junit.jupiter.api.Test;

/**
 * The SPI's LSTM recurrence, {@code lstmSequenceForward/Backward}, against a float64 reference
 * written here: the backend's own version, and the SPI's stepwise composed default (reached through
 * {@link CountingBackend}, which overrides neither). Nine rows (on the CPU, split across threads
 * with a partial register tile), padded rows at some steps, initial state and every slot's gradient
 * non-zero.
 */
public class LstmSequencePrimitiveConformance extends ConformanceSupport {
    private static final int STEPS = 4;
    private static final int BATCH = 9;
    private static final int HIDDEN = 5;
    private static final int GATES = 4 * HIDDEN;
    private static final int WIDTH = 2 * HIDDEN;

    @Test
    void backendsOwnSequence() {
        check(backend(), "backend's own");
    }

    @Test
    void stepwiseComposedDefault() {
        check(new CountingBackend(backend()), "stepwise composed default");
    }

    private void check(Backend backend, String which) {
        boolean[][] valid = new boolean[STEPS][BATCH];
        for (int k = 0; k < STEPS; k++) {
            for (int b = 0; b < BATCH; b++) {
                valid[k][b] = (k + 2 * b) % 5 != 1;
            }
        }
        float[] pre = randomFloats(STEPS * BATCH * GATES, 1, -2, 2);
        float[] weight = randomFloats(GATES * HIDDEN, 2, -0.5, 0.5);
        float[] states = randomFloats((STEPS + 1) * BATCH * WIDTH, 3, -1, 1);
        float[] dStates = randomFloats((STEPS + 1) * BATCH * WIDTH, 4, -1, 1);
        Reference expected = new Reference(pre, weight, states, dStates, valid);
        LstmSequence seq = new LstmSequence(STEPS, BATCH, HIDDEN, valid);
        Buffer gates = put(backend, pre);
        Buffer stateBuffer = put(backend, states);
        Buffer weightBuffer = put(backend, weight);
        backend.lstmSequenceForward(seq, gates, weightBuffer, stateBuffer);
        assertClose(which + " forward gates", expected.gates, backend.downloadFloat(gates), 1e-5, 1e-6);
        assertClose(which + " forward states", expected.states, backend.downloadFloat(stateBuffer), 1e-5, 1e-6);
        Buffer dGates = put(backend, randomFloats(pre.length, 5, -1, 1));
        Buffer dInitial = put(backend, randomFloats(BATCH * WIDTH, 6, -1, 1));
        backend.lstmSequenceBackward(seq, gates, weightBuffer, stateBuffer, put(backend, dStates), dGates, dInitial);
        assertClose(which + " backward gate gradients", expected.dGates, backend.downloadFloat(dGates), 1e-5, 1e-6);
        assertClose(which + " backward initial-state gradient", expected.dInitial, backend.downloadFloat(dInitial), 1e-5, 1e-6);
    }

    /** The recurrence and its gradient in float64, row by row, straight from the definitions. */
    private static final class Reference {
        final double[] gates = new double[STEPS * BATCH * GATES];
        final double[] states;
        final double[] dGates = new double[STEPS * BATCH * GATES];
        final double[] dInitial = new double[BATCH * WIDTH];

        Reference(float[] pre, float[] weight, float[] initialStates, float[] dStates, boolean[][] valid) {
            states = doubles(initialStates);
            for (int k = 0; k < STEPS; k++) {
                for (int b = 0; b < BATCH; b++) {
                    int g = (k * BATCH + b) * GATES;
                    int p = (k * BATCH + b) * WIDTH;
                    int n = ((k + 1) * BATCH + b) * WIDTH;
                    for (int r = 0; r < GATES; r++) {
                        double sum = pre[g + r];
                        for (int m = 0; m < HIDDEN; m++) {
                            sum += states[p + m] * weight[r * HIDDEN + m];
                        }
                        gates[g + r] = r / HIDDEN == 2 ? Math.tanh(sum) : 1 / (1 + Math.exp(-sum));
                    }
                    for (int j = 0; j < HIDDEN; j++) {
                        double c = gates[g + HIDDEN + j] * states[p + HIDDEN + j] + gates[g + j] * gates[g + 2 * HIDDEN + j];
                        states[n + HIDDEN + j] = valid[k][b] ? c : states[p + HIDDEN + j];
                        states[n + j] = valid[k][b] ? gates[g + 3 * HIDDEN + j] * Math.tanh(c) : states[p + j];
                    }
                }
            }
            double[] running = new double[BATCH * WIDTH];
            for (int i = 0; i < running.length; i++) {
                running[i] = dStates[STEPS * BATCH * WIDTH + i];
            }
            for (int k = STEPS - 1; k >= 0; k--) {
                for (int b = 0; b < BATCH; b++) {
                    if (valid[k][b]) {
                        undoStep(k, b, weight, running);
                    }
                    for (int i = 0; i < WIDTH; i++) {
                        running[b * WIDTH + i] += dStates[(k * BATCH + b) * WIDTH + i];
                    }
                }
            }
            System.arraycopy(running, 0, dInitial, 0, running.length);
        }

        /** Replaces row b of {@code running}, the gradient of slot k + 1, with that of slot k through step k. */
        private void undoStep(int k, int b, float[] weight, double[] running) {
            int g = (k * BATCH + b) * GATES;
            int p = (k * BATCH + b) * WIDTH;
            int n = ((k + 1) * BATCH + b) * WIDTH;
            double[] dPrev = new double[WIDTH];
            for (int j = 0; j < HIDDEN; j++) {
                double i = gates[g + j];
                double f = gates[g + HIDDEN + j];
                double gg = gates[g + 2 * HIDDEN + j];
                double o = gates[g + 3 * HIDDEN + j];
                double t = Math.tanh(states[n + HIDDEN + j]);
                double dh = running[b * WIDTH + j];
                double dc = running[b * WIDTH + HIDDEN + j] + dh * o * (1 - t * t);
                dGates[g + j] = dc * gg * i * (1 - i);
                dGates[g + HIDDEN + j] = dc * states[p + HIDDEN + j] * f * (1 - f);
                dGates[g + 2 * HIDDEN + j] = dc * i * (1 - gg * gg);
                dGates[g + 3 * HIDDEN + j] = dh * t * o * (1 - o);
                dPrev[HIDDEN + j] = dc * f;
            }
            for (int m = 0; m < HIDDEN; m++) {
                for (int r = 0; r < GATES; r++) {
                    dPrev[m] += dGates[g + r] * weight[r * HIDDEN + m];
                }
            }
            System.arraycopy(dPrev, 0, running, b * WIDTH, WIDTH);
        }
    }

    private static Buffer put(Backend backend, float[] values) {
        Buffer buffer = backend.allocate(org.jgrad.DType.FLOAT32, values.length);
        backend.upload(values, buffer);
        return buffer;
    }
}
