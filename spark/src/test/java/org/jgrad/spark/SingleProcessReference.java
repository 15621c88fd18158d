package org.jgrad.spark;

import java.util.List;
import org.jgrad.Generator;
import org.jgrad.Scope;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.loss.CrossEntropyLoss;
import org.jgrad.nn.Module;
import org.jgrad.optim.Optimizer;

/**
 * One process training on the global batches the W workers see together: at step s, the rows
 * partition w picks ({@link BatchOrder}) from each of the W partitions. {@code accumulate} runs
 * the W parts through backward one after another (gradients add up in the leaves) and scales by
 * 1/W; otherwise the W·b rows go through as one batch of the mean loss.
 */
final class SingleProcessReference {
    private SingleProcessReference() {
    }

    static float[][] train(List<List<LabeledExample>> partitions, int batchSize, int epochs, long seed, boolean accumulate) {
        int workers = partitions.size();
        int stepsPerEpoch = partitions.stream().mapToInt(List::size).min().orElseThrow() / batchSize;
        Generator.manualSeed(seed);
        Module model = Fixtures.model().create();
        Optimizer optimizer = Fixtures.adam().create(model);
        CrossEntropyLoss loss = new CrossEntropyLoss();
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int s = 0; s < stepsPerEpoch; s++) {
                optimizer.zeroGrad();
                try (Scope scope = Scope.open()) {
                    Tensor[] inputs = new Tensor[workers];
                    Tensor[] labels = new Tensor[workers];
                    for (int w = 0; w < workers; w++) {
                        List<LabeledExample> part = partitions.get(w);
                        int[] rows = BatchOrder.batch(seed, epoch, w, part.size(), batchSize, s);
                        float[] x = new float[rows.length * Fixtures.INPUTS];
                        int[] y = new int[rows.length];
                        for (int i = 0; i < rows.length; i++) {
                            System.arraycopy(part.get(rows[i]).values(), 0, x, i * Fixtures.INPUTS, Fixtures.INPUTS);
                            y[i] = part.get(rows[i]).label();
                        }
                        inputs[w] = Tensors.fromArray(x, rows.length, Fixtures.INPUTS);
                        labels[w] = Tensors.fromArray(y, rows.length);
                        if (accumulate) {
                            loss.apply(model.forward(inputs[w]), labels[w]).backward();
                        }
                    }
                    if (accumulate) {
                        for (Tensor p : model.parameters()) {
                            p.setGrad(p.grad().mul(1.0f / workers));
                        }
                    } else {
                        loss.apply(model.forward(Tensors.cat(0, inputs)), Tensors.cat(0, labels)).backward();
                    }
                }
                optimizer.step();
            }
        }
        return Fixtures.weights(model);
    }
}
