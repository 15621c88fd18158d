package org.jgrad.conformance;

import static org.jgrad.conformance.OptimizerUpdateConformance.STEPS;
import static org.jgrad.conformance.OptimizerUpdateConformance.cases;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jgrad.DType;
import org.jgrad.backend.AdagradConfig;
import org.jgrad.backend.Backend;
import org.jgrad.backend.Buffer;
import org.jgrad.backend.RmspropConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fused RMSprop and Adagrad steps: multi-step trajectories against a float64 reference that
 * follows the algorithms in PyTorch's torch.optim.RMSprop and torch.optim.Adagrad documentation,
 * at the sizes of {@link OptimizerUpdateConformance}.
 */
public class AdaptiveOptimizerUpdateConformance extends ConformanceSupport {

    /** What takes the steps: the backend under test, with its fused kernels. */
    protected Backend steps() {
        return backend();
    }

    static List<Arguments> rmspropCases() {
        RmspropConfig[] configs = {
            new RmspropConfig(0.01f, 0.99f, 1e-8f, 0f, 0f, false),
            new RmspropConfig(0.01f, 0.9f, 1e-8f, 0f, 0.9f, false),
            new RmspropConfig(0.005f, 0.95f, 1e-8f, 0f, 0f, true),
            new RmspropConfig(0.005f, 0.9f, 1e-6f, 0f, 0.5f, true),
            new RmspropConfig(0.01f, 0.99f, 1e-8f, 0.1f, 0f, false),
            new RmspropConfig(0.002f, 0.8f, 1e-7f, 0.05f, 0.8f, true)};
        return cases(configs);
    }

    static List<Arguments> adagradCases() {
        AdagradConfig[] configs = {
            new AdagradConfig(0.1f, 0f, 0f, 1e-10f),
            new AdagradConfig(0.1f, 0.05f, 0f, 1e-10f),
            new AdagradConfig(0.05f, 0f, 0.1f, 1e-10f),
            new AdagradConfig(0.1f, 0.1f, 0.01f, 1e-6f)};
        return cases(configs);
    }

    @ParameterizedTest(name = "{0} size {1}")
    @MethodSource("rmspropCases")
    void rmspropTrajectoryMatchesReference(RmspropConfig c, int size) {
        float[] param0 = randomFloats(size, 61);
        double[] p = doubles(param0);
        double[] v = new double[size];
        double[] buf = new double[size];
        double[] gAvg = new double[size];
        Buffer param = upload(param0);
        Buffer squareAvg = backend().allocate(DType.FLOAT32, size);
        Buffer momentum = c.momentum() != 0 ? backend().allocate(DType.FLOAT32, size) : null;
        Buffer gradAvg = c.centered() ? backend().allocate(DType.FLOAT32, size) : null;
        for (int step = 1; step <= STEPS; step++) {
            float[] grad = randomFloats(size, 300 + step);
            steps().rmspropStep(c, param, upload(grad), squareAvg, momentum, gradAvg);
            rmspropReference(c, p, grad, v, buf, gAvg);
        }
        assertClose("RMSprop param after " + STEPS + " steps", p, backend().downloadFloat(param), 1e-5, 1e-6);
        assertClose("RMSprop square_avg", v, backend().downloadFloat(squareAvg), 1e-5, 1e-7);
        if (momentum != null) {
            assertClose("RMSprop momentum buffer", buf, backend().downloadFloat(momentum), 1e-5, 1e-6);
        }
        if (gradAvg != null) {
            assertClose("RMSprop grad_avg", gAvg, backend().downloadFloat(gradAvg), 1e-5, 1e-7);
        }
    }

    @ParameterizedTest(name = "{0} size {1}")
    @MethodSource("adagradCases")
    void adagradTrajectoryMatchesReference(AdagradConfig c, int size) {
        float[] param0 = randomFloats(size, 71);
        double[] p = doubles(param0);
        double[] s = new double[size];
        Buffer param = upload(param0);
        Buffer sum = backend().allocate(DType.FLOAT32, size);
        for (int step = 1; step <= STEPS; step++) {
            float[] grad = randomFloats(size, 400 + step);
            steps().adagradStep(c, step, param, upload(grad), sum);
            adagradReference(c, step, p, grad, s);
        }
        assertClose("Adagrad param after " + STEPS + " steps", p, backend().downloadFloat(param), 1e-5, 1e-6);
        assertClose("Adagrad sum", s, backend().downloadFloat(sum), 1e-5, 1e-7);
    }

