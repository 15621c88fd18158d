package org.jgrad.conformance;

import org.jgrad.DType;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.loss.CrossEntropyLoss;
import org.jgrad.loss.NLLLoss;
import org.jgrad.loss.Reduction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Cross-entropy on huge logits, and the class losses' argument errors. */
public class ClassLossEdgeConformance extends LossConformanceSupport {
    private static final int[] SHAPE = {7, 5};

    /** Logits of +-1e4 plus a random fraction: every exp(x) overflows float32, log-softmax does not. */
    private static float[] hugeLogits() {
        float[] signs = randomFloats(35, 21);
        float[] fractions = randomFloats(35, 22);
        float[] logits = new float[35];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (signs[i] < 0 ? -1e4f : 1e4f) + fractions[i];
        }
        return logits;
    }

    @ParameterizedTest
    @EnumSource(Reduction.class)
    void crossEntropyIsFiniteAndCorrectOnHugeLogits(Reduction reduction) {
        ClassLossReference ref = new ClassLossReference(SHAPE);
        float[] logits = hugeLogits();
        int[] labels = randomIndices(7, 5, 23);
        Tensor loss = new CrossEntropyLoss().labelSmoothing(0.1f).reduction(reduction)
                .apply(tensor(logits, SHAPE), labels(labels, 7));
        assertFinite("loss", loss.toFloatArray());
        assertLoss("cross-entropy", ref.crossEntropy(ref.logSoftmax(logits), labels, null, -100, 0.1, reduction),
                new int[] {7}, reduction, loss);
    }

    @Test
    void crossEntropyGradientIsSoftmaxMinusOneHotOnHugeLogits() {
        ClassLossReference ref = new ClassLossReference(SHAPE);
        float[] logits = hugeLogits();
        int[] labels = randomIndices(7, 5, 24);
        Tensor x = tensor(logits, SHAPE).requiresGrad(true);
        new CrossEntropyLoss().apply(x, labels(labels, 7)).backward();
        double[] logp = ref.logSoftmax(logits);
        double[] expected = new double[logp.length];
        for (int n = 0; n < 7; n++) {
            for (int c = 0; c < 5; c++) {
                int at = ref.at(n, c, 0);
                expected[at] = (Math.exp(logp[at]) - (labels[n] == c ? 1 : 0)) / 7;
            }
        }
        float[] grad = x.grad().toFloatArray();
        assertFinite("gradient", grad);
        assertClose("gradient", expected, grad, 1e-5, 1e-7);
    }

    @Test
    void labelsThatDoNotFitTheInputNameTheLossAndBothShapes() {
        Tensor logits = tensor(randomFloats(15, 25), 3, 5);
        CrossEntropyLoss ce = new CrossEntropyLoss();
        assertRejected(() -> ce.apply(logits, labels(new int[] {0, 1, 2, 3}, 4)),
                "CrossEntropyLoss", "[3, 5]", "[4]", "[3]");
        assertRejected(() -> ce.apply(logits, tensor(new float[] {0, 1, 2}, 3)),
                "CrossEntropyLoss", "[3, 5]", "[3]", "FLOAT32");
        assertRejected(() -> ce.apply(tensor(randomFloats(5, 26), 5), labels(new int[] {1}, 1)),
                "CrossEntropyLoss", "[5]", "(N, C)");
        assertRejected(() -> new NLLLoss().apply(logits, labels(new int[] {0, 1, 2, 3, 4, 0}, 3, 2)),
                "NLLLoss", "[3, 5]", "[3, 2]");
        assertRejected(() -> new NLLLoss().apply(Tensors.zeros(backend(), DType.INT32, 3, 5), labels(new int[3], 3)),
                "NLLLoss", "input", "INT32");
    }

    @Test
    void badOptionsAreRejected() {
        Tensor logits = tensor(randomFloats(15, 27), 3, 5);
        Tensor labels = labels(new int[] {0, 4, 2}, 3);
        assertRejected(() -> new CrossEntropyLoss().weight(tensor(new float[] {1, 2, 3, 4}, 4)).apply(logits, labels),
                "CrossEntropyLoss", "weight", "[4]", "[5]");
        assertRejected(() -> new NLLLoss().weight(labels(new int[] {1, 1, 1, 1, 1}, 5)).apply(logits, labels),
                "NLLLoss", "weight", "INT32");
        assertRejected(() -> new CrossEntropyLoss().labelSmoothing(1.5f), "CrossEntropyLoss", "smoothing");
        assertRejected(() -> new CrossEntropyLoss().labelSmoothing(Float.NaN), "CrossEntropyLoss", "smoothing");
        assertRejected(() -> new NLLLoss().reduction(null), "NLLLoss", "reduction");
    }
}
