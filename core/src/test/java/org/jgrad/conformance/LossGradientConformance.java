package org.jgrad.conformance;

import java.util.List;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.loss.BCEWithLogitsLoss;
import org.jgrad.loss.CrossEntropyLoss;
import org.jgrad.loss.HuberLoss;
import org.jgrad.loss.L1Loss;
import org.jgrad.loss.MSELoss;
import org.jgrad.loss.NLLLoss;
import org.jgrad.loss.Penalties;
import org.jgrad.loss.Reduction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Gradients of every loss, for every reduction, against central finite differences
 * ({@link GradCheck}), with respect to the input, the target where it is continuous, and the
 * weight options.
 */
public class LossGradientConformance extends LossConformanceSupport {
    private static final float HUBER_DELTA = 0.6f;
    private static final int[] MATRIX = {7, 3};
    private static final int[] VOLUME = {3, 4, 5};

    /** Target = input - diff with |diff| away from 0 and from the Huber delta, where L1 and Huber kink. */
    private static GradInput[] regressionPair(long seed) {
        GradInput input = GradInput.uniform(seed, -2, 2, MATRIX);
        GradInput diff = GradInput.avoiding(seed + 1, -2, 2, new double[] {-HUBER_DELTA, 0, HUBER_DELTA}, MATRIX);
        float[] target = new float[diff.values().length];
        for (int i = 0; i < target.length; i++) {
            target[i] = input.values()[i] - diff.values()[i];
        }
        return new GradInput[] {input, GradInput.of(target, MATRIX)};
    }

    @ParameterizedTest
    @EnumSource(Reduction.class)
    void regressionLosses(Reduction r) {
        GradInput[] pair = regressionPair(51);
        check("MSELoss " + r, t -> new MSELoss(r).apply(t[0], t[1]), pair);
        check("L1Loss " + r, t -> new L1Loss(r).apply(t[0], t[1]), pair);
        check("HuberLoss " + r, t -> new HuberLoss(HUBER_DELTA, r).apply(t[0], t[1]), pair);
    }

    /** Class weights (also differentiated), label smoothing and the default ignored label together. */
    @ParameterizedTest
    @EnumSource(Reduction.class)
    void crossEntropyOfLabels(Reduction r) {
        for (int[] shape : new int[][] {MATRIX, VOLUME}) {
            int[] labelShape = ClassificationLossConformance.labelShape(shape);
            int[] labels = ClassificationLossConformance.Ignore.DEFAULT.apply(
                    randomIndices(Shape.numel(labelShape), shape[1], 52));
            Tensor target = labels(labels, labelShape);
            GradInput logits = GradInput.uniform(53, -3, 3, shape);
            GradInput weight = GradInput.uniform(54, 0.2, 2, shape[1]);
            check("CrossEntropyLoss " + r + " " + Shape.toString(shape),
                    t -> new CrossEntropyLoss().reduction(r).weight(t[1]).labelSmoothing(0.15f).apply(t[0], target),
                    logits, weight);
            check("CrossEntropyLoss plain " + r + " " + Shape.toString(shape),
                    t -> new CrossEntropyLoss().reduction(r).apply(t[0], target), logits);
        }
    }

    @ParameterizedTest
    @EnumSource(Reduction.class)
    void crossEntropyOfProbabilities(Reduction r) {
        GradInput logits = GradInput.uniform(55, -3, 3, VOLUME);
        GradInput probabilities = GradInput.uniform(56, 0, 1, VOLUME);
        GradInput weight = GradInput.uniform(57, 0.2, 2, VOLUME[1]);
        check("CrossEntropyLoss of probabilities " + r,
                t -> new CrossEntropyLoss().reduction(r).weight(t[2]).labelSmoothing(0.2f).apply(t[0], t[1]),
                logits, probabilities, weight);
    }

    @ParameterizedTest
    @EnumSource(Reduction.class)
    void nll(Reduction r) {
        int[] labels = ClassificationLossConformance.Ignore.DEFAULT.apply(randomIndices(7, 3, 58));
        Tensor target = labels(labels, 7);
        check("NLLLoss " + r, t -> new NLLLoss().reduction(r).weight(t[1]).apply(t[0], target),
                GradInput.uniform(59, -4, 0, MATRIX), GradInput.uniform(60, 0.2, 2, 3));
    }

    /** posWeight per column and weight per row, both differentiated; logits away from 0, where relu and abs kink. */
    @ParameterizedTest
    @EnumSource(Reduction.class)
    void bceWithLogits(Reduction r) {
        GradInput logits = GradInput.avoiding(61, -4, 4, new double[] {0}, MATRIX);
        GradInput targets = GradInput.uniform(62, 0, 1, MATRIX);
        check("BCEWithLogitsLoss " + r, t -> new BCEWithLogitsLoss().reduction(r).apply(t[0], t[1]), logits, targets);
        check("BCEWithLogitsLoss weighted " + r,
                t -> new BCEWithLogitsLoss().reduction(r).posWeight(t[2]).weight(t[3]).apply(t[0], t[1]),
                logits, targets, GradInput.uniform(63, 0.2, 3, 3), GradInput.uniform(64, 0.2, 2, 7, 1));
    }

    @Test
    void penalties() {
        GradInput a = GradInput.awayFromZero(65, MATRIX);
        GradInput b = GradInput.awayFromZero(66, 5);
        check("Penalties.l2", t -> Penalties.l2(List.of(t), 0.3f), a, b);
        check("Penalties.l1", t -> Penalties.l1(List.of(t), 0.3f), a, b);
    }
}
