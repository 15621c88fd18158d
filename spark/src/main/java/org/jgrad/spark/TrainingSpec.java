package org.jgrad.spark;

import java.io.Serializable;
import org.jgrad.train.ScheduleStep;

/**
 * What every replica needs to know, shipped with each round's task: how to build the model,
 * optimizer, schedule (null for a fixed learning rate) and loss, the per-worker batch size, the
 * seed of the batch order, when the schedule steps, and the number of steps in an epoch.
 */
record TrainingSpec(ModelFactory model, OptimizerFactory optimizer, ScheduleFactory schedule, LossFactory loss,
        int batchSize, long seed, ScheduleStep scheduleStep, int stepsPerEpoch) implements Serializable {

    int epochOf(long step) {
        return (int) (step / stepsPerEpoch);
    }

    int stepInEpoch(long step) {
        return (int) (step % stepsPerEpoch);
    }
}
