package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgrad.AnomalyMode;
import org.jgrad.Tensor;
import org.jgrad.data.DataLoader;
import org.jgrad.nn.Module;
import org.jgrad.train.History;
import org.junit.jupiter.api.Test;

/** Anomaly mode (PyTorch's detect_anomaly) and the trainer's stop on a non-finite loss. */
public class NonFiniteConformance extends TrainerSupport {

    @Test
    void anomalyModeNamesTheForwardOpThatMadeANaN() {
        Tensor x = tensor(new float[] {1, 2, -3, 4, 5, 6}, 2, 3).requiresGrad(true);
        Tensor y = tensor(new float[] {1, 1, 1, 1, 1, 1}, 2, 3);
        try (AnomalyMode ignored = AnomalyMode.enable()) {
            Tensor sum = x.add(y);
            assertRejected(ArithmeticException.class, () -> sum.log(), "LOG forward", "NaN", "element 2", "[2, 3]");
        }
        assertTrue(Float.isNaN(x.log().toFloatArray()[2]), "without the mode the NaN passes silently, as in PyTorch");
        assertTrue(!AnomalyMode.isEnabled(), "closing the mode restores the thread's previous mode");
    }

    @Test
    void anomalyModeNamesTheBackwardOpThatMadeAnInfinity() {
        Tensor x = tensor(new float[] {4, 0, 9}, 3).requiresGrad(true);
        Tensor loss = x.sqrt().sum();
        try (AnomalyMode ignored = AnomalyMode.enable()) {
            assertRejected(ArithmeticException.class, loss::backward, "SQRT backward", "Infinity",
                    "gradient of input 0 [3]", "element 1");
        }
    }

    @Test
    void anomalyModeLetsFiniteTrainingThrough() {
        Module model = model();
        try (AnomalyMode ignored = AnomalyMode.enable()) {
            History history = builder(model).build().fit(loader(32, 1, 8), 2, null);
            assertTrue(Double.isFinite(history.value(2, "loss")));
        }
    }

    @Test
    void fitStopsOnANonFiniteLossBeforeItReachesTheWeights() {
        float[] x = inputs(32, 1);
        x[9 * FEATURES + 1] = Float.NaN;
        Module model = model();
        DataLoader loader = new DataLoader(dataset(x), 4);
        assertRejected(ArithmeticException.class, () -> builder(model).build().fit(loader, 3, null),
                "NaN", "epoch 1, batch 3", "stopOnNonFiniteLoss(false)");
        for (Tensor p : model.parameters()) {
            for (float v : p.toFloatArray()) {
                assertTrue(Float.isFinite(v), "the NaN batch did not update the weights: " + v);
            }
        }
        History history = builder(model).stopOnNonFiniteLoss(false).build().fit(loader, 1, null);
        assertEquals(1, history.epochs());
        assertTrue(Double.isNaN(history.value(1, "loss")), "with the check off, fit trains on as before");
    }
}
