package org.jgrad.backend;

import org.jgrad.DType;

/**
 * {@link Backend#lstmSequenceForward} and {@link Backend#lstmSequenceBackward} as a loop over the
 * steps: at each one a GEMM with the recurrent weight (prepared once for the sequence) and the
 * composed cell ({@link ComposedLstmCell}). What a backend gets without writing its own.
 */
final class StepwiseLstm {
    private StepwiseLstm() {
    }

    static void forward(Backend backend, LstmSequence seq, Buffer gates, Buffer weightHh, Buffer states) {
        int slot = seq.batch() * seq.stateWidth();
        try (PreparedB weight = backend.prepareGemmB(seq.forwardProduct(0), weightHh)) {
            for (int k = 0; k < seq.steps(); k++) {
                backend.gemm(seq.forwardProduct(k), states, weight, gates);
                ComposedLstmCell.forward(backend, seq.batch(), seq.hidden(), gates, k * seq.batch() * seq.gateWidth(), states,
                        k * slot, (k + 1) * slot);
                RecurrentPadding.copyRows(backend, validAt(seq, k), states, k * slot, states, (k + 1) * slot, seq.stateWidth());
            }
        }
    }

    static void backward(Backend backend, LstmSequence seq, Buffer gates, Buffer weightHh, Buffer states, Buffer dStates,
                         Buffer dGates, Buffer dInitial) {
        int width = seq.stateWidth();
        int slot = seq.batch() * width;
        Buffer running = backend.allocateUninitialized(DType.FLOAT32, slot);
        Buffer dPrev = backend.allocateUninitialized(DType.FLOAT32, slot);
        Buffer dSlot = backend.allocateUninitialized(DType.FLOAT32, slot);
        int[] flat = {slot};
        int[] unit = {1};
        try (PreparedB weight = backend.prepareGemmB(seq.backwardProduct(0), weightHh)) {
            backend.copy(flat, dStates, seq.steps() * slot, unit, running, 0, unit);
            for (int k = seq.steps() - 1; k >= 0; k--) {
                int gateBlock = k * seq.batch() * seq.gateWidth();
                ComposedLstmCell.backward(backend, seq.batch(), seq.hidden(), gates, gateBlock, states, k * slot, (k + 1) * slot,
                        running, dGates, dPrev);
                RecurrentPadding.zeroRows(backend, validAt(seq, k), dGates, gateBlock, seq.gateWidth());
                backend.gemm(seq.backwardProduct(k), dGates, weight, dPrev);
                RecurrentPadding.copyRows(backend, validAt(seq, k), running, 0, dPrev, 0, width);
                backend.copy(flat, dStates, k * slot, unit, dSlot, 0, unit);
                backend.binary(BinaryOp.ADD, flat, dPrev, unit, dSlot, unit, running);
            }
            backend.copy(flat, running, 0, unit, dInitial, 0, unit);
        } finally {
            backend.free(running);
            backend.free(dPrev);
            backend.free(dSlot);
        }
    }

    private static boolean[] validAt(LstmSequence seq, int k) {
        return seq.valid() == null ? null : seq.valid()[k];
    }
}
