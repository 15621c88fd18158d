package org.jgrad.cpu;

import org.jgrad.backend.Buffer;
import org.jgrad.backend.GemmShape;
import org.jgrad.backend.LstmSequence;
import org.jgrad.cpu.gemm.PackedB;
import org.jgrad.cpu.gemm.Sgemm;

/**
 * The CPU's {@code lstmSequenceForward/Backward}: the batch rows split across the threads once for
 * the whole sequence, each thread running every step of its rows (the recurrent GEMM for those rows,
 * then the fused cell) with no hand-off between steps. Rows do not interact within a step, so the
 * bits are those of the step-by-step loop with its GEMM split by columns, whatever the thread count;
 * that loop handed work to the other thread and waited for it twice a step (about a fifth of the
 * main thread's time in char-lm). W_hh is packed into the kernel's strips once a sequence.
 */
final class LstmSequenceRows {
    /**
     * False with {@code -Djgrad.cpu.fusedLstm=false}: the SPI's stepwise composed default runs
     * instead, to measure what this saves (docs/PERFORMANCE.md).
     */
    static final boolean FUSED = !"false".equalsIgnoreCase(System.getProperty("jgrad.cpu.fusedLstm", "true"));

    private LstmSequenceRows() {
    }

    static void forward(LstmSequence seq, Buffer gatesBuffer, Buffer weightHh, Buffer statesBuffer) {
        float[] gates = CpuBuffer.of(gatesBuffer).floats();
        float[] states = CpuBuffer.of(statesBuffer).floats();
        float[] weight = CpuBuffer.of(weightHh).floats();
        int width = seq.stateWidth();
        int slot = seq.batch() * width;
        try (PackedB packed = pack(seq.forwardProduct(0), weight, weightHh)) {
            splitRows(seq, (r0, r1) -> {
                for (int k = 0; k < seq.steps(); k++) {
                    int gateBlock = k * seq.batch() * seq.gateWidth();
                    Sgemm.multiplyRows(seq.forwardProduct(k), states, weight, packed, gates, r0, r1);
                    LstmCell.forwardRows(r0, r1, seq.hidden(), gates, gateBlock, states, k * slot, (k + 1) * slot);
                    for (int row = r0; row < r1; row++) {
                        if (seq.padded(k, row)) {
                            System.arraycopy(states, k * slot + row * width, states, (k + 1) * slot + row * width, width);
                        }
                    }
                }
            });
        }
    }

    static void backward(LstmSequence seq, Buffer gatesBuffer, Buffer weightHh, Buffer statesBuffer, Buffer dStatesBuffer,
                         Buffer dGatesBuffer, Buffer dInitialBuffer) {
        float[] gates = CpuBuffer.of(gatesBuffer).floats();
        float[] states = CpuBuffer.of(statesBuffer).floats();
        float[] dStates = CpuBuffer.of(dStatesBuffer).floats();
        float[] dGates = CpuBuffer.of(dGatesBuffer).floats();
        float[] dInitial = CpuBuffer.of(dInitialBuffer).floats();
        float[] weight = CpuBuffer.of(weightHh).floats();
        int width = seq.stateWidth();
        int gateWidth = seq.gateWidth();
        int slot = seq.batch() * width;
        // The gradient with respect to the state after the step being undone, and the one before it:
        // each thread reads and writes only its own rows of both.
        float[] running = new float[slot];
        float[] dPrev = new float[slot];
        try (PackedB packed = pack(seq.backwardProduct(0), weight, weightHh)) {
            splitRows(seq, (r0, r1) -> {
                int lo = r0 * width;
                int hi = r1 * width;
                System.arraycopy(dStates, seq.steps() * slot + lo, running, lo, hi - lo);
                for (int k = seq.steps() - 1; k >= 0; k--) {
                    int gateBlock = k * seq.batch() * gateWidth;
                    LstmCell.backwardRows(r0, r1, seq.hidden(), gates, gateBlock, states, k * slot, (k + 1) * slot,
                            running, dGates, dPrev);
                    for (int row = r0; row < r1; row++) {
                        if (seq.padded(k, row)) {
                            java.util.Arrays.fill(dGates, gateBlock + row * gateWidth, gateBlock + (row + 1) * gateWidth, 0f);
                        }
                    }
                    Sgemm.multiplyRows(seq.backwardProduct(k), dGates, weight, packed, dPrev, r0, r1);
                    for (int row = r0; row < r1; row++) {
                        if (seq.padded(k, row)) {
                            System.arraycopy(running, row * width, dPrev, row * width, width);
                        }
                    }
                    for (int i = lo; i < hi; i++) {
                        running[i] = dPrev[i] + dStates[k * slot + i];
                    }
                }
                System.arraycopy(running, lo, dInitial, lo, hi - lo);
            });
        }
    }

    /** W_hh in the kernel's strips on the Vector API path (the only one that reads them), else null. */
    private static PackedB pack(GemmShape product, float[] weight, Buffer weightHh) {
        return VectorSupport.gemmReady() ? PackedB.pack(product, weight, weightHh) : null;
    }

    /** Runs {@code body} over the batch rows in one chunk per thread, each a whole number of the GEMM's register tiles. */
    private static void splitRows(LstmSequence seq, Parallel.RangeBody body) {
        int step = Sgemm.rowStep();
        int tiles = (seq.batch() + step - 1) / step;
        Parallel.forRange(tiles, 1, (t0, t1) -> body.run(t0 * step, Math.min(seq.batch(), t1 * step)));
    }
}
