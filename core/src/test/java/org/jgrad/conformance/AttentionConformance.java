package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgrad.Generator;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.ops.Attention;
import org.jgrad.ops.AttentionMask;
import org.junit.jupiter.api.Test;

/**
 * Scaled dot-product attention ({@link Attention}): values against a float64 reference, gradients
 * by central differences, masks in every convention, rows with every key masked (zeros, zero
 * gradient, never NaN), huge scores, dropout, and a mask of the wrong shape.
 */
public class AttentionConformance extends TensorConformanceSupport {

    @Test
    void valuesMatchTheFloat64ReferenceWithAMaskAndCausality() {
        HostArray q = HostArray.random(1, -2, 2, 2, 3, 4);
        HostArray k = HostArray.random(2, -2, 2, 2, 5, 4);
        HostArray v = HostArray.random(3, -2, 2, 2, 5, 3);
        HostArray mask = HostArray.random(4, -1, 1, 3, 5);
        Tensor out = Attention.scaledDotProductAttention(tensor(q), tensor(k), tensor(v),
                AttentionMask.additive(tensor(mask)), 0, true, Generator.global());
        assertTensor("sdpa", reference(q, k, v, mask.data(), true), out, 1e-5, 1e-6);
    }

    @Test
    void gradientsOfQueryKeyAndValue() {
        float[] mask = HostArray.random(5, -1, 1, 3, 5).toFloats();
        check("sdpa additive mask", in -> Attention.scaledDotProductAttention(in[0], in[1], in[2],
                        AttentionMask.additive(tensor(mask, 3, 5)), 0, false, Generator.global()),
                GradInput.uniform(6, -1, 1, 2, 3, 4), GradInput.uniform(7, -1, 1, 2, 5, 4), GradInput.uniform(8, -1, 1, 2, 5, 3));
        check("sdpa causal, key and value broadcast over the heads", in -> Attention.scaledDotProductAttention(in[0], in[1],
                        in[2], null, 0, true, Generator.global()),
                GradInput.uniform(9, -1, 1, 2, 2, 4, 3), GradInput.uniform(10, -1, 1, 2, 1, 4, 3),
                GradInput.uniform(11, -1, 1, 4, 2));
    }

    @Test
    void theThreeMaskConventionsAgree() {
        Tensor q = tensor(HostArray.random(12, -1, 1, 2, 4, 3));
        Tensor k = tensor(HostArray.random(13, -1, 1, 2, 4, 3));
        Tensor v = tensor(HostArray.random(14, -1, 1, 2, 4, 3));
        float[] keep = {1, 1, 0, 1, 0, 1, 1, 1, 1, 0, 1, 0, 0, 0, 1, 1};
        float[] block = new float[keep.length];
        float[] additive = new float[keep.length];
        for (int i = 0; i < keep.length; i++) {
            block[i] = 1 - keep[i];
            additive[i] = keep[i] == 1 ? 0 : Float.NEGATIVE_INFINITY;
        }
        Tensor allowed = Attention.scaledDotProductAttention(q, k, v, AttentionMask.allowed(tensor(keep, 4, 4)), 0, false,
                Generator.global());
        HostArray expected = HostArray.of(allowed.toFloatArray(), allowed.shape());
        assertExact("blocked", expected, Attention.scaledDotProductAttention(q, k, v,
                AttentionMask.blocked(tensor(block, 4, 4)), 0, false, Generator.global()));
        assertExact("additive", expected, Attention.scaledDotProductAttention(q, k, v,
                AttentionMask.additive(tensor(additive, 4, 4)), 0, false, Generator.global()));
        assertTensor("allowed vs float64", reference(HostArray.of(q.toFloatArray(), 2, 4, 3),
                HostArray.of(k.toFloatArray(), 2, 4, 3), HostArray.of(v.toFloatArray(), 2, 4, 3), toDoubles(additive), false),
                allowed, 1e-5, 1e-6);
    }

