package org.jgrad.bench.mlp;

import java.io.IOException;

/**
 * {@code bench/run mlp}: jgrad's MNIST MLP (or, with {@code --model cnn}, small CNN) throughput (see {@link MlpRun} for the loop and
 * {@link MlpArgs} for the options). Last line: {@code mlp|cnn backend=cpu samples_per_s=X test_acc=Y}.
 */
public final class MlpBench {
    private MlpBench() {
    }

    public static void main(String[] args) throws IOException {
        MlpRun.main(MlpArgs.parse(args).backend(), args, JgradMlp::create, JgradCnn::create, System.out);
    }
}
