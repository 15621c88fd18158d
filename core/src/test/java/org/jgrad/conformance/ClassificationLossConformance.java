package org.jgrad.conformance;

import java.util.ArrayList;
import java.util.List;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.loss.CrossEntropyLoss;
import org.jgrad.loss.NLLLoss;
import org.jgrad.loss.Reduction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CrossEntropyLoss (labels and probabilities) and NLLLoss against float64 references for every
 * reduction, with and without class weights, label smoothing and ignored labels.
 */
public class ClassificationLossConformance extends LossConformanceSupport {

    /** Which labels are ignored: none, the default -100 on every third sample, or every label 0. */
    enum Ignore {
        NONE, DEFAULT, CLASS_ZERO;

        int index() {
            return this == CLASS_ZERO ? 0 : -100;
        }

        int[] apply(int[] labels) {
            int[] out = labels.clone();
            for (int k = 0; this == DEFAULT && k < out.length; k += 3) {
                out[k] = -100;
            }
            return out;
        }
    }

    static List<Arguments> labelCases() {
        int[][] shapes = {{1, 1}, {7, 3}, {129, 10}, {3, 4, 5}, {2, 3, 2, 3}};
        List<Arguments> cases = new ArrayList<>();
        for (int[] shape : shapes) {
            for (Reduction reduction : Reduction.values()) {
                for (boolean weighted : new boolean[] {false, true}) {
                    for (Ignore ignore : Ignore.values()) {
                        cases.add(Arguments.of(shape, reduction, weighted, ignore, 0f));
                        cases.add(Arguments.of(shape, reduction, weighted, ignore, 0.2f));
                    }
                }
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} {1} weighted {2} ignore {3} smoothing {4}")
    @MethodSource("labelCases")
    void crossEntropyOfLabelsMatchesReference(int[] shape, Reduction reduction, boolean weighted, Ignore ignore,
            float smoothing) {
        ClassLossReference ref = new ClassLossReference(shape);
        float[] logits = randomFloats(Shape.numel(shape), 11, -4, 4);
        int[] labels = ignore.apply(randomIndices(ref.labelCount(), shape[1], 12));
        float[] weight = weighted ? randomFloats(shape[1], 13, 0.2, 2) : null;
        CrossEntropyLoss loss = new CrossEntropyLoss().reduction(reduction).labelSmoothing(smoothing)
                .ignoreIndex(ignore.index()).weight(weighted ? tensor(weight, shape[1]) : null);
        double[] expected = ref.crossEntropy(ref.logSoftmax(logits), labels, weighted ? doubles(weight) : null,
                ignore.index(), smoothing, reduction);
        Tensor actual = loss.apply(tensor(logits, shape), labels(labels, labelShape(shape)));
        assertLoss("cross-entropy", expected, labelShape(shape), reduction, actual);
    }

    static List<Arguments> probabilityCases() {
        List<Arguments> cases = new ArrayList<>();
        for (int[] shape : new int[][] {{1, 1}, {7, 5}, {3, 4, 2}}) {
            for (Reduction reduction : Reduction.values()) {
                for (boolean weighted : new boolean[] {false, true}) {
                    cases.add(Arguments.of(shape, reduction, weighted, 0f));
                    cases.add(Arguments.of(shape, reduction, weighted, 0.3f));
                }
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} {1} weighted {2} smoothing {3}")
    @MethodSource("probabilityCases")
    void crossEntropyOfProbabilitiesMatchesReference(int[] shape, Reduction reduction, boolean weighted,
            float smoothing) {
        ClassLossReference ref = new ClassLossReference(shape);
        float[] logits = randomFloats(Shape.numel(shape), 14, -4, 4);
        float[] probabilities = randomFloats(logits.length, 15, 0, 1);
        float[] weight = weighted ? randomFloats(shape[1], 16, 0.2, 2) : null;
        CrossEntropyLoss loss = new CrossEntropyLoss().reduction(reduction).labelSmoothing(smoothing)
                .weight(weighted ? tensor(weight, shape[1]) : null);
        double[] expected = ref.crossEntropyWithProbabilities(ref.logSoftmax(logits), probabilities,
                weighted ? doubles(weight) : null, smoothing, reduction);
        Tensor actual = loss.apply(tensor(logits, shape), tensor(probabilities, shape));
        assertLoss("cross-entropy of probabilities", expected, labelShape(shape), reduction, actual);
    }

    static List<Arguments> nllCases() {
        List<Arguments> cases = new ArrayList<>();
        for (int[] shape : new int[][] {{1, 1}, {7, 3}, {3, 4, 5}}) {
            for (Reduction reduction : Reduction.values()) {
                for (Ignore ignore : Ignore.values()) {
                    cases.add(Arguments.of(shape, reduction, false, ignore));
                    cases.add(Arguments.of(shape, reduction, true, ignore));
                }
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} {1} weighted {2} ignore {3}")
    @MethodSource("nllCases")
    void nllMatchesReference(int[] shape, Reduction reduction, boolean weighted, Ignore ignore) {
        ClassLossReference ref = new ClassLossReference(shape);
        float[] logProbabilities = randomFloats(Shape.numel(shape), 17, -5, 0);
        int[] labels = ignore.apply(randomIndices(ref.labelCount(), shape[1], 18));
        float[] weight = weighted ? randomFloats(shape[1], 19, 0.2, 2) : null;
        NLLLoss loss = new NLLLoss().reduction(reduction).ignoreIndex(ignore.index())
                .weight(weighted ? tensor(weight, shape[1]) : null);
        double[] expected = ref.crossEntropy(doubles(logProbabilities), labels, weighted ? doubles(weight) : null,
                ignore.index(), 0, reduction);
        Tensor actual = loss.apply(tensor(logProbabilities, shape), labels(labels, labelShape(shape)));
        assertLoss("nll", expected, labelShape(shape), reduction, actual);
    }

    /** (N, C, d1...) without C. */
    static int[] labelShape(int[] scoresShape) {
        int[] out = new int[scoresShape.length - 1];
        out[0] = scoresShape[0];
        System.arraycopy(scoresShape, 2, out, 1, out.length - 1);
        return out;
    }
}
