package org.jgrad.bench.peers;

import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.jgrad.bench.mlp.MlpArgs;
import org.jgrad.bench.mlp.MlpModel;
import org.jgrad.bench.mlp.MnistArrays;

/**
 * The benchmark MLP in DJL: Linear(256)-ReLU-Linear(10), plain SGD, Xavier uniform as MXNet/DJL
 * define it (uniform, averaged fans, magnitude 3: bound sqrt(6 / (in + out))), biases zero.
 */
final class DjlMlp {
    private DjlMlp() {
    }

    static MlpModel create(MlpArgs args) {
        SequentialBlock block = new SequentialBlock()
                .add(Linear.builder().setUnits(256).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(MnistArrays.CLASSES).build());
        return new DjlModel(args, block, config -> config
                .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed((float) args.lr())).build())
                .optInitializer(new XavierInitializer(XavierInitializer.RandomType.UNIFORM,
                        XavierInitializer.FactorType.AVG, 3), Parameter.Type.WEIGHT),
                MnistArrays.FEATURES);
    }
}
