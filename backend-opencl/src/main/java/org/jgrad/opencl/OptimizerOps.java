package org.jgrad.opencl;

import org.jgrad.DType;
import org.jgrad.backend.AdagradConfig;
import org.jgrad.backend.AdamConfig;
import org.jgrad.backend.Extents;
import org.jgrad.backend.RmspropConfig;
import org.jgrad.backend.SgdConfig;

/**
 * The fused optimizer steps, one launch per parameter. Step-dependent scalars are computed here in
 * float64 and rounded once, as the CPU backend does; absent state buffers are passed as the
 * parameter itself, which the kernels then leave alone.
 */
final class OptimizerOps {
    private final ClRuntime cl;

    OptimizerOps(ClRuntime cl) {
        this.cl = cl;
    }

    void sgd(SgdConfig c, boolean firstStep, ClBuffer param, ClBuffer grad, ClBuffer momentumBuffer) {
        int n = params("sgdStep", param, grad);
        boolean momentum = c.momentum() != 0;
        ClBuffer buffer = momentum ? state("sgdStep", "momentum " + c.momentum(), "momentumBuffer", momentumBuffer, n) : param;
        cl.launch("sgd_step").i(n).f(c.lr()).f(c.momentum()).f(1 - c.dampening()).f(c.weightDecay())
                .flag(c.nesterov()).flag(firstStep).mem(param).mem(grad).mem(buffer).run1d(n);
    }

    void adam(AdamConfig c, int step, ClBuffer param, ClBuffer grad, ClBuffer expAvg, ClBuffer expAvgSq,
              ClBuffer maxExpAvgSq) {
        if (step < 1) {
            throw new IllegalArgumentException("adamStep: step counts from 1, got " + step);
        }
        int n = params("adamStep", param, grad);
        state("adamStep", "Adam", "expAvg", expAvg, n);
        state("adamStep", "Adam", "expAvgSq", expAvgSq, n);
        ClBuffer max = c.amsgrad() ? state("adamStep", "AMSGrad", "maxExpAvgSq", maxExpAvgSq, n) : param;
        double biasCorrection1 = 1 - Math.pow(c.beta1(), step);
        double biasCorrection2 = 1 - Math.pow(c.beta2(), step);
        boolean decoupled = c.decoupledWeightDecay();
        cl.launch("adam_step").i(n).f((float) (c.lr() / biasCorrection1)).f((float) Math.sqrt(biasCorrection2))
                .f(decoupled ? (float) (1 - (double) c.lr() * c.weightDecay()) : 1f).f(decoupled ? 0f : c.weightDecay())
                .f(c.beta1()).f(c.beta2()).f(c.eps()).flag(c.amsgrad())
                .mem(param).mem(grad).mem(expAvg).mem(expAvgSq).mem(max).run1d(n);
    }

    void rmsprop(RmspropConfig c, ClBuffer param, ClBuffer grad, ClBuffer squareAvg, ClBuffer momentumBuffer,
                 ClBuffer gradAvg) {
        int n = params("rmspropStep", param, grad);
        state("rmspropStep", "RMSprop", "squareAvg", squareAvg, n);
        boolean momentum = c.momentum() != 0;
        ClBuffer buffer = momentum ? state("rmspropStep", "momentum " + c.momentum(), "momentumBuffer", momentumBuffer, n)
                : param;
        ClBuffer mean = c.centered() ? state("rmspropStep", "centered", "gradAvg", gradAvg, n) : param;
        rmspropKernel(n, c.lr(), c.alpha(), 1 - c.alpha(), c.eps(), c.weightDecay(), c.momentum(), c.centered(),
                param, grad, squareAvg, buffer, mean);
    }

    /** Adagrad: sum += g^2 is RMSprop's average with decay and weight 1, the step RMSprop's without momentum. */
    void adagrad(AdagradConfig c, int step, ClBuffer param, ClBuffer grad, ClBuffer sum) {
        if (step < 1) {
            throw new IllegalArgumentException("adagradStep: step counts from 1, got " + step);
        }
        int n = params("adagradStep", param, grad);
        state("adagradStep", "Adagrad", "sum", sum, n);
        float clr = (float) (c.lr() / (1 + (step - 1) * (double) c.lrDecay()));
        rmspropKernel(n, clr, 1, 1, c.eps(), c.weightDecay(), 0, false, param, grad, sum, param, param);
    }

    private void rmspropKernel(int n, float lr, float decay, float weight, float eps, float weightDecay, float momentum,
                               boolean centered, ClBuffer param, ClBuffer grad, ClBuffer squareAvg, ClBuffer buffer,
                               ClBuffer gradAvg) {
        cl.launch("rmsprop_step").i(n).f(lr).f(decay).f(weight).f(eps).f(weightDecay).f(momentum).flag(centered)
                .mem(param).mem(grad).mem(squareAvg).mem(buffer).mem(gradAvg).run1d(n);
    }

    private static int params(String op, ClBuffer param, ClBuffer grad) {
        param.expect(DType.FLOAT32, op, "param");
        grad.expect(DType.FLOAT32, op, "grad");
        Extents.checkLength(op, "grad", grad.length(), param.length());
        return param.length();
    }

    /** Optimizer state that {@code reason} (a setting) needs: present, FLOAT32, as long as the parameter. */
    private static ClBuffer state(String op, String reason, String name, ClBuffer buffer, int n) {
        if (buffer == null) {
            throw new IllegalArgumentException(op + ": " + reason + " needs " + name + ", got null");
        }
        buffer.expect(DType.FLOAT32, op, name);
        Extents.checkLength(op, name, buffer.length(), n);
        return buffer;
    }
}
