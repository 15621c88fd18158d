package org.jgrad.bench.peers;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import org.jgrad.bench.mlp.MlpArgs;
import org.jgrad.bench.mlp.MlpModel;
import org.jgrad.bench.mlp.MlpRun;
import org.jgrad.bench.mlp.MnistArrays;

/**
 * The benchmark MLP in DJL with its PyTorch engine, the loop of DJL's own examples without
 * listeners: forward under a gradient collector, softmax cross-entropy, backward, SGD step, each
 * batch's arrays in a sub-manager freed after the step. Xavier uniform as MXNet/DJL define it
 * (uniform, averaged fans, magnitude 3: bound sqrt(6 / (in + out))), biases zero.
 */
public final class DjlMlp implements MlpModel {
    private final Model model;
    private final Trainer trainer;

    DjlMlp(MlpArgs args) {
        Engine.getEngine("PyTorch").setRandomSeed((int) args.seed());
        SequentialBlock block = new SequentialBlock()
                .add(Linear.builder().setUnits(256).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(MnistArrays.CLASSES).build());
        model = Model.newInstance("mlp", "PyTorch");
        model.setBlock(block);
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed((float) args.lr())).build())
                .optInitializer(new XavierInitializer(XavierInitializer.RandomType.UNIFORM,
                        XavierInitializer.FactorType.AVG, 3), Parameter.Type.WEIGHT);
        trainer = model.newTrainer(config);
        trainer.initialize(new Shape(args.batchSize(), MnistArrays.FEATURES));
    }

    public static void main(String[] args) throws IOException {
        MlpRun.main("djl", args, DjlMlp::new, System.out);
    }

    @Override
    public void trainBatch(float[] x, int[] y) {
        try (NDManager batch = trainer.getManager().newSubManager()) {
            NDArray inputs = batch.create(x, new Shape(y.length, MnistArrays.FEATURES));
            NDArray labels = batch.create(toFloats(y), new Shape(y.length));
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDList logits = trainer.forward(new NDList(inputs));
                collector.backward(trainer.getLoss().evaluate(new NDList(labels), logits));
            }
            trainer.step();
        }
    }

    @Override
    public float[] scores(float[] x) {
        try (NDManager batch = trainer.getManager().newSubManager()) {
            NDArray inputs = batch.create(x, new Shape(x.length / MnistArrays.FEATURES, MnistArrays.FEATURES));
            return trainer.evaluate(new NDList(inputs)).singletonOrThrow().toFloatArray();
        }
    }

    @Override
    public String description() {
        Engine engine = Engine.getEngine("PyTorch");
        return "DJL " + Engine.getDjlVersion() + ", PyTorch " + engine.getVersion() + " on "
                + engine.defaultDevice();
    }

    @Override
    public void close() {
        trainer.close();
        model.close();
    }

    private static float[] toFloats(int[] labels) {
        float[] out = new float[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = labels[i];
        }
        return out;
    }
}
