package org.jgrad.conformance;

import java.util.Arrays;
import org.jgrad.NoGrad;
import org.jgrad.Scope;
import org.jgrad.Tensor;
import org.jgrad.loss.Loss;
import org.jgrad.nn.Module;
import org.jgrad.optim.Optimizer;
import org.jgrad.optim.schedule.LrSchedule;

/**
 * The hand-written PyTorch-style loop the training conformance classes drive: per step set the
 * scheduled lr, zeroGrad, forward, loss, backward, step, schedule step; each step inside its own
 * {@link Scope} so activations and intermediate gradients are freed as they would be on a device.
 */
final class TrainingLoop {
    private TrainingLoop() {
    }

    /** One update on (input, target) inside its own scope; returns the loss before the update. */
    static float step(Module model, Loss loss, Optimizer optimizer, Tensor input, Tensor target) {
        try (Scope step = Scope.open()) {
            optimizer.zeroGrad();
            Tensor value = loss.apply(model.forward(input), target);
            value.backward();
            optimizer.step();
            return value.item();
        }
    }

    /**
     * {@code epochs} passes over the rows of input and target in order, in batches of
     * {@code batchSize} (the last one may be shorter); the schedule sets the lr of every step and
     * is stepped after it with the step's loss. Returns the loss of every step.
     */
    static float[] fit(Module model, Loss loss, Optimizer optimizer, LrSchedule schedule, Tensor input, Tensor target,
                       int epochs, int batchSize) {
        int rows = input.size(0);
        int batches = (rows + batchSize - 1) / batchSize;
        float[] losses = new float[epochs * batches];
        int step = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int start = 0; start < rows; start += batchSize) {
                int length = Math.min(batchSize, rows - start);
                optimizer.setLr(schedule.lr());
                try (Scope batch = Scope.open()) {
                    losses[step] = step(model, loss, optimizer, input.narrow(0, start, length),
                            target.narrow(0, start, length));
                }
                schedule.step(losses[step]);
                step++;
            }
        }
        return losses;
    }

    /** Mean of the last {@code count} losses. */
    static double meanOfLast(float[] losses, int count) {
        return Arrays.stream(ConformanceSupport.doubles(losses), losses.length - count, losses.length).average().orElseThrow();
    }

    /** The model's output for input, computed without a graph; nothing stays allocated. */
    static float[] outputs(Module model, Tensor input) {
        try (Scope scope = Scope.open(); NoGrad noGrad = NoGrad.enter()) {
            return model.forward(input).toFloatArray();
        }
    }
}