    @Test
    void missingOrMismatchedStateIsRejected() {
        float[] param0 = randomFloats(7, 81);
        Buffer param = upload(param0);
        Buffer grad = upload(randomFloats(7, 82));
        Buffer shortGrad = upload(randomFloats(6, 83));
        Buffer state = upload(randomFloats(7, 84, 0, 1));
        Buffer shortState = upload(randomFloats(6, 85, 0, 1));
        Buffer longState = upload(randomFloats(8, 86, 0, 1));
        RmspropConfig plain = new RmspropConfig(0.01f, 0.99f, 1e-8f, 0f, 0f, false);
        RmspropConfig momentum = new RmspropConfig(0.01f, 0.99f, 1e-8f, 0f, 0.9f, false);
        RmspropConfig centered = new RmspropConfig(0.01f, 0.99f, 1e-8f, 0f, 0f, true);
        AdagradConfig adagrad = new AdagradConfig(0.1f, 0f, 0f, 1e-10f);
        assertThrows(IllegalArgumentException.class,
                () -> steps().rmspropStep(momentum, param, grad, state, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> steps().rmspropStep(centered, param, grad, state, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> steps().rmspropStep(plain, param, shortGrad, state, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> steps().rmspropStep(plain, param, grad, shortState, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> steps().rmspropStep(plain, param, grad, longState, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> steps().rmspropStep(momentum, param, grad, state, shortState, null));
        assertThrows(IllegalArgumentException.class,
                () -> steps().rmspropStep(centered, param, grad, state, null, longState));
        assertThrows(IllegalArgumentException.class, () -> steps().adagradStep(adagrad, 0, param, grad, state));
        assertThrows(IllegalArgumentException.class, () -> steps().adagradStep(adagrad, 1, param, shortGrad, state));
        assertThrows(IllegalArgumentException.class, () -> steps().adagradStep(adagrad, 1, param, grad, shortState));
        assertThrows(IllegalArgumentException.class, () -> steps().adagradStep(adagrad, 1, param, grad, longState));
        // a rejected step is rejected before it writes anything
        assertArrayEquals(param0, backend().downloadFloat(param), "param after rejected steps");
    }

    /** torch.optim.RMSprop, one step in float64. */
    private static void rmspropReference(RmspropConfig c, double[] p, float[] grad, double[] v, double[] buf,
                                         double[] gAvg) {
        double alpha = c.alpha();
        for (int i = 0; i < p.length; i++) {
            double g = grad[i];
            if (c.weightDecay() != 0) {
                g += (double) c.weightDecay() * p[i];
            }
            v[i] = alpha * v[i] + (1 - alpha) * g * g;
            double avg = v[i];
            if (c.centered()) {
                gAvg[i] = alpha * gAvg[i] + (1 - alpha) * g;
                avg -= gAvg[i] * gAvg[i];
            }
            double denominator = Math.sqrt(avg) + c.eps();
            if (c.momentum() != 0) {
                buf[i] = c.momentum() * buf[i] + g / denominator;
                p[i] -= c.lr() * buf[i];
            } else {
                p[i] -= c.lr() * g / denominator;
            }
        }
    }

    /** torch.optim.Adagrad (initial accumulator 0), step t from 1, in float64. */
    private static void adagradReference(AdagradConfig c, int t, double[] p, float[] grad, double[] sum) {
        double clr = c.lr() / (1 + (t - 1) * (double) c.lrDecay());
        for (int i = 0; i < p.length; i++) {
            double g = grad[i];
            if (c.weightDecay() != 0) {
                g += (double) c.weightDecay() * p[i];
            }
            sum[i] += g * g;
            p[i] -= clr * g / (Math.sqrt(sum[i]) + c.eps());
        }
    }
}
