package org.jgrad.spark;

import java.io.Serializable;
import org.jgrad.optim.schedule.LrSchedule;

/** Builds a fresh learning-rate schedule, for example {@code () -> Schedules.cosine(1e-3, epochs)}. */
@FunctionalInterface
public interface ScheduleFactory extends Serializable {
    LrSchedule create();
}
