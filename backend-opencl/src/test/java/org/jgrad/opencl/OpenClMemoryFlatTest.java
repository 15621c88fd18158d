package org.jgrad.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgrad.Scope;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.backend.Backend;
import org.jgrad.backend.Backends;
import org.jgrad.loss.CrossEntropyLoss;
import org.jgrad.nn.Linear;
import org.jgrad.nn.ReLU;
import org.jgrad.nn.Sequential;
import org.jgrad.optim.Adam;
import org.jgrad.optim.Optimizer;
import org.junit.jupiter.api.Test;

/**
 * A long training loop holds device memory flat: after a warm-up, 10,000 more steps of a small
 * MLP with Adam leave the live buffer count, live bytes and the allocator's cache exactly where
 * they were, and the model has learned (so the steps ran).
 */
@SuppressWarnings("try") // the scopes free what the steps make; their bodies need not name them
class OpenClMemoryFlatTest {
    private static final int WARMUP = 20;
    private static final int STEPS = 10_000;

    @Test
    void tenThousandStepsKeepDeviceMemoryFlat() {
        OpenClBackend backend = SharedOpenCl.opencl();
        Backend previous = Backends.getDefault();
        Backends.setDefault(backend);
        try (Scope test = Scope.open()) {
            Tensor x = Tensors.randn(7, 64, 8);
            int[] labels = new int[64];
            float[] features = x.toFloatArray();
            for (int row = 0; row < labels.length; row++) {
                labels[row] = features[row * 8] > 0 ? (features[row * 8 + 1] > 0 ? 2 : 1) : 0;
            }
            Tensor y = Tensors.fromArray(labels, 64);
            Sequential model = new Sequential(new Linear(8, 32), new ReLU(), new Linear(32, 3));
            Optimizer optimizer = new Adam(model.parameters(), 0.01);
            CrossEntropyLoss loss = new CrossEntropyLoss();
            float first = train(model, optimizer, loss, x, y, WARMUP);
            MemoryStats before = backend.memoryStats();
            float last = train(model, optimizer, loss, x, y, STEPS);
            MemoryStats after = backend.memoryStats();
            assertEquals(before, after, "device memory after " + STEPS + " more steps");
            assertTrue(last < first / 4, "the loss should fall: " + first + " then " + last);
        } finally {
            Backends.setDefault(previous);
        }
    }

    /** Runs steps; returns the last step's loss (read once, so the loop itself never waits). */
    private static float train(Sequential model, Optimizer optimizer, CrossEntropyLoss loss, Tensor x, Tensor y,
                               int steps) {
        for (int step = 0; step < steps - 1; step++) {
            try (Scope scope = Scope.open()) {
                optimizer.zeroGrad();
                loss.apply(model.forward(x), y).backward();
                optimizer.step();
            }
        }
        try (Scope scope = Scope.open()) {
            optimizer.zeroGrad();
            Tensor value = loss.apply(model.forward(x), y);
            value.backward();
            optimizer.step();
            return value.item();
        }
    }
}
