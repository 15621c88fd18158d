package org.jgrad.bench.attention;

/** One framework's self-attention training step on resident data: forward, MSE loss, backward, SGD. */
public interface AttentionStep extends AutoCloseable {
    void train();

    String description();

    @Override
    void close();
}
