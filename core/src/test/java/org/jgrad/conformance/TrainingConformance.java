package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jgrad.Scope;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.backend.Backends;
import org.jgrad.loss.BCEWithLogitsLoss;
import org.jgrad.loss.CrossEntropyLoss;
import org.jgrad.loss.Loss;
import org.jgrad.loss.MSELoss;
import org.jgrad.nn.BatchNorm2d;
import org.jgrad.nn.Conv2d;
import org.jgrad.nn.Dropout;
import org.jgrad.nn.GlobalAvgPool2d;
import org.jgrad.nn.Linear;
import org.jgrad.nn.Module;
import org.jgrad.nn.ReLU;
import org.jgrad.nn.ResidualBlock;
import org.jgrad.nn.Sequential;
import org.jgrad.nn.Tanh;
import org.jgrad.optim.Adagrad;
import org.jgrad.optim.Adam;
import org.jgrad.optim.AdamW;
import org.jgrad.optim.Optimizer;
import org.jgrad.optim.RMSprop;
import org.jgrad.optim.SGD;
import org.jgrad.optim.schedule.LrSchedule;
import org.jgrad.optim.schedule.ReduceLrOnPlateau.ThresholdMode;
import org.jgrad.optim.schedule.Schedules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End-to-end training through the public API, each a hand-written loop ({@link TrainingLoop}) on
 * a seeded synthetic task: the model must actually learn it (XOR to 100%, regression weights to
 * 1e-2, a small residual CNN on bar images), and a long loop must hold device memory flat.
 */
public class TrainingConformance extends NnSupport {

    @Test
    void mlpLearnsXorWithBceAndAdam() {
        Module mlp = new Sequential(new Linear(2, 8), new Tanh(), new Linear(8, 1));
        Tensor x = tensor(TrainingData.XOR_INPUTS, 4, 2);
        Tensor y = tensor(labelsAsFloats(TrainingData.XOR_LABELS), 4, 1);
        Optimizer adam = new Adam(mlp.parameters(), 0.05);
        float[] losses = TrainingLoop.fit(mlp, new BCEWithLogitsLoss(), adam, Schedules.constant(0.05), x, y, 150, 4);

        float[] logits = TrainingLoop.outputs(mlp.eval(), x);
        int[] predicted = new int[logits.length];
        for (int i = 0; i < logits.length; i++) {
            predicted[i] = logits[i] > 0 ? 1 : 0;
        }
        assertArrayEquals(TrainingData.XOR_LABELS, predicted, "XOR predictions, logits " + Arrays.toString(logits));
        assertTrue(losses[losses.length - 1] < 0.05, "final BCE " + losses[losses.length - 1]);
    }

    @Test
    void mlpLearnsXorWithCrossEntropyAndNesterovMomentum() {
        Module mlp = new Sequential(new Linear(2, 8), new Tanh(), new Linear(8, 2));
        Tensor x = tensor(TrainingData.XOR_INPUTS, 4, 2);
        Tensor labels = Tensors.fromArray(backend(), TrainingData.XOR_LABELS, 4);
        Optimizer sgd = new SGD(mlp.parameters(), 0.2).momentum(0.9).nesterov(true);
        LrSchedule schedule = Schedules.step(0.2, 75, 0.5);
        float[] losses = TrainingLoop.fit(mlp, new CrossEntropyLoss(), sgd, schedule, x, labels, 150, 4);

        float[] logits = TrainingLoop.outputs(mlp.eval(), x);
        assertArrayEquals(TrainingData.XOR_LABELS, MetricReference.argmax(logits, logits.length / 2, 2),
                "XOR predictions, logits " + Arrays.toString(logits));
        assertTrue(losses[losses.length - 1] < 0.05, "final cross-entropy " + losses[losses.length - 1]);
    }

