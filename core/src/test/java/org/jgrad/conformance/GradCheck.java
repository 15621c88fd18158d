package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.jgrad.DType;
import org.jgrad.NoGrad;
import org.jgrad.Scope;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.backend.Backend;

/**
 * Numerical gradient check. For an op f and inputs x, autograd's gradient of
 * {@code L = sum(f(x) * r)} (r a fixed random tensor with entries of magnitude 0.5 to 1.5, so
 * every output element matters) is compared with central finite differences
 * {@code (L(x + h e_j) - L(x - h e_j)) / (2h)}, f evaluated on the backend in float32 and L
 * accumulated in float64 on the host.
 *
 * <p>Why the defaults are honest for float32: with h = 1e-2 the truncation error is h²/6 · f''',
 * about 2e-5 · f'''; the float32 rounding of each output (about 6e-8 relative) is divided by 2h,
 * giving about 3e-6 of the output's size per output that the perturbed element touches (outputs
 * it does not touch cancel exactly). Element j passes when
 * {@code |autograd - numerical| <= 1e-2 · |numerical_j| + 2e-3 · max_k |numerical_k|}: well above
 * both errors for the sizes the suites use, and far below what a wrong backward gives (a missing
 * factor or sign, a wrong index, a dropped broadcast sum). Scaling the absolute part by the
 * largest gradient keeps ops with small gradients (mean, var) as strictly checked as the rest.
 * The step taken is the float32 difference of the perturbed values, so rounding x ± h costs
 * nothing. Inputs must stay more than h from kinks; {@link GradInput} builds such inputs.
 */
public final class GradCheck {
    public static final double DEFAULT_EPS = 1e-2;
    public static final double DEFAULT_RELATIVE = 1e-2;
    public static final double DEFAULT_OF_LARGEST = 2e-3;
    /** Keeps the tolerance above zero where every gradient is exactly zero. */
    private static final double ABSOLUTE_FLOOR = 1e-6;
    private static final long WEIGHT_SEED = 0x5EED;

    /** The op under test, applied to one tensor per {@link GradInput}. */
    @FunctionalInterface
    public interface Op {
        Tensor apply(Tensor... inputs);
    }

    private final String name;
    private final Op op;
    private final List<GradInput> inputs = new ArrayList<>();
    private double eps = DEFAULT_EPS;
    private double relative = DEFAULT_RELATIVE;
    private double ofLargest = DEFAULT_OF_LARGEST;

    private GradCheck(String name, Op op) {
        this.name = name;
        this.op = op;
    }

    /** A check of {@code op}; {@code name} says which op and case in failure messages. */
    public static GradCheck of(String name, Op op) {
        return new GradCheck(name, op);
    }

    /** Adds inputs, each a differentiable leaf passed to the op in order. */
    public GradCheck inputs(GradInput... more) {
        inputs.addAll(Arrays.asList(more));
        return this;
    }

    /** Element j passes when |autograd - numerical| <= rel * |numerical_j| + ofLargest * max_k |numerical_k|. */
    public GradCheck tolerance(double rel, double ofLargestGradient) {
        relative = rel;
        ofLargest = ofLargestGradient;
        return this;
    }

    public GradCheck eps(double step) {
        eps = step;
        return this;
    }

    /** Runs the check on {@code backend}; fails naming the op, the input and its worst element. */
    public void run(Backend backend) {
        float[][] values = new float[inputs.size()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = inputs.get(i).values().clone();
        }
        float[][] analytic = new float[values.length][];
        double[] weights;
        try (Scope scope = Scope.open()) {
            Tensor[] leaves = leaves(backend, values);
            for (Tensor leaf : leaves) {
                leaf.requiresGrad(true);
            }
            Tensor out = op.apply(leaves);
            assertEquals(DType.FLOAT32, out.dtype(), name + ": output dtype");
            weights = weights(out.numel());
            HostArray weightArray = HostArray.of(weights, out.shape());
            out.mul(Tensors.fromArray(backend, weightArray.toFloats(), out.shape())).sum().backward();
            for (int i = 0; i < leaves.length; i++) {
                Tensor grad = leaves[i].grad();
                assertNotNull(grad, name + ": no gradient reached input " + i);
                assertArrayEquals(leaves[i].shape(), grad.shape(), name + ": gradient shape of input " + i);
                analytic[i] = grad.toFloatArray();
                leaves[i].zeroGrad();
            }
        }
        for (int i = 0; i < values.length; i++) {
            compare(i, analytic[i], numerical(backend, values, i, weights));
        }
    }

