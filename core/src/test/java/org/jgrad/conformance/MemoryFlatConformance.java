package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgrad.Scope;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.backend.device.MemoryStats;
import org.jgrad.loss.CrossEntropyLoss;
import org.jgrad.nn.Dropout;
import org.jgrad.nn.Linear;
import org.jgrad.nn.ReLU;
import org.jgrad.nn.Sequential;
import org.jgrad.optim.Adam;
import org.jgrad.optim.Optimizer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A long training loop holds device memory flat: after a warm-up, each of 10,000 more steps of a
 * small MLP (dropout, cross-entropy, Adam), each in its own scope, leaves the live buffers, their
 * bytes and the allocator's cache exactly where they were, and the model learns (so the steps ran).
 * Needs the backend's memory statistics ({@link BackendUnderTest#memoryStats}); skipped, with the
 * reason, on a backend without them (the CPU's arrays belong to the garbage collector).
 */
@SuppressWarnings("try") // the scopes free what the steps make; their bodies need not name them
public class MemoryFlatConformance extends TensorConformanceSupport {
    private static final int WARM_UP = 20;
    private static final int STEPS = 10_000;

    private static MemoryStats stats() {
        return SuiteBackend.provider().memoryStats();
    }

    @Test
    void tenThousandStepsKeepDeviceMemoryFlat() {
        Assumptions.assumeTrue(stats() != null, "no device memory statistics on " + backend().name());
        Tensor x = Tensors.randn(7, 64, 8);
        int[] labels = new int[64];
        float[] features = x.toFloatArray();
        for (int row = 0; row < labels.length; row++) {
            labels[row] = features[row * 8] > 0 ? (features[row * 8 + 1] > 0 ? 2 : 1) : 0;
        }
        Tensor y = Tensors.fromArray(labels, 64);
        Sequential model = new Sequential(new Linear(8, 32), new ReLU(), new Dropout(0.1), new Linear(32, 3));
        Optimizer optimizer = new Adam(model.parameters(), 0.01);
        CrossEntropyLoss loss = new CrossEntropyLoss();
        float first = 0;
        MemoryStats warm = null;
        for (int step = 1; step <= WARM_UP + STEPS; step++) {
            try (Scope scope = Scope.open()) {
                optimizer.zeroGrad();
                Tensor value = loss.apply(model.forward(x), y);
                value.backward();
                optimizer.step();
                if (step == 1) {
                    first = value.item();
                } else if (step % 1000 == 0) {
                    value.item(); // a read: the queued work is done here
                }
            }
            if (step == WARM_UP) {
                warm = stats();
            } else if (step > WARM_UP) {
                assertEquals(warm, stats(), "device memory after step " + step);
            }
        }
        model.eval();
        float last = loss.apply(model.forward(x), y).item();
        assertTrue(last < first / 4, "the loss should fall: " + first + " then " + last);
    }
}
