package org.jgrad.bench.mlp;

/**
 * One framework's benchmark model behind the common loop ({@link MlpRun}): the 784-256(ReLU)-10
 * MLP (Xavier-uniform weights, zero biases, plain SGD) or the examples' small CNN (Adam), both
 * with softmax cross-entropy on logits.
 */
public interface MlpModel extends AutoCloseable {

    /** One optimizer step on {@code y.length} examples: {@code x} holds their 784 pixels each, row-major. */
    void trainBatch(float[] x, int[] y);

    /**
     * Called once before the timed epochs when the run asks for {@code --feed resident}: the model
     * copies the training set into its framework's memory, to gather each batch there as that
     * framework's users do (a PyTorch user keeps MNIST in one tensor). The default refuses.
     */
    default void hold(MnistArrays train) {
        throw new IllegalArgumentException(description() + ": --feed resident is not implemented by this harness");
    }

    /**
     * One epoch: the optimizer steps on examples {@code order[b * batchSize ...]} for
     * {@code b < batches}. By default each batch is gathered into host arrays and handed to
     * {@link #trainBatch} (one upload per batch); a model that {@linkplain #hold holds} the set gathers
     * itself.
     */
    default void trainEpoch(MnistArrays train, int[] order, int batches, int batchSize) {
        float[] x = new float[batchSize * MnistArrays.FEATURES];
        int[] y = new int[batchSize];
        for (int b = 0; b < batches; b++) {
            train.gather(order, b * batchSize, batchSize, x, y);
            trainBatch(x, y);
        }
    }

    /**
     * Class scores (n x 10, row-major; logits or probabilities, only their argmax is used) of the
     * n = x.length / 784 examples in {@code x}, without gradients (evaluation mode: no dropout, BatchNorm
     * running statistics).
     */
    float[] scores(float[] x);

    /** A one-line description (framework, version, threads), printed before the run. */
    String description();

    @Override
    void close();
}
