package org.jgrad.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jgrad.Generator;
import org.jgrad.Tensor;
import org.jgrad.data.DataLoader;
import org.jgrad.data.TensorDataset;
import org.jgrad.loss.CrossEntropyLoss;
import org.jgrad.nn.Linear;
import org.jgrad.nn.Module;
import org.jgrad.optim.SGD;
import org.jgrad.train.Callback;
import org.jgrad.train.Trainer;
import org.jgrad.train.TrainerBuilder;
import org.jgrad.train.metrics.Metric;

/**
 * Base of the trainer suites: a seeded two-class problem (points in [-1, 1)², class 1 where
 * x0 + 0.5 x1 > 0.1), a seeded linear classifier, and test callbacks and metrics.
 */
abstract class TrainerSupport extends TensorConformanceSupport {
    static final int FEATURES = 2;
    static final int CLASSES = 2;
    static final double LR = 0.5;

    static float[] inputs(int n, long seed) {
        return randomFloats(n * FEATURES, seed);
    }

    static int[] labels(float[] x) {
        int[] y = new int[x.length / FEATURES];
        for (int i = 0; i < y.length; i++) {
            y[i] = x[i * FEATURES] + 0.5 * x[i * FEATURES + 1] > 0.1 ? 1 : 0;
        }
        return y;
    }

    static TensorDataset dataset(float[] x) {
        return TensorDataset.ofLabels(x, new int[] {FEATURES}, labels(x));
    }

    static DataLoader loader(int n, long seed, int batchSize) {
        return new DataLoader(dataset(inputs(n, seed)), batchSize);
    }

    static Module model() {
        Generator.manualSeed(7);
        return new Linear(FEATURES, CLASSES);
    }

    /** Cross-entropy and SGD at {@link #LR}, silent. */
    static TrainerBuilder builder(Module model) {
        return Trainer.builder(model).loss(new CrossEntropyLoss()).optimizer(new SGD(model.parameters(), LR)).silent();
    }

    /** A metric whose value in the k-th pass (counted by resets, from 1) is script[k - 1]; updates are ignored. */
    static final class ScriptedMetric implements Metric {
        private final double[] script;
        private int resets;

        ScriptedMetric(double... script) {
            this.script = script;
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public void update(Tensor predictions, Tensor targets) {
        }

        @Override
        public double result() {
            return script[resets - 1];
        }

        @Override
        public void reset() {
            resets++;
        }
    }

    /** Records the model's weights (a host copy of every state-dict entry) at the end of each epoch. */
    static final class WeightRecorder implements Callback {
        final List<Map<String, float[]>> epochs = new ArrayList<>();

        @Override
        public void onEpochEnd(Trainer trainer, int epoch, Map<String, Double> values) {
            Map<String, float[]> weights = new LinkedHashMap<>();
            trainer.model().stateDict().forEach((name, tensor) -> weights.put(name, tensor.toFloatArray()));
            epochs.add(weights);
        }
    }
}