    @Test
    void linearRegressionRecoversItsWeights() {
        TrainingData.Regression data = regression();
        Linear linear = new Linear(5, 1);
        Tensor x = tensor(data.x(), 256, 5);
        Tensor y = tensor(data.y(), 256, 1);
        Optimizer sgd = new SGD(linear.parameters(), 0.1).momentum(0.9);
        int epochs = 50;
        int batchSize = 64;
        LrSchedule cosine = Schedules.cosine(0.1, epochs * 256 / batchSize, 0.005);
        float[] losses = TrainingLoop.fit(linear, new MSELoss(), sgd, cosine, x, y, epochs, batchSize);

        float[] learned = linear.weight().toFloatArray();
        double bias = linear.bias().item();
        assertClose("weights against the true ones", data.weights(), learned, 0, 1e-2);
        assertEquals(data.bias(), bias, 1e-2, "bias against the true one");
        double[] fit = data.leastSquares();
        assertClose("weights against the float64 least-squares fit", Arrays.copyOf(fit, 5), learned, 0, 1e-3);
        assertEquals(fit[5], bias, 1e-3, "bias against the float64 least-squares fit");
        assertTrue(TrainingLoop.meanOfLast(losses, 4) < 1e-3 * losses[0],
                "loss fell from " + losses[0] + " to " + TrainingLoop.meanOfLast(losses, 4));
    }

    @Test
    void residualCnnLearnsBarImages() {
        TrainingData.Images data = TrainingData.bars(72, 8, 0.3, 43);
        Module cnn = new Sequential(
                new Conv2d(1, 8, 3, 1, 1), new BatchNorm2d(8), new ReLU(),
                new ResidualBlock(8),
                new ResidualBlock(8, 16, 2),
                new Dropout(0.2),
                new GlobalAvgPool2d(), new Linear(16, TrainingData.BAR_CLASSES));
        Tensor images = tensor(data.pixels(), data.shape());
        Tensor labels = Tensors.fromArray(backend(), data.labels(), data.count());
        Optimizer adam = new Adam(cnn.parameters(), 0.01);
        int epochs = 12;
        int batches = 3;
        LrSchedule schedule = Schedules.cosine(0.01, epochs * batches).withWarmup(3);
        Loss loss = new CrossEntropyLoss();
        float[] losses = TrainingLoop.fit(cnn, loss, adam, schedule, images, labels, epochs, data.count() / batches);

        double lastEpoch = TrainingLoop.meanOfLast(losses, batches);
        assertTrue(lastEpoch < 0.2 * losses[0], "last epoch's loss " + lastEpoch + ", first step's " + losses[0]);
        cnn.eval();
        float[] scores = TrainingLoop.outputs(cnn, images);
        double accuracy = MetricReference.accuracy(data.labels(), MetricReference.argmax(scores, scores.length / TrainingData.BAR_CLASSES, TrainingData.BAR_CLASSES));
        assertTrue(accuracy >= 0.95, "training accuracy in eval mode " + accuracy);
        assertArrayEquals(scores, TrainingLoop.outputs(cnn, images), "eval mode predicts the same twice");

        cnn.train();
        float[] first = TrainingLoop.outputs(cnn, images);
        assertFalse(Arrays.equals(first, TrainingLoop.outputs(cnn, images)), "train mode: dropout draws new masks");
    }

    static Stream<Arguments> optimizers() {
        return Stream.of(
                optimizer("SGD", ps -> new SGD(ps, 0.1)),
                optimizer("SGD with Nesterov momentum", ps -> new SGD(ps, 0.03).momentum(0.9).nesterov(true)),
                optimizer("Adam", ps -> new Adam(ps, 0.05)),
                optimizer("AdamW", ps -> new AdamW(ps, 0.05).weightDecay(0.01)),
                optimizer("RMSprop", ps -> new RMSprop(ps, 0.03)),
                optimizer("Adagrad", ps -> new Adagrad(ps, 0.3)));
    }

