package org.jgrad.bench.peers;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.jgrad.bench.mlp.MlpArgs;
import org.jgrad.bench.mlp.MlpModel;
import org.jgrad.bench.mlp.MlpRun;
import org.jgrad.bench.mlp.MnistArrays;

/**
 * A benchmark model in DJL with its PyTorch engine ({@link DjlMlp} or {@link DjlCnn} build the
 * block and the training config), trained with the loop of DJL's own examples without listeners:
 * forward under a gradient collector, softmax cross-entropy on logits, backward, the optimizer's
 * step, each batch's arrays in a sub-manager freed after the step. {@code trainer.evaluate} runs
 * the block in inference mode (no dropout, BatchNorm running statistics). With {@code --feed
 * resident} the training set lives in native memory as one array, and each batch is gathered from
 * it by a slice of the epoch's permutation, as a PyTorch user writes {@code x[perm[i:i + b]]}; else
 * each batch's host arrays are copied in. Run the CNN with glibc's
 * {@code MALLOC_MMAP_THRESHOLD_} and {@code MALLOC_TRIM_THRESHOLD_} raised, as {@code bench/run} does:
 * with the defaults, malloc returns PyTorch's multi-MB temporaries to the kernel and page faults
 * slow every epoch more than the last (docs/PERFORMANCE.md); nothing in this loop accumulates.
 */
public final class DjlModel implements MlpModel {
    private final Model model;
    private final Trainer trainer;
    private final long[] exampleShape;
    private NDArray residentInputs;
    private NDArray residentLabels;

    /**
     * {@code config} completes a training config whose loss is softmax cross-entropy (optimizer,
     * initializer); inputs are reshaped to {@code [n, exampleShape...]}.
     */
    DjlModel(MlpArgs args, Block block, UnaryOperator<DefaultTrainingConfig> config, long... exampleShape) {
        Engine.getEngine("PyTorch").setRandomSeed((int) args.seed());
        this.exampleShape = exampleShape.clone();
        model = Model.newInstance(args.model(), "PyTorch");
        model.setBlock(block);
        trainer = model.newTrainer(config.apply(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())));
        trainer.initialize(shape(args.batchSize()));
    }

    /** {@code bench/run mlp-peers}' DJL process: the MLP, or the CNN after {@code --model cnn}. */
    public static void main(String[] args) throws IOException {
        MlpRun.main("djl", args, DjlMlp::create, DjlCnn::create, System.out);
    }

    @Override
    public void trainBatch(float[] x, int[] y) {
        try (NDManager batch = trainer.getManager().newSubManager()) {
            step(batch.create(x, shape(y.length)), batch.create(toFloats(y), new Shape(y.length)));
        }
    }

    @Override
    public void hold(MnistArrays train) {
        NDManager manager = trainer.getManager();
        residentInputs = manager.create(train.pixels(), shape(train.size()));
        residentLabels = manager.create(toFloats(train.labels()), new Shape(train.size()));
    }

    @Override
    public void trainEpoch(MnistArrays train, int[] order, int batches, int batchSize) {
        if (residentInputs == null) {
            MlpModel.super.trainEpoch(train, order, batches, batchSize);
            return;
        }
        try (NDManager epoch = trainer.getManager().newSubManager()) {
            NDArray permutation = epoch.create(Arrays.stream(order).asLongStream().toArray());
            for (int b = 0; b < batches; b++) {
                try (NDManager batch = epoch.newSubManager()) {
                    NDArray index = permutation.get(batch, new NDIndex().addSliceDim((long) b * batchSize,
                            (long) (b + 1) * batchSize));
                    NDIndex rows = new NDIndex("{}", index);
                    step(residentInputs.get(batch, rows), residentLabels.get(batch, rows));
                }
            }
        }
    }

    /** One optimizer step; the step's temporaries go with the manager of {@code inputs}. */
    private void step(NDArray inputs, NDArray labels) {
        try (GradientCollector collector = trainer.newGradientCollector()) {
            NDList logits = trainer.forward(new NDList(inputs));
            collector.backward(trainer.getLoss().evaluate(new NDList(labels), logits));
        }
        trainer.step();
    }

    @Override
    public float[] scores(float[] x) {
        try (NDManager batch = trainer.getManager().newSubManager()) {
            NDArray inputs = batch.create(x, shape(x.length / MnistArrays.FEATURES));
            return trainer.evaluate(new NDList(inputs)).singletonOrThrow().toFloatArray();
        }
    }

    private Shape shape(long n) {
        long[] dims = new long[exampleShape.length + 1];
        dims[0] = n;
        System.arraycopy(exampleShape, 0, dims, 1, exampleShape.length);
        return new Shape(dims);
    }

    @Override
    public String description() {
        Engine engine = Engine.getEngine("PyTorch");
        return "DJL " + Engine.getDjlVersion() + ", PyTorch " + engine.getVersion() + " on "
                + engine.defaultDevice() + ", " + JniUtils.getNumThreads() + " threads, OMP_WAIT_POLICY="
                + System.getenv().getOrDefault("OMP_WAIT_POLICY", "(unset)");
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
