package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.jgrad.DType;
import org.jgrad.backend.AdamConfig;
import org.jgrad.backend.Backend;
import org.jgrad.backend.Buffer;
import org.jgrad.backend.SgdConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fused SGD and Adam/AdamW/AMSGrad steps: multi-step trajectories against a float64 reference that
 * follows the algorithms in PyTorch's torch.optim.SGD and torch.optim.Adam/AdamW documentation.
 * RMSprop and Adagrad are in {@link AdaptiveOptimizerUpdateConformance}, which shares the sizes
 * and helpers here.
 */
public class OptimizerUpdateConformance extends ConformanceSupport {
    static final int STEPS = 6;
    /** One element, a partial vector, several vectors plus a tail, and enough to split across threads. */
    static final int[] SIZES = {1, 7, 1000, 70001};

    /** What takes the steps: the backend under test, with its fused kernels. */
    protected Backend steps() {
        return backend();
    }

    static List<Arguments> sgdCases() {
        SgdConfig[] configs = {
            new SgdConfig(0.1f, 0f, 0f, 0f, false),
            new SgdConfig(0.05f, 0f, 0f, 0.01f, false),
            new SgdConfig(0.1f, 0.9f, 0f, 0f, false),
            new SgdConfig(0.03f, 0.8f, 0.5f, 0.001f, false),
            new SgdConfig(0.1f, 0.9f, 0f, 0.01f, true)};
        return cases(configs);
    }

    static List<Arguments> adamCases() {
        AdamConfig[] configs = {
            new AdamConfig(0.01f, 0.9f, 0.999f, 1e-8f, 0f, false, false),
            new AdamConfig(0.01f, 0.8f, 0.99f, 1e-6f, 0.1f, false, false),
            new AdamConfig(0.01f, 0.9f, 0.999f, 1e-8f, 0.1f, true, false),
            new AdamConfig(0.02f, 0.9f, 0.99f, 1e-8f, 0f, false, true),
            new AdamConfig(0.01f, 0.85f, 0.95f, 1e-7f, 0.05f, true, true)};
        return cases(configs);
    }

