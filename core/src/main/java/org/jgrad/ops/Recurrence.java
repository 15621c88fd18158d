package org.jgrad.ops;

import static org.jgrad.internal.TensorAccess.buffer;

import java.util.ArrayList;
import java.util.List;
import org.jgrad.DType;
import org.jgrad.Function;
import org.jgrad.NoGrad;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.backend.Backend;
import org.jgrad.backend.GemmShape;
import org.jgrad.backend.LstmSequence;
import org.jgrad.backend.PreparedB;
import org.jgrad.backend.RecurrentPadding;

/**
 * A recurrent cell run over a whole sequence, forward and backward-through-time in one node: the
 * graph gets one node per layer and direction instead of a dozen per step. Inputs: gx (steps,
 * batch, gates * hidden), the input side x W_ih^T + b_ih of every step, computed by the caller in
 * one GEMM (plus b_hh where the mode folds it); W_hh (gates * hidden, hidden); b_hh (gates *
 * hidden) or null; the initial state (batch, stateWidth). Output: every state, (steps + 1, batch,
 * stateWidth), slot 0 the initial one. The LSTM's steps run inside the backend
 * ({@link Backend#lstmSequenceForward}, which the CPU splits by rows across its threads, with no
 * hand-off between steps); the GRU's and the RNN's here, each step one GEMM and one pointwise pass.
 * What it allocates is what backward keeps (the LSTM's activated gates, the GRU's r, z, n and
 * h W_hn^T + b_hn). A row marked invalid at a step keeps its state and receives no gradient there: padding.
 * dW_hh is one GEMM over all steps; dgx is the per-step gate gradients.
 */
final class Recurrence extends Function {
    private final RecurrentMode mode;
    private final CellPointwise cell;
    private final int steps;
    private final int batch;
    private final int hidden;
    private final boolean[][] valid;
    private final boolean hasBias;

    private Recurrence(RecurrentMode mode, int steps, int batch, int hidden, boolean[][] valid, boolean hasBias) {
        this.mode = mode;
        this.steps = steps;
        this.batch = batch;
        this.hidden = hidden;
        this.valid = valid;
        this.hasBias = hasBias;
        this.cell = switch (mode) {
            case LSTM -> null; // its steps run in the backend
            case GRU -> new GruPointwise(batch, hidden);
            case RNN_TANH, RNN_RELU -> new RnnPointwise(mode, batch, hidden);
        };
    }

    /** See the class comment; {@code valid} is null or [steps][batch], false where a row is padding. */
    static Tensor apply(RecurrentMode mode, Tensor gx, Tensor weightHh, Tensor biasHh, Tensor initial, boolean[][] valid) {
        RecurrenceShapes.check(mode, gx, weightHh, biasHh, initial, valid);
        int steps = gx.size(0);
        int batch = gx.size(1);
        int hidden = weightHh.size(1);
        int width = mode.stateWidth(hidden);
        Backend backend = gx.backend();
        Recurrence fn = new Recurrence(mode, steps, batch, hidden, valid, biasHh != null);
        Tensor states = Kernels.empty(backend, DType.FLOAT32, new int[] {steps + 1, batch, width});
        backend.copy(new int[] {batch * width}, buffer(initial), 0, new int[] {1}, buffer(states), 0, new int[] {1});
        fn.save(mode == RecurrentMode.LSTM ? fn.forwardLstm(gx, weightHh, states) : fn.forwardSteps(gx, weightHh, biasHh, states));
        List<Tensor> inputs = new ArrayList<>(List.of(gx, weightHh));
        if (biasHh != null) {
            inputs.add(biasHh);
        }
        inputs.add(initial);
        return record(fn, states, inputs.toArray(new Tensor[0]));
    }

    /** The LSTM on the backend's sequence primitive: saves W_hh, the states and every step's activated gates. */
    private Tensor[] forwardLstm(Tensor gx, Tensor weightHh, Tensor states) {
        Tensor gates = Movement.copy(gx);
        gx.backend().lstmSequenceForward(lstmSequence(), buffer(gates), buffer(weightHh), buffer(states));
        return new Tensor[] {weightHh, states, gates};
    }

