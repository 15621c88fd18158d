package org.jgrad.bench.mlp;

/**
 * One framework's 784-256(ReLU)-10 MLP behind the benchmark's common loop ({@link MlpRun}):
 * Xavier-uniform weights, zero biases, softmax cross-entropy on logits, plain SGD.
 */
public interface MlpModel extends AutoCloseable {

    /** One SGD step on {@code y.length} examples: {@code x} holds their 784 pixels each, row-major. */
    void trainBatch(float[] x, int[] y);

    /**
     * Class scores (n x 10, row-major; logits or probabilities, only their argmax is used) of the
     * n = x.length / 784 examples in {@code x}, without gradients.
     */
    float[] scores(float[] x);

    /** A one-line description (framework, version, threads), printed before the run. */
    String description();

    @Override
    void close();
}
