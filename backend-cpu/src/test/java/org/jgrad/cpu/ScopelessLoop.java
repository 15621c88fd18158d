package org.jgrad.cpu;

import org.jgrad.DType;
import org.jgrad.Generator;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.backend.Backends;
import org.jgrad.loss.CrossEntropyLoss;
import org.jgrad.nn.Linear;
import org.jgrad.nn.ReLU;
import org.jgrad.nn.Sequential;
import org.jgrad.optim.Adam;

/**
 * A PyTorch-style training loop with no Scope and no close: MLP 784-512-256-10, Adam, a fresh
 * random batch of 16 each step. Run in a child JVM with a small heap by {@link CpuScopelessTrainingTest};
 * prints "done STEPS" at the end.
 */
public final class ScopelessLoop {
    private ScopelessLoop() {
    }

    public static void main(String[] args) {
        int steps = Integer.parseInt(args[0]);
        Backends.setDefault(new CpuBackend());
        Generator.manualSeed(1);
        Sequential model = new Sequential(new Linear(784, 512), new ReLU(), new Linear(512, 256), new ReLU(),
                new Linear(256, 10));
        Adam adam = new Adam(model.parameters(), 1e-3);
        CrossEntropyLoss loss = new CrossEntropyLoss();
        Generator data = new Generator(2);
        float last = 0;
        for (int step = 0; step < steps; step++) {
            Tensor x = Tensors.rand(data, 16, 784);
            Tensor y = Tensors.rand(data, 16).mul(10f).toType(DType.INT32);
            adam.zeroGrad();
            Tensor value = loss.apply(model.forward(x), y);
            value.backward();
            adam.step();
            if (step % 1000 == 0) {
                last = value.item();
                System.out.println("step " + step + " heap used " + (Runtime.getRuntime().totalMemory()
                        - Runtime.getRuntime().freeMemory()) / (1 << 20) + " MiB");
            }
        }
        System.out.println("done " + steps + " loss " + last);
    }
}
