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