    /** Central differences of L with respect to every element of input {@code which}. */
    private double[] numerical(Backend backend, float[][] values, int which, double[] weights) {
        float[] x = values[which];
        double[] grad = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            float original = x[j];
            float plus = (float) (original + eps);
            float minus = (float) (original - eps);
            x[j] = plus;
            double lossPlus = loss(backend, values, weights);
            x[j] = minus;
            double lossMinus = loss(backend, values, weights);
            x[j] = original;
            grad[j] = (lossPlus - lossMinus) / ((double) plus - minus);
        }
        return grad;
    }

    private double loss(Backend backend, float[][] values, double[] weights) {
        try (Scope scope = Scope.open(); NoGrad noGrad = NoGrad.enter()) {
            float[] out = op.apply(leaves(backend, values)).toFloatArray();
            double sum = 0;
            for (int k = 0; k < out.length; k++) {
                if (!Float.isFinite(out[k])) {
                    fail(name + ": forward output element " + k + " is " + out[k] + "; choose inputs inside the domain");
                }
                sum += out[k] * weights[k];
            }
            return sum;
        }
    }

    private void compare(int input, float[] analytic, double[] numerical) {
        double largest = 0;
        for (double n : numerical) {
            largest = Math.max(largest, Math.abs(n));
        }
        double floor = ofLargest * largest + ABSOLUTE_FLOOR;
        int worst = -1;
        double worstExcess = 0;
        int failing = 0;
        for (int j = 0; j < numerical.length; j++) {
            double excess = Math.abs(analytic[j] - numerical[j]) / (floor + relative * Math.abs(numerical[j]));
            if (!(excess <= 1)) {
                failing++;
                if (worst < 0 || !(excess <= worstExcess)) {
                    worst = j;
                    worstExcess = excess;
                }
            }
        }
        if (worst >= 0) {
            int[] shape = inputs.get(input).shape();
            fail(String.format("gradcheck %s: input %d of shape %s, element %s (flat %d): autograd %.6g, numerical %.6g,"
                            + " |diff| %.3g is %.1fx the tolerance %.0e * |numerical| + %.0e * %.3g (largest |numerical|)"
                            + " (eps %.0e); %d of %d elements out of tolerance",
                    name, input, Shape.toString(shape), Arrays.toString(HostArray.unravel(worst, shape)), worst, analytic[worst],
                    numerical[worst], Math.abs(analytic[worst] - numerical[worst]), worstExcess, relative, ofLargest,
                    largest, eps, failing, numerical.length));
        }
    }

    private Tensor[] leaves(Backend backend, float[][] values) {
        Tensor[] leaves = new Tensor[values.length];
        for (int i = 0; i < values.length; i++) {
            leaves[i] = Tensors.fromArray(backend, values[i], inputs.get(i).shape());
        }
        return leaves;
    }

    /** Fixed weights of magnitude in [0.5, 1.5) and random sign. */
    private static double[] weights(int n) {
        SplittableRandom random = new SplittableRandom(WEIGHT_SEED);
        double[] weights = new double[n];
        for (int k = 0; k < n; k++) {
            double magnitude = 0.5 + random.nextDouble();
            weights[k] = (float) (random.nextBoolean() ? magnitude : -magnitude);
        }
        return weights;
    }
}
