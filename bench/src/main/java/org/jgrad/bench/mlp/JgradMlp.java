package org.jgrad.bench.mlp;

import org.jgrad.backend.Backend;
import org.jgrad.backend.Backends;
import org.jgrad.nn.Linear;
import org.jgrad.nn.ReLU;
import org.jgrad.nn.Sequential;
import org.jgrad.nn.init.Init;
import org.jgrad.optim.SGD;

/** The benchmark MLP in jgrad: Sequential(Linear, ReLU, Linear), Xavier-uniform weights, zero biases, SGD. */
public final class JgradMlp {
    private JgradMlp() {
    }

    /** The network, its weights drawn from the global generator (bench/run spark trains it too). */
    public static Sequential network() {
        Linear hidden = new Linear(MnistArrays.FEATURES, 256);
        Linear output = new Linear(256, MnistArrays.CLASSES);
        for (Linear layer : new Linear[] {hidden, output}) {
            Init.xavierUniform(layer.weight());
            Init.zeros(layer.bias());
        }
        return new Sequential(hidden, new ReLU(), output);
    }

    static MlpModel create(MlpArgs args) {
        Backend backend = Backends.named(args.backend());
        Backends.setDefault(backend);
        Sequential model = network();
        return new JgradModel(backend, model, new SGD(model.parameters(), args.lr()), MnistArrays.FEATURES);
    }
}
