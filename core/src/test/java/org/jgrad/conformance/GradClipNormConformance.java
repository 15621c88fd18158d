package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.optim.GradClip;
import org.junit.jupiter.api.Test;

/** clipGradNorm with PyTorch's norm_type (p-norms and infinity), its NaN behaviour and error_if_nonfinite. */
public class GradClipNormConformance extends TensorConformanceSupport {

    /** Two parameters whose gradients are the given values (loss = sum(g * p)). */
    private List<Tensor> withGradients(float[] a, float[] b) {
        Tensor p = Tensors.zeros(a.length).requiresGrad(true);
        Tensor q = Tensors.zeros(b.length).requiresGrad(true);
        p.mul(tensor(a, a.length)).sum().add(q.mul(tensor(b, b.length)).sum()).backward();
        return List.of(p, q);
    }

    @Test
    void pNormsAndInfinityMatchAFloat64ReferenceAndScaleAsPyTorch() {
        float[] a = randomFloats(129, 1, -3, 3);
        float[] b = randomFloats(7, 2, -3, 3);
        for (double p : new double[] {1, 2, 3, 0.5, Double.POSITIVE_INFINITY}) {
            double expected = norm(p, a, b);
            List<Tensor> params = withGradients(a, b);
            double maxNorm = expected / 4;
            assertEquals(expected, GradClip.clipGradNorm(params, maxNorm, p), 1e-5 * expected, "norm " + p);
            float coefficient = (float) (maxNorm / (expected + 1e-6));
            assertClose("clipped p=" + p, scaled(a, coefficient), params.get(0).grad().toFloatArray(), 1e-5, 1e-7);
            assertClose("clipped p=" + p, scaled(b, coefficient), params.get(1).grad().toFloatArray(), 1e-5, 1e-7);
            List<Tensor> unclipped = withGradients(a, b);
            GradClip.clipGradNorm(unclipped, expected * 2, p);
            assertArrayEquals(a, unclipped.get(0).grad().toFloatArray(), 0, "under the limit nothing changes");
        }
        assertRejected(IllegalArgumentException.class, () -> GradClip.clipGradNorm(withGradients(a, b), 1, 0), "normType");
    }

    @Test
    void aNaNGradientMakesEveryGradientNaNAsPyTorchUnlessAskedToFail() {
        float[] a = {1, Float.NaN, 2};
        float[] b = {3, 4};
        List<Tensor> params = withGradients(a, b);
        assertTrue(Double.isNaN(GradClip.clipGradNorm(params, 1.0)));
        for (Tensor p : params) {
            for (float g : p.grad().toFloatArray()) {
                assertTrue(Float.isNaN(g), "PyTorch's clip_grad_norm_ multiplies every gradient by NaN: " + g);
            }
        }
        List<Tensor> guarded = withGradients(a, b);
        assertRejected(ArithmeticException.class, () -> GradClip.clipGradNorm(guarded, 1.0, 2, true), "NaN",
                "errorIfNonfinite");
        assertArrayEquals(b, guarded.get(1).grad().toFloatArray(), 0, "refused: gradients unchanged");
    }

    private static double norm(double p, float[]... parts) {
        double acc = 0;
        for (float[] part : parts) {
            for (float v : part) {
                acc = p == Double.POSITIVE_INFINITY ? Math.max(acc, Math.abs(v)) : acc + Math.pow(Math.abs(v), p);
            }
        }
        return p == Double.POSITIVE_INFINITY ? acc : Math.pow(acc, 1 / p);
    }

    private static double[] scaled(float[] values, float coefficient) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] * coefficient;
        }
        return out;
    }
}
