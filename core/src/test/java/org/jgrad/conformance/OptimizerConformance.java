package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jgrad.Scope;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.backend.Backends;
import org.jgrad.optim.Adagrad;
import org.jgrad.optim.Adam;
import org.jgrad.optim.AdamW;
import org.jgrad.optim.GradClip;
import org.jgrad.optim.Optimizer;
import org.jgrad.optim.OptimizerState;
import org.jgrad.optim.RMSprop;
import org.jgrad.optim.SGD;
import org.junit.jupiter.api.Test;

/**
 * Optimizer trajectories over 25 steps on a fixed problem, loss = sum(c p^2 / 2 + d p) with
 * gradient c p + d, against {@link OptimizerReference} in float64, to 1e-5 relative.
 */
public class OptimizerConformance extends TensorConformanceSupport {
    private static final int STEPS = 25;

    @Test
    void sgdVariants() {
        check(ps -> new SGD(ps, 0.1), () -> OptimizerReference.sgd(0.1, 0, 0, 0, false));
        check(ps -> new SGD(ps, 0.05).momentum(0.9), () -> OptimizerReference.sgd(0.05, 0.9, 0, 0, false));
        check(ps -> new SGD(ps, 0.05).momentum(0.8).dampening(0.3).weightDecay(0.01),
                () -> OptimizerReference.sgd(0.05, 0.8, 0.3, 0.01, false));
        check(ps -> new SGD(ps, 0.05).momentum(0.9).nesterov(true).weightDecay(1e-3),
                () -> OptimizerReference.sgd(0.05, 0.9, 0, 1e-3, true));
    }

    @Test
    void adamVariants() {
        check(ps -> new Adam(ps, 0.01), () -> OptimizerReference.adam(0.01, 0.9, 0.999, 1e-8, 0, false, false));
        check(ps -> new Adam(ps, 0.02).betas(0.8, 0.99).weightDecay(0.1),
                () -> OptimizerReference.adam(0.02, 0.8, 0.99, 1e-8, 0.1, false, false));
        check(ps -> new Adam(ps, 0.01).amsgrad(true), () -> OptimizerReference.adam(0.01, 0.9, 0.999, 1e-8, 0, false, true));
        check(ps -> new AdamW(ps, 0.01), () -> OptimizerReference.adam(0.01, 0.9, 0.999, 1e-8, 0.01, true, false));
        check(ps -> new AdamW(ps, 0.01).weightDecay(0.5).amsgrad(true),
                () -> OptimizerReference.adam(0.01, 0.9, 0.999, 1e-8, 0.5, true, true));
    }

    @Test
    void rmspropVariants() {
        check(ps -> new RMSprop(ps, 0.01), () -> OptimizerReference.rmsprop(0.01, 0.99, 1e-8, 0, 0, false));
        check(ps -> new RMSprop(ps, 0.01).momentum(0.9).weightDecay(0.01),
                () -> OptimizerReference.rmsprop(0.01, 0.99, 1e-8, 0.01, 0.9, false));
        check(ps -> new RMSprop(ps, 0.005).alpha(0.9).centered(true).momentum(0.5),
                () -> OptimizerReference.rmsprop(0.005, 0.9, 1e-8, 0, 0.5, true));
    }

    @Test
    void adagradVariants() {
        check(ps -> new Adagrad(ps, 0.1), () -> OptimizerReference.adagrad(0.1, 0, 0, 1e-10));
        check(ps -> new Adagrad(ps, 0.1).lrDecay(0.05).weightDecay(0.01),
                () -> OptimizerReference.adagrad(0.1, 0.05, 0.01, 1e-10));
    }

    @Test
    void savedStateResumesTheSameTrajectory() {
        float[] start = randomFloats(129, 5);
        float[] c = randomFloats(129, 6, 0.5, 2);
        float[] d = randomFloats(129, 7);
        Tensor straight = leaf(start);
        Optimizer a = new Adam(List.of(straight), 0.01).amsgrad(true);
        train(a, straight, c, d, 20);

        Tensor resumed = leaf(start);
        Optimizer b = new Adam(List.of(resumed), 0.01).amsgrad(true);
        train(b, resumed, c, d, 10);
        OptimizerState saved = b.stateDict();
        Optimizer fresh = new Adam(List.of(resumed), 0.5);
        fresh.loadStateDict(saved);
        assertEquals(0.01, fresh.lr(), 1e-12);
        train(fresh, resumed, c, d, 10);
        assertClose("resumed Adam", doubles(straight.toFloatArray()), resumed.toFloatArray(), 0, 0);
    }