    /** The other cells, step by step: a GEMM and the cell's pointwise pass; saves W_hh, the states and what each step keeps. */
    private Tensor[] forwardSteps(Tensor gx, Tensor weightHh, Tensor biasHh, Tensor states) {
        Backend backend = gx.backend();
        int width = mode.stateWidth(hidden);
        int gateWidth = mode.gates() * hidden;
        Tensor[] kept = new Tensor[steps + 2];
        kept[0] = weightHh;
        kept[1] = states;
        // W_hh^T once, as stored for the steps' h W_hh^T (a CPU GEMM would transpose it while
        // packing), and prepared once for all of them (the CPU packs it into its kernel's strips
        // once instead of at every step): the same products, so the same bits.
        try (NoGrad off = NoGrad.enter();
             Tensor weightT = Kernels.strided(weightHh, new int[] {hidden, gateWidth}, 0, new int[] {1, hidden});
             PreparedB preparedT = backend.prepareGemmB(forwardStep(0), buffer(weightT))) {
            for (int k = 0; k < steps; k++) {
                Tensor pre = mode.foldsHiddenBias() ? Steps.block(gx, k, batch, gateWidth) : hiddenBias(backend, biasHh);
                backend.gemm(forwardStep(k), buffer(states), preparedT, buffer(pre));
                kept[k + 2] = cell.forward(gx, pre, states, k);
                RecurrentPadding.copyRows(backend, validAt(k), buffer(states), k * batch * width, buffer(states),
                        (k + 1) * batch * width, width);
            }
        }
        return kept;
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor weightHh = saved(0);
        Tensor states = saved(1);
        Backend backend = g.backend();
        int width = mode.stateWidth(hidden);
        int gateWidth = mode.gates() * hidden;
        Tensor dGh = Kernels.empty(backend, DType.FLOAT32, new int[] {steps, batch, gateWidth});
        Tensor dGx = mode.foldsHiddenBias() ? dGh : Kernels.empty(backend, DType.FLOAT32, new int[] {steps, batch, gateWidth});
        Tensor dInitial;
        if (mode == RecurrentMode.LSTM) {
            dInitial = Kernels.empty(backend, DType.FLOAT32, new int[] {batch, width});
            backend.lstmSequenceBackward(lstmSequence(), buffer(saved(2)), buffer(weightHh), buffer(states), buffer(g),
                    buffer(dGh), buffer(dInitial));
        } else {
            dInitial = backwardSteps(g, weightHh, states, dGh, dGx);
        }
        Tensor dWeight = Kernels.empty(backend, DType.FLOAT32, new int[] {gateWidth, hidden});
        backend.gemm(new GemmShape(1, gateWidth, hidden, steps * batch, true, false, 1f, 0f,
                0, gateWidth, 0, 0, width, 0, 0, hidden, 0), buffer(dGh), buffer(states), buffer(dWeight));
        List<Tensor> grads = new ArrayList<>(List.of(dGx, dWeight));
        if (hasBias) {
            grads.add(dGh.reshape(steps * batch, gateWidth).sum(0, false));
        }
        grads.add(dInitial);
        return grads.toArray(new Tensor[0]);
    }

    /** Backward through the steps of {@link #forwardSteps}: fills dGh (and dGx), returns the initial state's gradient. */
    private Tensor backwardSteps(Tensor g, Tensor weightHh, Tensor states, Tensor dGh, Tensor dGx) {
        Backend backend = g.backend();
        int width = mode.stateWidth(hidden);
        int gateWidth = mode.gates() * hidden;
        Tensor running = Steps.block(g, steps, batch, width);
        try (PreparedB prepared = backend.prepareGemmB(backwardStep(steps - 1), buffer(weightHh))) {
            for (int k = steps - 1; k >= 0; k--) {
                Tensor dPrev = Kernels.empty(backend, DType.FLOAT32, new int[] {batch, width});
                cell.backward(saved(k + 2), states, k, running, dGh, dGx, dPrev);
                for (Tensor target : dGh == dGx ? new Tensor[] {dGh} : new Tensor[] {dGh, dGx}) {
                    RecurrentPadding.zeroRows(backend, validAt(k), buffer(target), k * batch * gateWidth, gateWidth);
                }
                backend.gemm(backwardStep(k), buffer(dGh), prepared, buffer(dPrev));
                RecurrentPadding.copyRows(backend, validAt(k), buffer(running), 0, buffer(dPrev), 0, width);
                Tensor slot = Steps.block(g, k, batch, width);
                running.close();
                running = dPrev.add(slot);
                dPrev.close();
                slot.close();
            }
        }
        return running;
    }

    private LstmSequence lstmSequence() {
        return new LstmSequence(steps, batch, hidden, valid);
    }

    private boolean[] validAt(int k) {
        return valid == null ? null : valid[k];
    }

    /** Step k's h W_hh^T added to its pre-activations: h from states slot k, W_hh^T as stored (hidden, gates). */
    private GemmShape forwardStep(int k) {
        int width = mode.stateWidth(hidden);
        int gateWidth = mode.gates() * hidden;
        return new GemmShape(1, batch, gateWidth, hidden, false, false, 1f, 1f,
                k * batch * width, width, 0, 0, gateWidth, 0, 0, gateWidth, 0);
    }

    /** Step k's dG_k W_hh added to the gradient of the previous state's h: dG from dGh slot k, W_hh (gates, hidden). */
    private GemmShape backwardStep(int k) {
        int gateWidth = mode.gates() * hidden;
        return new GemmShape(1, batch, hidden, gateWidth, false, false, 1f, 1f,
                k * batch * gateWidth, gateWidth, 0, 0, hidden, 0, 0, mode.stateWidth(hidden), 0);
    }

    /** b_hh in every row, or zeros without a bias: the hidden side's start before its GEMM. */
    private Tensor hiddenBias(Backend backend, Tensor biasHh) {
        int gateWidth = mode.gates() * hidden;
        if (biasHh == null) {
            return Tensors.zeros(backend, DType.FLOAT32, batch, gateWidth);
        }
        return Kernels.strided(biasHh, new int[] {batch, gateWidth}, 0, new int[] {0, 1});
    }
}
