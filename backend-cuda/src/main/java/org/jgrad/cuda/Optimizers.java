package org.jgrad.cuda;

import org.jgrad.DType;
import org.jgrad.backend.AdagradConfig;
import org.jgrad.backend.AdamConfig;
import org.jgrad.backend.Buffer;
import org.jgrad.backend.RmspropConfig;
import org.jgrad.backend.SgdConfig;

/**
 * The fused optimizer updates of optim.cu, one launch per parameter. Scalars that depend on the
 * step (bias corrections, AdamW's decay, Adagrad's decayed rate) are computed here in double, as
 * PyTorch computes them, and rounded to float once; the kernels then do the CPU backend's float
 * operations in its order.
 */
final class Optimizers {
    private final Launcher kernels;

    Optimizers(Launcher kernels) {
        this.kernels = kernels;
    }

    void sgd(SgdConfig c, boolean firstStep, Buffer param, Buffer grad, Buffer momentumBuffer) {
        CudaBuffer p = floats("sgdStep", "param", param);
        CudaBuffer g = state("sgdStep", "grad", grad, p, true);
        CudaBuffer buf = state("sgdStep", "momentumBuffer", momentumBuffer, p, c.momentum() != 0);
        kernels.launch1d("sgd_step", p.length(), p.pointer(), g.pointer(), pointer(buf), p.length(), c.lr(),
                c.momentum(), 1 - c.dampening(), c.weightDecay(), c.nesterov(), firstStep);
    }

    void adam(AdamConfig c, int step, Buffer param, Buffer grad, Buffer expAvg, Buffer expAvgSq, Buffer maxExpAvgSq) {
        Checks.step("adamStep", step);
        CudaBuffer p = floats("adamStep", "param", param);
        CudaBuffer g = state("adamStep", "grad", grad, p, true);
        CudaBuffer m = state("adamStep", "expAvg", expAvg, p, true);
        CudaBuffer v = state("adamStep", "expAvgSq", expAvgSq, p, true);
        CudaBuffer vmax = state("adamStep", "maxExpAvgSq", maxExpAvgSq, p, c.amsgrad());
        double biasCorrection1 = 1 - Math.pow(c.beta1(), step);
        double biasCorrection2 = 1 - Math.pow(c.beta2(), step);
        boolean decoupled = c.decoupledWeightDecay();
        float decay = decoupled ? (float) (1 - (double) c.lr() * c.weightDecay()) : 1f;
        kernels.launch1d("adam_step", p.length(), p.pointer(), g.pointer(), m.pointer(), v.pointer(), pointer(vmax),
                p.length(), (float) (c.lr() / biasCorrection1), (float) Math.sqrt(biasCorrection2), decay,
                decoupled ? 0f : c.weightDecay(), c.beta1(), c.beta2(), c.eps());
    }

    void rmsprop(RmspropConfig c, Buffer param, Buffer grad, Buffer squareAvg, Buffer momentumBuffer, Buffer gradAvg) {
        CudaBuffer p = floats("rmspropStep", "param", param);
        CudaBuffer g = state("rmspropStep", "grad", grad, p, true);
        CudaBuffer sq = state("rmspropStep", "squareAvg", squareAvg, p, true);
        CudaBuffer buf = state("rmspropStep", "momentumBuffer", momentumBuffer, p, c.momentum() != 0);
        CudaBuffer avg = state("rmspropStep", "gradAvg", gradAvg, p, c.centered());
        rmspropKernel(p, g, sq, buf, avg, c.lr(), c.alpha(), 1 - c.alpha(), c.eps(), c.weightDecay(), c.momentum());
    }

    /** Adagrad is RMSprop's kernel with decay and weight 1 (sum += g^2) and no momentum, as on the CPU. */
    void adagrad(AdagradConfig c, int step, Buffer param, Buffer grad, Buffer sum) {
        Checks.step("adagradStep", step);
        CudaBuffer p = floats("adagradStep", "param", param);
        CudaBuffer g = state("adagradStep", "grad", grad, p, true);
        CudaBuffer s = state("adagradStep", "sum", sum, p, true);
        float clr = (float) (c.lr() / (1 + (step - 1) * (double) c.lrDecay()));
        rmspropKernel(p, g, s, null, null, clr, 1, 1, c.eps(), c.weightDecay(), 0);
    }

    private void rmspropKernel(CudaBuffer p, CudaBuffer g, CudaBuffer sq, CudaBuffer buf, CudaBuffer avg, float lr,
                               float decay, float weight, float eps, float weightDecay, float momentum) {
        kernels.launch1d("rmsprop_step", p.length(), p.pointer(), g.pointer(), sq.pointer(), pointer(buf), pointer(avg),
                p.length(), lr, decay, weight, eps, weightDecay, momentum);
    }

    private static CudaBuffer floats(String op, String name, Buffer buffer) {
        return CudaBuffer.of(buffer, DType.FLOAT32, op, name);
    }

    /**
     * A state or gradient buffer the update needs when {@code needed} (null otherwise, whatever was
     * passed): FLOAT32 and as long as the parameter.
     */
    private static CudaBuffer state(String op, String name, Buffer buffer, CudaBuffer param, boolean needed) {
        if (!needed) {
            return null;
        }
        if (buffer == null) {
            throw new IllegalArgumentException(op + ": these settings need " + name + ", got null");
        }
        CudaBuffer b = floats(op, name, buffer);
        Checks.length(op, name, b.length(), param.length());
        return b;
    }

    private static Object pointer(CudaBuffer buffer) {
        return buffer == null ? null : buffer.pointer();
    }
}