    private static Arguments optimizer(String name, Function<List<Tensor>, Optimizer> make) {
        return Arguments.of(name, make);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void everyOptimizerReducesTheRegressionLoss(String name, Function<List<Tensor>, Optimizer> make) {
        TrainingData.Regression data = regression();
        Linear linear = new Linear(5, 1);
        Optimizer optimizer = make.apply(linear.parameters());
        float[] losses = TrainingLoop.fit(linear, new MSELoss(), optimizer, Schedules.constant(optimizer.lr()),
                tensor(data.x(), 256, 5), tensor(data.y(), 256, 1), 60, 256);
        assertTrue(losses[59] < 0.01 * losses[0], name + ": loss went from " + losses[0] + " to " + losses[59]);
    }

    static Stream<Arguments> schedules() {
        return Stream.of(
                schedule("linear warm-up then cosine", () -> Schedules.cosine(0.1, 50).withWarmup(10, 0.1)),
                schedule("one-cycle", () -> Schedules.oneCycle(0.1, 60).pctStart(0.3).build()),
                schedule("reduce-on-plateau", () -> Schedules.reduceOnPlateau(0.1).patience(3).factor(0.5)
                        .threshold(1e-3, ThresholdMode.ABS).build()));
    }

    private static Arguments schedule(String name, Supplier<LrSchedule> make) {
        return Arguments.of(name, make);
    }

    /** Plain SGD moves each weight by exactly -lr * grad, so every update shows the lr it used. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("schedules")
    void aScheduleDrivesTheLearningRateOfEveryUpdate(String name, Supplier<LrSchedule> make) {
        TrainingData.Regression data = regression();
        Linear linear = new Linear(5, 1);
        Tensor x = tensor(data.x(), 256, 5);
        Tensor y = tensor(data.y(), 256, 1);
        Optimizer sgd = new SGD(linear.parameters(), 1);
        LrSchedule schedule = make.get();
        Loss mse = new MSELoss();
        int steps = 60;
        double[] lrs = new double[steps];
        float[] losses = new float[steps];
        for (int step = 0; step < steps; step++) {
            lrs[step] = schedule.lr();
            sgd.setLr(lrs[step]);
            assertEquals(lrs[step], sgd.lr(), name + ": optimizer lr at step " + step);
            double[] expected = new double[5];
            try (Scope scope = Scope.open()) {
                sgd.zeroGrad();
                Tensor loss = mse.apply(linear.forward(x), y);
                loss.backward();
                float[] before = linear.weight().toFloatArray();
                float[] grad = linear.weight().grad().toFloatArray();
                for (int i = 0; i < 5; i++) {
                    expected[i] = before[i] - lrs[step] * grad[i];
                }
                sgd.step();
                losses[step] = loss.item();
            }
            assertClose(name + ": weights after step " + step, expected, linear.weight().toFloatArray(), 1e-6, 1e-7);
            schedule.step(losses[step]);
        }
        double highest = Arrays.stream(lrs).max().orElseThrow();
        double lowest = Arrays.stream(lrs).min().orElseThrow();
        assertTrue(highest >= 2 * lowest, name + ": the lr should vary, it stayed in [" + lowest + ", " + highest + "]");
        assertTrue(losses[steps - 1] < 0.05 * losses[0], name + ": loss went from " + losses[0] + " to " + losses[steps - 1]);
    }

    @Test
    void aLongTrainingLoopHoldsDeviceMemoryFlat() {
        CountingBackend counting = new CountingBackend(backend());
        Backends.setDefault(counting);
        Module mlp = new Sequential(new Linear(2, 16), new Tanh(), new Dropout(0.1), new Linear(16, 1));
        Tensor x = Tensors.fromArray(counting, TrainingData.XOR_INPUTS, 4, 2);
        Tensor y = Tensors.fromArray(counting, labelsAsFloats(TrainingData.XOR_LABELS), 4, 1);
        Optimizer adam = new Adam(mlp.parameters(), 0.02);
        LrSchedule schedule = Schedules.cosine(0.02, 200).withWarmup(10);
        Loss bce = new BCEWithLogitsLoss();
        int liveAfterStep10 = -1;
        for (int step = 1; step <= 200; step++) {
            adam.setLr(schedule.lr());
            schedule.step(TrainingLoop.step(mlp, bce, adam, x, y));
            if (step == 10) {
                liveAfterStep10 = counting.live();
                int heldAcrossSteps = 2 + 4 * mlp.parameters().size();
                assertTrue(liveAfterStep10 >= heldAcrossSteps, "the counted backend holds the data, each parameter,"
                        + " its gradient and Adam's two moments: " + liveAfterStep10 + " < " + heldAcrossSteps);
            } else if (step > 10) {
                assertEquals(liveAfterStep10, counting.live(), "live buffers after step " + step + " and after step 10");
            }
        }
        assertEquals(0, counting.doubleFrees(), "buffers freed twice");
    }

    /** 256 rows of 5 features: y = x (0.5, -1.2, 2, 0.3, -0.7) + 0.25 + noise of at most 0.01. */
    private static TrainingData.Regression regression() {
        return TrainingData.regression(256, new double[] {0.5, -1.2, 2.0, 0.3, -0.7}, 0.25, 0.01, 41);
    }
}
