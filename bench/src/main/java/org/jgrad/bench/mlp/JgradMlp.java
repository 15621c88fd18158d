package org.jgrad.bench.mlp;

import org.jgrad.NoGrad;
import org.jgrad.Scope;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.backend.Backend;
import org.jgrad.backend.Backends;
import org.jgrad.loss.CrossEntropyLoss;
import org.jgrad.nn.Linear;
import org.jgrad.nn.ReLU;
import org.jgrad.nn.Sequential;
import org.jgrad.nn.init.Init;
import org.jgrad.optim.SGD;

/** The benchmark MLP in jgrad, written as a user would: Sequential, CrossEntropyLoss, SGD, a scope per step. */
final class JgradMlp implements MlpModel {
    private final Backend backend;
    private final Sequential model;
    private final SGD optimizer;
    private final CrossEntropyLoss loss = new CrossEntropyLoss();

    JgradMlp(MlpArgs args) {
        backend = Backends.named(args.backend());
        Backends.setDefault(backend);
        Linear hidden = new Linear(MnistArrays.FEATURES, 256);
        Linear output = new Linear(256, MnistArrays.CLASSES);
        for (Linear layer : new Linear[] {hidden, output}) {
            Init.xavierUniform(layer.weight());
            Init.zeros(layer.bias());
        }
        model = new Sequential(hidden, new ReLU(), output);
        optimizer = new SGD(model.parameters(), args.lr());
    }

    @Override
    public void trainBatch(float[] x, int[] y) {
        try (Scope step = Scope.open()) {
            Tensor inputs = Tensors.fromArray(backend, x, y.length, MnistArrays.FEATURES);
            Tensor labels = Tensors.fromArray(backend, y, y.length);
            optimizer.zeroGrad();
            loss.apply(model.forward(inputs), labels).backward();
            optimizer.step();
        }
    }

    @Override
    public float[] scores(float[] x) {
        try (Scope scope = Scope.open(); NoGrad noGrad = NoGrad.enter()) {
            return model.forward(Tensors.fromArray(backend, x, x.length / MnistArrays.FEATURES, MnistArrays.FEATURES))
                    .toFloatArray();
        }
    }

    @Override
    public String description() {
        return "jgrad " + backend.description();
    }

    @Override
    public void close() {
        model.close();
    }
}
