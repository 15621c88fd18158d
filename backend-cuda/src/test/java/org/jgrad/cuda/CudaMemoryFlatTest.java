package org.jgrad.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jgrad.Scope;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.backend.Backends;
import org.jgrad.conformance.SuiteBackend;
import org.jgrad.loss.Loss;
import org.jgrad.loss.MSELoss;
import org.jgrad.nn.Dropout;
import org.jgrad.nn.Linear;
import org.jgrad.nn.Module;
import org.jgrad.nn.ReLU;
import org.jgrad.nn.Sequential;
import org.jgrad.optim.Adam;
import org.jgrad.optim.Optimizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The memory check, on a GPU: 10,000 training steps (MLP, dropout, MSE, Adam), each in its
 * own scope, hold device memory flat. After a short warm-up the allocator's blocks (live plus
 * cached) must not grow, and the bytes held by live buffers must be the same after every step.
 */
@ExtendWith(SuiteBackend.class)
class CudaMemoryFlatTest {
    private static final int STEPS = 10_000;
    private static final int WARM_UP = 20;

    @Test
    void tenThousandStepsHoldDeviceMemoryFlat() {
        CudaBackend cuda = (CudaBackend) SuiteBackend.get();
        Backends.setDefault(cuda);
        Module mlp = new Sequential(new Linear(64, 256), new ReLU(), new Dropout(0.2), new Linear(256, 10));
        Tensor x = Tensors.randn(1, 128, 64);
        Tensor y = Tensors.randn(2, 128, 10);
        Optimizer adam = new Adam(mlp.parameters(), 1e-3);
        Loss mse = new MSELoss();
        long used = -1;
        long blocks = -1;
        for (int step = 1; step <= STEPS; step++) {
            try (Scope scope = Scope.open()) {
                adam.zeroGrad();
                Tensor loss = mse.apply(mlp.forward(x), y);
                loss.backward();
                adam.step();
                if (step % 1000 == 0) {
                    loss.item(); // a read: the queued work is done here
                }
            }
            if (step == WARM_UP) {
                used = cuda.usedBytes();
                blocks = cuda.usedBytes() + cuda.cachedBytes();
            } else if (step > WARM_UP) {
                assertEquals(used, cuda.usedBytes(), "bytes in live buffers after step " + step);
                assertEquals(blocks, cuda.usedBytes() + cuda.cachedBytes(), "device bytes held after step " + step);
            }
        }
    }
}