    @Test
    void aRowWithEveryKeyMaskedGivesZerosAndNoGradient() {
        float[] keep = {1, 0, 1, 0, 0, 0, 0, 1, 1};
        Tensor q = tensor(HostArray.random(15, -1, 1, 3, 2)).requiresGrad(true);
        Tensor k = tensor(HostArray.random(16, -1, 1, 3, 2)).requiresGrad(true);
        Tensor v = tensor(HostArray.random(17, -1, 1, 3, 2)).requiresGrad(true);
        Tensor out = Attention.scaledDotProductAttention(q, k, v, AttentionMask.allowed(tensor(keep, 3, 3)), 0, false,
                Generator.global());
        float[] values = out.toFloatArray();
        assertEquals(0f, values[2]);
        assertEquals(0f, values[3]);
        out.sum().backward();
        float[] dq = q.grad().toFloatArray();
        assertEquals(0f, dq[2]);
        assertEquals(0f, dq[3]);
        for (Tensor t : new Tensor[] {out, q.grad(), k.grad(), v.grad()}) {
            for (float x : t.toFloatArray()) {
                assertTrue(Float.isFinite(x), "finite everywhere, got " + x);
            }
        }
        check("sdpa with a fully masked row", in -> Attention.scaledDotProductAttention(in[0], in[1], in[2],
                        AttentionMask.allowed(tensor(keep, 3, 3)), 0, false, Generator.global()),
                GradInput.uniform(15, -1, 1, 3, 2), GradInput.uniform(16, -1, 1, 3, 2), GradInput.uniform(17, -1, 1, 3, 2));
    }

    @Test
    void hugeScoresStayFinite() {
        HostArray q = HostArray.random(18, -300, 300, 1, 3, 4);
        HostArray k = HostArray.random(19, -300, 300, 1, 4, 4);
        HostArray v = HostArray.random(20, -1, 1, 1, 4, 2);
        Tensor out = Attention.scaledDotProductAttention(tensor(q), tensor(k), tensor(v));
        assertTensor("sdpa with scores near 1e5", reference(q, k, v, null, false), out, 1e-5, 1e-5);
    }

    @Test
    void dropoutZeroesWeightsAndRescalesTheRest() {
        int rows = 64;
        Tensor q = Tensors.zeros(backend(), org.jgrad.DType.FLOAT32, rows, 2);
        Tensor k = Tensors.zeros(backend(), org.jgrad.DType.FLOAT32, 4, 2);
        Tensor v = Tensors.ones(backend(), 4, 1);
        float[] out = Attention.scaledDotProductAttention(q, k, v, null, 0.5, false, new Generator(21)).toFloatArray();
        int changed = 0;
        for (float x : out) {
            // uniform weights 1/4, each kept one scaled by 2: the sum is (kept count) / 2
            assertEquals(Math.round(x * 2) / 2f, x, 1e-6, "a multiple of 1/2");
            changed += x != 1f ? 1 : 0;
        }
        assertTrue(changed > rows / 4, "dropout changed " + changed + " of " + rows + " rows");
    }

    @Test
    void aMaskOfTheWrongShapeNamesBothShapes() {
        Tensor q = tensor(HostArray.random(22, -1, 1, 2, 3, 4));
        Tensor k = tensor(HostArray.random(23, -1, 1, 2, 5, 4));
        assertRejected(IllegalArgumentException.class, () -> Attention.scaledDotProductAttention(q, k, k,
                AttentionMask.additive(tensor(new float[16], 4, 4)), 0, false, Generator.global()), "[4, 4]", "[2, 3, 5]");
    }

    /** softmax(q kᵀ / sqrt(E) + mask) v in float64 for (B, L, E) operands and a (L, S) mask or null. */
    private static HostArray reference(HostArray q, HostArray k, HostArray v, double[] mask, boolean causal) {
        int batch = q.shape()[0];
        int queries = q.shape()[1];
        int width = q.shape()[2];
        int keys = k.shape()[1];
        int out = v.shape()[2];
        double[] result = new double[batch * queries * out];
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < queries; i++) {
                double[] scores = new double[keys];
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < keys; j++) {
                    double dot = 0;
                    for (int e = 0; e < width; e++) {
                        dot += q.data()[(b * queries + i) * width + e] * k.data()[(b * keys + j) * width + e];
                    }
                    scores[j] = dot / Math.sqrt(width) + (mask == null ? 0 : mask[i * keys + j])
                            + (causal && j > i ? Double.NEGATIVE_INFINITY : 0);
                    max = Math.max(max, scores[j]);
                }
                double sum = 0;
                for (int j = 0; j < keys; j++) {
                    scores[j] = Math.exp(scores[j] - max);
                    sum += scores[j];
                }
                for (int j = 0; j < keys; j++) {
                    for (int c = 0; c < out; c++) {
                        result[(b * queries + i) * out + c] += scores[j] / sum * v.data()[(b * keys + j) * out + c];
                    }
                }
            }
        }
        return HostArray.of(result, batch, queries, out);
    }

    private static double[] toDoubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
