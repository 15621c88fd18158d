package org.jgrad.bench.mlp;

import org.jgrad.Generator;
import org.jgrad.backend.Backend;
import org.jgrad.backend.Backends;
import org.jgrad.nn.BatchNorm2d;
import org.jgrad.nn.Conv2d;
import org.jgrad.nn.Dropout;
import org.jgrad.nn.Flatten;
import org.jgrad.nn.Linear;
import org.jgrad.nn.MaxPool2d;
import org.jgrad.nn.ReLU;
import org.jgrad.nn.ResidualBlock;
import org.jgrad.nn.Sequential;
import org.jgrad.optim.Adam;

/**
 * The examples' small MNIST CNN ({@code ./jgrad mnist-cnn}) in jgrad: Conv(1→16, 3x3, pad 1)-BN-
 * ReLU-MaxPool2, a ResNet basic block (16 channels), Conv(16→32)-BN-ReLU-MaxPool2, Dropout(0.25),
 * Linear(32·7·7→10), jgrad's default (PyTorch's) initialisation, Adam at a fixed learning rate
 * (the example adds a cosine schedule; the benchmark keeps the rate fixed in every framework).
 */
final class JgradCnn {
    private JgradCnn() {
    }

    static MlpModel create(MlpArgs args) {
        Backend backend = Backends.named(args.backend());
        Backends.setDefault(backend);
        Generator.manualSeed(args.seed());
        Sequential model = new Sequential(
                new Conv2d(1, 16, 3, 1, 1), new BatchNorm2d(16), new ReLU(), new MaxPool2d(2),
                new ResidualBlock(16),
                new Conv2d(16, 32, 3, 1, 1), new BatchNorm2d(32), new ReLU(), new MaxPool2d(2),
                new Flatten(), new Dropout(0.25), new Linear(32 * 7 * 7, MnistArrays.CLASSES));
        return new JgradModel(backend, model, new Adam(model.parameters(), args.lr()), 1, 28, 28);
    }
}
