package org.jgrad.nn;

import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.nn.init.Init;
import org.jgrad.ops.RecurrentMode;
import org.jgrad.ops.Recurrences;

/**
 * One set of PyTorch-named recurrent weights (weight_ih, weight_hh, bias_ih, bias_hh plus a
 * suffix such as {@code _l0_reverse}) on a module, and one direction's run over a sequence with
 * them. Shared by the layers and the cells.
 */
final class RecurrentWeights {
    private RecurrentWeights() {
    }

    /** Registers the weights, each uniform on +-1/sqrt(hidden) from the global generator, as PyTorch. */
    static void register(Module module, String suffix, RecurrentMode mode, int inputSize, int hidden, boolean bias) {
        int rows = mode.gates() * hidden;
        double bound = 1 / Math.sqrt(hidden);
        Init.uniform(module.registerParameter("weight_ih" + suffix, Tensors.zeros(rows, inputSize)), -bound, bound);
        Init.uniform(module.registerParameter("weight_hh" + suffix, Tensors.zeros(rows, hidden)), -bound, bound);
        if (bias) {
            Init.uniform(module.registerParameter("bias_ih" + suffix, Tensors.zeros(rows)), -bound, bound);
            Init.uniform(module.registerParameter("bias_hh" + suffix, Tensors.zeros(rows)), -bound, bound);
        }
    }

    /**
     * Every state of one direction over x (steps, batch, features), (steps + 1, batch, width) with
     * the initial one first: the input side of all steps is one GEMM, then the recurrence runs.
     */
    static Tensor run(Module module, String suffix, RecurrentMode mode, boolean bias, Tensor x, Tensor initial,
                      boolean[][] valid) {
        Tensor weightIh = module.parameter("weight_ih" + suffix);
        Tensor weightHh = module.parameter("weight_hh" + suffix);
        Tensor biasIh = bias ? module.parameter("bias_ih" + suffix) : null;
        Tensor biasHh = bias ? module.parameter("bias_hh" + suffix) : null;
        if (biasHh != null && mode.foldsHiddenBias()) {
            return Recurrences.run(mode, x.linear(weightIh, biasIh.add(biasHh)), weightHh, null, initial, valid);
        }
        return Recurrences.run(mode, x.linear(weightIh, biasIh), weightHh, biasHh, initial, valid);
    }
}
