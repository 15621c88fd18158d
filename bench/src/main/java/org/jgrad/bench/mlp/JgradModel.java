package org.jgrad.bench.mlp;

import org.jgrad.NoGrad;
import org.jgrad.Scope;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.backend.Backend;
import org.jgrad.loss.CrossEntropyLoss;
import org.jgrad.nn.Module;
import org.jgrad.optim.Optimizer;

/**
 * A jgrad benchmark model trained as a user would: cross-entropy on the module's logits, the
 * optimizer's step, a scope per step; inputs reshaped to {@code [n, exampleShape...]}.
 */
final class JgradModel implements MlpModel {
    private final Backend backend;
    private final Module model;
    private final Optimizer optimizer;
    private final int[] exampleShape;
    private final CrossEntropyLoss loss = new CrossEntropyLoss();

    JgradModel(Backend backend, Module model, Optimizer optimizer, int... exampleShape) {
        this.backend = backend;
        this.model = model;
        this.optimizer = optimizer;
        this.exampleShape = exampleShape.clone();
    }

    @Override
    public void trainBatch(float[] x, int[] y) {
        try (Scope step = Scope.open()) {
            model.train();
            Tensor labels = Tensors.fromArray(backend, y, y.length);
            optimizer.zeroGrad();
            loss.apply(model.forward(inputs(x)), labels).backward();
            optimizer.step();
        }
    }

    @Override
    public float[] scores(float[] x) {
        try (Scope scope = Scope.open(); NoGrad noGrad = NoGrad.enter()) {
            model.eval();
            return model.forward(inputs(x)).toFloatArray();
        }
    }

    private Tensor inputs(float[] x) {
        int[] shape = new int[exampleShape.length + 1];
        shape[0] = x.length / MnistArrays.FEATURES;
        System.arraycopy(exampleShape, 0, shape, 1, exampleShape.length);
        return Tensors.fromArray(backend, x, shape);
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
