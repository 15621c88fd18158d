package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.jgrad.DType;
import org.jgrad.Function;
import org.jgrad.GradMode;
import org.jgrad.NoGrad;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * The autograd engine's contract: how gradients flow through shared subexpressions and diamonds,
 * accumulate and reset, which tensors record a graph (requiresGrad, NoGrad, detach), and the
 * errors a misuse of backward gets. References are float64 formulas evaluated here.
 */
public class AutogradConformance extends TensorConformanceSupport {
    private static final double RTOL = 1e-5;
    private static final double ATOL = 1e-6;

    private final float[] values = randomFloats(12, 201);

    private Tensor leaf() {
        return Tensors.fromArray(values, 3, 4).requiresGrad(true);
    }

    /** f'(v) for each of {@link #values}, in float64. */
    private double[] expected(DoubleUnaryOperator derivative) {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = derivative.applyAsDouble(values[i]);
        }
        return out;
    }

    @Test
    void sharedSubexpressionUsedTwiceAddsBothPaths() {
        Tensor x = leaf();
        Tensor y = x.mul(x).add(x);
        y.mul(y).add(y).sum().backward();
        // z = y^2 + y with y = x^2 + x: dz/dx = (2y + 1)(2x + 1)
        assertClose("grad of (y*y + y), y = x*x + x", expected(v -> (2 * (v * v + v) + 1) * (2 * v + 1)),
                x.grad().toFloatArray(), RTOL, ATOL);
    }

    @Test
    void diamondGraphSumsTheGradientsOfBothBranches() {
        Tensor x = leaf();
        Tensor a = x.mul(2f);
        a.tanh().mul(a.sigmoid()).sum().backward();
        assertClose("grad of tanh(2x) * sigmoid(2x)", expected(v -> {
            double t = Math.tanh(2 * v);
            double s = 1 / (1 + Math.exp(-2 * v));
            return 2 * ((1 - t * t) * s + t * s * (1 - s));
        }), x.grad().toFloatArray(), RTOL, ATOL);
    }

    @Test
    void gradientsAccumulateAcrossBackwardCallsUntilZeroGrad() {
        Tensor x = leaf();
        x.mul(x).sum().backward();
        assertClose("grad after one backward", expected(v -> 2 * v), x.grad().toFloatArray(), RTOL, ATOL);
        x.mul(x).sum().backward();
        assertClose("grad after two backward calls", expected(v -> 4 * v), x.grad().toFloatArray(), RTOL, ATOL);
        x.zeroGrad();
        assertNull(x.grad(), "zeroGrad clears the gradient");
        x.mul(3f).sum().backward();
        assertClose("grad after zeroGrad and one backward", expected(v -> 3), x.grad().toFloatArray(), RTOL, ATOL);
        assertFalse(x.grad().requiresGrad(), "a gradient records no graph of its own");
    }

    @Test
    void requiresGradPropagatesFromAnyInput() {
        Tensor plain = Tensors.fromArray(values, 3, 4);
        Tensor tracked = leaf();
        assertFalse(plain.requiresGrad(), "factories make tensors that do not require grad");
        assertTrue(plain.isLeaf());

        Tensor untracked = plain.mul(plain).exp();
        assertFalse(untracked.requiresGrad(), "ops on tensors without grad record nothing");
        assertNull(untracked.gradFn());
        assertTrue(untracked.isLeaf());

        Tensor mixed = plain.add(tracked);
        assertTrue(mixed.requiresGrad(), "one input requiring grad is enough");
        assertFalse(mixed.isLeaf());
        assertNotNull(mixed.gradFn());

        mixed.sum().backward();
        assertNull(plain.grad(), "an input that does not require grad gets no gradient");
        assertNotNull(tracked.grad());

        Tensor off = leaf().requiresGrad(false);
        assertFalse(off.mul(2f).requiresGrad(), "requiresGrad(false) on a leaf stops recording");
    }

    @Test
    void leavesOffThePathGetNoGradient() {
        Tensor x = leaf();
        Tensor unused = leaf();
        x.mul(2f).sum().backward();
        assertNull(unused.grad());
    }

    @Test
    void noGradRecordsNothingAndNestingRestoresTheMode() {
        Tensor x = leaf();
        assertTrue(GradMode.isEnabled());
        try (NoGrad outer = NoGrad.enter()) {
            Tensor y = x.mul(x);
            assertFalse(y.requiresGrad(), "no graph under NoGrad");
            assertNull(y.gradFn());
            try (NoGrad inner = NoGrad.enter()) {
                assertFalse(GradMode.isEnabled());
            }
            assertFalse(GradMode.isEnabled(), "closing the inner NoGrad keeps the outer one in force");
            assertFalse(x.add(1f).requiresGrad());
        }
        assertTrue(GradMode.isEnabled(), "closing the outer NoGrad restores recording");
        Tensor z = x.mul(x);
        assertTrue(z.requiresGrad());
        z.sum().backward();
        assertClose("grad after NoGrad closed", expected(v -> 2 * v), x.grad().toFloatArray(), RTOL, ATOL);
    }

    @Test
    void detachCutsTheGraphAndKeepsTheValues() {
        Tensor x = leaf();
        Tensor y = x.mul(x);
        Tensor d = y.detach();
        assertFalse(d.requiresGrad());
        assertTrue(d.isLeaf());
        assertClose("detached values", expected(v -> (double) ((float) v * (float) v)), d.toFloatArray(), 0, 0);
        d.mul(x).sum().backward();
        // d is a constant: d(d * x)/dx = d = x^2, not 3x^2
        assertClose("grad through a detached factor", expected(v -> v * v), x.grad().toFloatArray(), RTOL, ATOL);
    }

    @Test
    void backwardWithAnExplicitGradientOnANonScalar() {
        Tensor x = leaf();
        float[] g = randomFloats(12, 202);
        x.mul(x).backward(Tensors.fromArray(g, 3, 4), false);
        double[] expected = new double[12];
        for (int i = 0; i < 12; i++) {
            expected[i] = 2.0 * values[i] * g[i];
        }
        assertClose("grad of x*x against gradient g", expected, x.grad().toFloatArray(), RTOL, ATOL);
    }

    @Test
    void backwardWithoutAGradientOnANonScalarFailsClearly() {
        Tensor y = leaf().mul(2f);
        assertRejected(IllegalStateException.class, y::backward, "[3, 4]", "gradient");
        assertRejected(IllegalArgumentException.class, () -> y.backward(Tensors.ones(4, 3), false), "[4, 3]", "[3, 4]");
    }

    @Test
    void aSecondBackwardThroughAFreedGraphFailsAndRetainGraphAllowsIt() {
        Tensor x = leaf();
        Tensor loss = x.mul(x).sum();
        loss.backward();
        assertRejected(IllegalStateException.class, loss::backward, "second time", "true");

        Tensor y = leaf();
        Tensor kept = y.mul(y).sum();
        kept.backward(Tensors.ones(), true);
        kept.backward(Tensors.ones(), true);
        kept.backward();
        assertClose("grad after three backward calls through a retained graph", expected(v -> 6 * v),
                y.grad().toFloatArray(), RTOL, ATOL);
        assertThrows(IllegalStateException.class, kept::backward, "the last backward did not retain the graph");
    }

    @Test
    void backwardOnATensorThatDoesNotRequireGradFails() {
        Tensor plain = Tensors.fromArray(values, 3, 4).sum();
        assertRejected(IllegalStateException.class, plain::backward, "requiresGrad");
    }

    @Test
    void requiresGradIsRejectedOnNonLeavesAndIntegerTensors() {
        Tensor y = leaf().mul(2f);
        assertRejected(IllegalStateException.class, () -> y.requiresGrad(true), "leaf", "detach");
        Tensor labels = Tensors.fromArray(new int[] {0, 2, 1}, 3);
        assertRejected(IllegalArgumentException.class, () -> labels.requiresGrad(true), "INT32");
        assertSame(labels, labels.requiresGrad(false), "requiresGrad(false) is allowed on any leaf");
    }

    @Test
    void comparisonsArgmaxAndCastsCarryNoGradient() {
        Tensor x = leaf();
        Tensor other = Tensors.fromArray(randomFloats(12, 203), 3, 4).requiresGrad(true);
        Tensor[] results = {
            x.gt(other), x.ge(other), x.lt(other), x.le(other), x.eq(other), x.ne(other), x.gt(0f), x.lt(0f),
            x.argmax(1, false), x.argmin(0, true), x.toType(DType.INT32),
        };
        for (Tensor r : results) {
            assertFalse(r.requiresGrad(), "comparison, argmax and cast results record no graph");
            assertNull(r.gradFn());
        }
        assertThrows(IllegalStateException.class, () -> x.gt(0f).sum().backward());
        x.gt(0f).mul(x).sum().backward();
        assertClose("grad of mask * x is the mask", expected(v -> v > 0 ? 1 : 0), x.grad().toFloatArray(), 0, 0);
        assertNull(other.grad(), "no gradient reaches a tensor only compared with");
    }

    /** A user-defined op: forward 2x, backward {@code factor} times the incoming gradient. */
    private static final class ScaleByTwo extends Function {
        private final float backwardFactor;

        private ScaleByTwo(float backwardFactor) {
            this.backwardFactor = backwardFactor;
        }

        static Tensor apply(Tensor x, float backwardFactor) {
            Tensor out;
            try (NoGrad ignored = NoGrad.enter()) {
                out = x.mul(2f);
            }
            return record(new ScaleByTwo(backwardFactor), out, x);
        }

        @Override
        protected Tensor[] backward(Tensor gradOutput) {
            return new Tensor[] {gradOutput.mul(backwardFactor)};
        }
    }

    @Test
    void aUserDefinedFunctionTakesPartInTheGraph() {
        check("user-defined 2x", t -> ScaleByTwo.apply(t[0].tanh(), 2f).exp(), GradInput.uniform(204, -1, 1, 3, 4));
    }

    @Test
    void gradCheckRejectsAWrongBackwardNamingTheOpAndElement() {
        assertRejected(AssertionFailedError.class, () -> GradCheck.of("scale with a wrong backward",
                t -> ScaleByTwo.apply(t[0], 2.1f)).inputs(GradInput.uniform(205, -1, 1, 2, 3)).run(backend()),
                "scale with a wrong backward", "input 0 of shape [2, 3]", "element [");
    }
}