    @Test
    void paramGroupsHaveTheirOwnOptions() {
        Tensor a = leaf(randomFloats(7, 8));
        Tensor b = leaf(randomFloats(7, 9));
        SGD sgd = new SGD(List.of(a), 0.1);
        sgd.addParamGroup(List.of(b), java.util.Map.of("lr", 0.0));
        float[] bBefore = b.toFloatArray();
        train(sgd, a, randomFloats(7, 10, 0.5, 2), randomFloats(7, 11), 1);
        train(sgd, b, randomFloats(7, 10, 0.5, 2), randomFloats(7, 11), 1);
        assertClose("lr 0 group", doubles(bBefore), b.toFloatArray(), 0, 0);
        assertRejected(IllegalArgumentException.class, () -> sgd.addParamGroup(List.of(a), java.util.Map.of()),
                "already in group 0");
    }

    @Test
    void clipGradNormScalesToTheLimitAndReturnsTheNorm() {
        float[] values = randomFloats(129, 12, 1, 3);
        Tensor p = leaf(values);
        p.mul(p).mul(0.5f).sum().backward();
        double expected = 0;
        for (float v : values) {
            expected += (double) v * v;
        }
        expected = Math.sqrt(expected);
        assertEquals(expected, GradClip.clipGradNorm(List.of(p), 1.0), 1e-4 * expected);
        double clipped = 0;
        for (float v : p.grad().toFloatArray()) {
            clipped += (double) v * v;
        }
        assertEquals(1.0, Math.sqrt(clipped), 1e-4);
        GradClip.clipGradValue(List.of(p), 0.01);
        for (float v : p.grad().toFloatArray()) {
            assertTrue(Math.abs(v) <= 0.01f, "clipped value " + v);
        }
    }

    @Test
    void closingAnOptimizerFreesItsBuffers() {
        CountingBackend counting = new CountingBackend(backend());
        Backends.setDefault(counting);
        Tensor p = leaf(randomFloats(7, 13));
        Adam adam = new Adam(List.of(p), 0.01);
        train(adam, p, randomFloats(7, 14, 0.5, 2), randomFloats(7, 15), 2);
        int before = counting.live();
        adam.close();
        assertEquals(before - 2, counting.live(), "Adam's two moment buffers are freed");
        assertEquals(0, counting.doubleFrees());
    }

    private void check(Function<List<Tensor>, Optimizer> make, Supplier<OptimizerReference.Rule> references) {
        for (int n : new int[] {1, 7, 129}) {
            float[] start = randomFloats(n, n, -1, 1);
            float[] c = randomFloats(n, n + 1, 0.5, 2);
            float[] d = randomFloats(n, n + 2);
            Tensor p = leaf(start);
            Optimizer optimizer = make.apply(List.of(p));
            double[] expected = doubles(start);
            OptimizerReference.Rule reference = references.get();
            for (int t = 1; t <= STEPS; t++) {
                double[] g = new double[n];
                for (int i = 0; i < n; i++) {
                    g[i] = c[i] * expected[i] + d[i];
                }
                reference.step(expected, g, t);
                train(optimizer, p, c, d, 1);
                assertClose(optimizer.name() + " n=" + n + " step " + t, expected, p.toFloatArray(), 1e-5, 1e-6);
            }
        }
    }

    private void train(Optimizer optimizer, Tensor p, float[] c, float[] d, int steps) {
        for (int s = 0; s < steps; s++) {
            try (Scope ignored = Scope.open()) {
                optimizer.zeroGrad();
                Tensor ct = Tensors.fromArray(c, c.length);
                Tensor dt = Tensors.fromArray(d, d.length);
                p.mul(p).mul(ct).mul(0.5f).add(p.mul(dt)).sum().backward();
                optimizer.step();
            }
        }
    }

    private static Tensor leaf(float[] values) {
        return Tensors.fromArray(values, values.length).requiresGrad(true);
    }
}