    /** Every config at every size in {@link #SIZES}. */
    static List<Arguments> cases(Object[] configs) {
        List<Arguments> cases = new ArrayList<>();
        for (Object config : configs) {
            for (int size : SIZES) {
                cases.add(Arguments.of(config, size));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} size {1}")
    @MethodSource("sgdCases")
    void sgdTrajectoryMatchesReference(SgdConfig c, int size) {
        float[] param0 = randomFloats(size, 31);
        double[] p = doubles(param0);
        double[] buf = new double[size];
        Buffer param = upload(param0);
        // garbage in the buffer: the first step must overwrite it with the gradient
        Buffer momentum = c.momentum() != 0 ? upload(randomFloats(size, 32)) : null;
        for (int step = 1; step <= STEPS; step++) {
            float[] grad = randomFloats(size, 100 + step);
            steps().sgdStep(c, step == 1, param, upload(grad), momentum);
            sgdReference(c, step == 1, p, grad, buf);
        }
        assertClose("SGD param after " + STEPS + " steps", p, backend().downloadFloat(param), 1e-5, 1e-6);
        if (momentum != null) {
            assertClose("SGD momentum buffer", buf, backend().downloadFloat(momentum), 1e-5, 1e-6);
        }
    }

    @ParameterizedTest(name = "{0} size {1}")
    @MethodSource("adamCases")
    void adamTrajectoryMatchesReference(AdamConfig c, int size) {
        float[] param0 = randomFloats(size, 41);
        double[] p = doubles(param0);
        double[] m = new double[size];
        double[] v = new double[size];
        double[] vMax = new double[size];
        Buffer param = upload(param0);
        Buffer expAvg = backend().allocate(DType.FLOAT32, size);
        Buffer expAvgSq = backend().allocate(DType.FLOAT32, size);
        Buffer maxExpAvgSq = c.amsgrad() ? backend().allocate(DType.FLOAT32, size) : null;
        for (int step = 1; step <= STEPS; step++) {
            // shrinking gradients make v fall, so AMSGrad's running maximum matters
            double scale = 2.0 / step;
            float[] grad = randomFloats(size, 200 + step, -scale, scale);
            steps().adamStep(c, step, param, upload(grad), expAvg, expAvgSq, maxExpAvgSq);
            adamReference(c, step, p, grad, m, v, vMax);
        }
        assertClose("Adam param after " + STEPS + " steps", p, backend().downloadFloat(param), 1e-5, 1e-6);
        assertClose("Adam exp_avg", m, backend().downloadFloat(expAvg), 1e-5, 1e-6);
        assertClose("Adam exp_avg_sq", v, backend().downloadFloat(expAvgSq), 1e-5, 1e-7);
        if (maxExpAvgSq != null) {
            assertClose("Adam max_exp_avg_sq", vMax, backend().downloadFloat(maxExpAvgSq), 1e-5, 1e-7);
        }
    }

    @Test
    void missingOrMismatchedStateIsRejected() {
        Buffer param = upload(randomFloats(7, 51));
        Buffer grad = upload(randomFloats(7, 52));
        Buffer shortGrad = upload(randomFloats(6, 53));
        Buffer state = upload(randomFloats(7, 54));
        SgdConfig momentum = new SgdConfig(0.1f, 0.9f, 0f, 0f, false);
        AdamConfig adam = new AdamConfig(0.01f, 0.9f, 0.999f, 1e-8f, 0f, false, false);
        AdamConfig amsgrad = new AdamConfig(0.01f, 0.9f, 0.999f, 1e-8f, 0f, false, true);
        assertThrows(IllegalArgumentException.class, () -> steps().sgdStep(momentum, true, param, grad, null));
        assertThrows(IllegalArgumentException.class, () -> steps().sgdStep(momentum, false, param, shortGrad, state));
        assertThrows(IllegalArgumentException.class, () -> steps().adamStep(adam, 0, param, grad, state, state, null));
        assertThrows(IllegalArgumentException.class, () -> steps().adamStep(amsgrad, 1, param, grad, state, state, null));
        assertThrows(IllegalArgumentException.class, () -> steps().adamStep(adam, 1, param, shortGrad, state, state, null));
    }

    /** torch.optim.SGD, one step in float64. */
    private static void sgdReference(SgdConfig c, boolean firstStep, double[] p, float[] grad, double[] buf) {
        for (int i = 0; i < p.length; i++) {
            double g = grad[i];
            if (c.weightDecay() != 0) {
                g += (double) c.weightDecay() * p[i];
            }
            if (c.momentum() != 0) {
                buf[i] = firstStep ? g : c.momentum() * buf[i] + (1 - (double) c.dampening()) * g;
                g = c.nesterov() ? g + c.momentum() * buf[i] : buf[i];
            }
            p[i] -= c.lr() * g;
        }
    }

    /** torch.optim.Adam (AdamW when the weight decay is decoupled), one step in float64. */
    private static void adamReference(AdamConfig c, int t, double[] p, float[] grad, double[] m, double[] v,
                                      double[] vMax) {
        double biasCorrection1 = 1 - Math.pow(c.beta1(), t);
        double biasCorrection2 = 1 - Math.pow(c.beta2(), t);
        for (int i = 0; i < p.length; i++) {
            double g = grad[i];
            if (c.decoupledWeightDecay()) {
                p[i] *= 1 - (double) c.lr() * c.weightDecay();
            } else {
                g += (double) c.weightDecay() * p[i];
            }
            m[i] = c.beta1() * m[i] + (1 - (double) c.beta1()) * g;
            v[i] = c.beta2() * v[i] + (1 - (double) c.beta2()) * g * g;
            double vHat = v[i];
            if (c.amsgrad()) {
                vMax[i] = Math.max(vMax[i], v[i]);
                vHat = vMax[i];
            }
            double denominator = Math.sqrt(vHat) / Math.sqrt(biasCorrection2) + c.eps();
            p[i] -= c.lr() / biasCorrection1 * m[i] / denominator;
        }
    }
}
