package org.jgrad.bench.peers;

import java.io.IOException;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.jgrad.bench.mlp.MlpArgs;
import org.jgrad.bench.mlp.MlpModel;
import org.jgrad.bench.mlp.MlpRun;
import org.jgrad.bench.mlp.MnistArrays;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The benchmark MLP in Deeplearning4j (nd4j-native): a MultiLayerNetwork of a ReLU dense layer
 * and a softmax output layer with multi-class cross-entropy (the mean over the batch), plain SGD,
 * XAVIER_UNIFORM weights (bound sqrt(6 / (in + out))) and zero biases; {@code fit} per batch.
 * Its scores are softmax probabilities, whose argmax is that of the logits. Workspaces (DL4J's
 * reuse of per-iteration memory) are on for training and inference, spelled out although they are
 * the default; libnd4j's threads come from OMP_NUM_THREADS ({@code bench/run} sets it).
 */
public final class Dl4jMlp implements MlpModel {
    private final MultiLayerNetwork network;

    Dl4jMlp(MlpArgs args) {
        MultiLayerConfiguration config = new NeuralNetConfiguration.Builder()
                .seed(args.seed())
                .updater(new Sgd(args.lr()))
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .list()
                .layer(new DenseLayer.Builder().nIn(MnistArrays.FEATURES).nOut(256).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(256).nOut(MnistArrays.CLASSES)
                        .activation(Activation.SOFTMAX).build())
                .build();
        network = new MultiLayerNetwork(config);
        network.init();
    }

    public static void main(String[] args) throws IOException {
        MlpRun.main("dl4j", args, Dl4jMlp::new, cnn -> {
            throw new IllegalArgumentException("dl4j: --model cnn is not in the peers harness (the CNN runs in jgrad and DJL)");
        }, System.out);
    }

    @Override
    public void trainBatch(float[] x, int[] y) {
        float[] oneHot = new float[y.length * MnistArrays.CLASSES];
        for (int i = 0; i < y.length; i++) {
            oneHot[i * MnistArrays.CLASSES + y[i]] = 1f;
        }
        network.fit(new DataSet(inputs(x), Nd4j.create(oneHot, new long[] {y.length, MnistArrays.CLASSES}, 'c')));
    }

    @Override
    public float[] scores(float[] x) {
        return network.output(inputs(x)).ravel().toFloatVector();
    }

    @Override
    public String description() {
        return "Deeplearning4j 1.0.0-M2.1, nd4j " + Nd4j.getBackend().getClass().getSimpleName()
                + ", OMP_NUM_THREADS=" + System.getenv("OMP_NUM_THREADS") + ", OMP_WAIT_POLICY="
                + System.getenv().getOrDefault("OMP_WAIT_POLICY", "(unset)");
    }

    @Override
    public void close() {
        network.close();
    }

    private static INDArray inputs(float[] x) {
        return Nd4j.create(x, new long[] {x.length / MnistArrays.FEATURES, MnistArrays.FEATURES}, 'c');
    }
}
