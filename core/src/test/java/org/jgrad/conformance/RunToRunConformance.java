package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jgrad.DType;
import org.jgrad.Generator;
import org.jgrad.Scope;
import org.jgrad.Tensor;
import org.jgrad.backend.Buffer;
import org.jgrad.loss.CrossEntropyLoss;
import org.jgrad.nn.Conv2d;
import org.jgrad.nn.Embedding;
import org.jgrad.nn.Flatten;
import org.jgrad.nn.GELU;
import org.jgrad.nn.Linear;
import org.jgrad.nn.MaxPool2d;
import org.jgrad.nn.ReLU;
import org.jgrad.nn.Sequential;
import org.jgrad.nn.Tanh;
import org.jgrad.optim.Adam;
import org.junit.jupiter.api.Test;

/**
 * Run-to-run determinism on one device: the same work twice gives the same bits (README,
 * "Determinism"). Scatter-add sums repeated indices in index order on every backend, without
 * atomics; a few training steps of a small CNN (convolution, pooling, GEMM, reductions,
 * transcendentals, an embedding's scatter-add, Adam) end with identical weights.
 */
public class RunToRunConformance extends TensorConformanceSupport {

    @Test
    void scatterAddSumsRepeatedIndicesInIndexOrder() {
        int outer = 2;
        int indexSize = 3000;
        int inner = 3;
        int outSize = 5;
        float[] src = randomFloats(outer * indexSize * inner, 31, -1e3, 1e3);
        int[] index = randomIndices(outer * indexSize * inner, outSize, 32);
        float[] expected = new float[outer * outSize * inner];
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < indexSize; j++) {
                for (int i = 0; i < inner; i++) {
                    int at = (o * indexSize + j) * inner + i;
                    expected[(o * outSize + index[at]) * inner + i] += src[at];
                }
            }
        }
        for (int run = 0; run < 3; run++) {
            Buffer out = backend().allocate(DType.FLOAT32, expected.length);
            backend().scatterAdd(upload(src), outer, indexSize, inner, upload(index), outSize, out);
            assertBits("scatterAdd run " + run, expected, backend().downloadFloat(out));
            backend().free(out);
        }
    }

    @Test
    void trainingTwiceGivesTheSameWeights() {
        assertBits("weights of the second run", train(), train());
    }

    private float[] train() {
        Generator.manualSeed(15);
        Embedding embedding = new Embedding(12, 16);
        Sequential model = new Sequential(new Conv2d(1, 4, 3, 1, 1), new ReLU(), new MaxPool2d(2),
                new Conv2d(4, 4, 3, 1, 1), new Tanh(), new Flatten(), new Linear(4 * 4 * 4, 32), new GELU(),
                new Linear(32, 6));
        java.util.List<Tensor> parameters = new java.util.ArrayList<>(model.parameters());
        parameters.addAll(embedding.parameters());
        Adam adam = new Adam(parameters, 1e-2);
        Tensor x = tensor(randomFloats(32 * 8 * 8, 5), 32, 1, 8, 8);
        int[] labels = new int[32];
        int[] tokens = new int[32 * 4];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = i * 5 % 12;
            labels[i / 4] = i * 7 % 6;
        }
        Tensor y = intTensor(labels, 32);
        Tensor t = intTensor(tokens, 32, 4);
        for (int step = 0; step < 3; step++) {
            try (Scope ignored = Scope.open()) {
                adam.zeroGrad();
                Tensor logits = model.forward(x).add(embedding.forward(t).sum(1, false).narrow(1, 0, 6));
                new CrossEntropyLoss().apply(logits, y).backward();
                adam.step();
            }
        }
        int total = 0;
        for (Tensor p : parameters) {
            total += p.numel();
        }
        float[] all = new float[total];
        int at = 0;
        for (Tensor p : parameters) {
            float[] values = p.toFloatArray();
            System.arraycopy(values, 0, all, at, values.length);
            at += values.length;
        }
        return all;
    }

    private static void assertBits(String what, float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits(actual[i]),
                    what + ": element " + i + " is " + actual[i] + ", expected " + expected[i]);
        }
    }
}
