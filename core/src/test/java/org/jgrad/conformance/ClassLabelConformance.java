package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgrad.Tensor;
import org.jgrad.loss.CrossEntropyLoss;
import org.jgrad.loss.Loss;
import org.jgrad.loss.NLLLoss;
import org.junit.jupiter.api.Test;

/** Class labels out of range name the loss, the label, its position and the class count; all-ignored batches. */
public class ClassLabelConformance extends LossConformanceSupport {

    @Test
    void aLabelOutOfRangeIsNamedWithItsPositionAndTheClassCount() {
        Tensor scores = tensor(randomFloats(6 * 5, 1), 6, 5);
        assertRejected(IllegalArgumentException.class,
                () -> new CrossEntropyLoss().apply(scores, labels(new int[] {0, 1, 4, 7, 2, 3}, 6)),
                "CrossEntropyLoss", "label 7", "position [3]", "5 classes", "ignore index -100");
        assertRejected(IllegalArgumentException.class,
                () -> new NLLLoss().apply(scores, labels(new int[] {0, 1, 4, -1, 2, 3}, 6)),
                "NLLLoss", "label -1", "position [3]", "5 classes");
        Tensor spatial = tensor(randomFloats(2 * 3 * 4, 2), 2, 3, 4);
        assertRejected(IllegalArgumentException.class,
                () -> new CrossEntropyLoss().ignoreIndex(-1).apply(spatial, labels(new int[] {0, 1, -1, 2, 2, 1, 3, 0}, 2, 4)),
                "label 3", "position [1, 2]", "3 classes", "ignore index -1");
        float loss = new CrossEntropyLoss().ignoreIndex(9).apply(scores, labels(new int[] {0, 9, 4, 9, 2, 3}, 6)).item();
        assertTrue(Float.isFinite(loss), "the ignore index may lie outside the classes, as in PyTorch");
    }

    @Test
    void everyTargetIgnoredGivesANaNMeanButZeroGradientsAsPyTorch() {
        for (Loss loss : new Loss[] {new CrossEntropyLoss(), new CrossEntropyLoss().labelSmoothing(0.1f), new NLLLoss()}) {
            Tensor scores = tensor(randomFloats(4 * 3, 3), 4, 3).requiresGrad(true);
            Tensor value = loss.apply(scores, labels(new int[] {-100, -100, -100, -100}, 4));
            assertTrue(Float.isNaN(value.item()), "the mean over no targets is 0/0");
            value.backward();
            for (float g : scores.grad().toFloatArray()) {
                assertTrue(g == 0, "gradient " + g + ", expected 0");
            }
        }
    }
}
