package org.jgrad.io;

import java.nio.file.Path;
import java.util.Map;
import org.jgrad.optim.schedule.LrSchedule;

/**
 * Loads a schedule's saved state from checkpoint metadata, keeping the state it had before so the
 * load can be undone when a later part of the checkpoint does not fit. A schedule's state is its
 * whole progress, so loading the old snapshot back restores it exactly.
 */
final class ScheduleRestore {
    private final LrSchedule schedule;
    private final Map<String, Double> before;

    private ScheduleRestore(LrSchedule schedule, Map<String, Double> before) {
        this.schedule = schedule;
        this.before = before;
    }

    /**
     * Loads the saved state into {@code schedule}, which must be of the saved class; when the state
     * does not fit, the schedule is left as it was and the error names the file.
     */
    static ScheduleRestore apply(LrSchedule schedule, CheckpointMetadata metadata, Path file)
            throws SafeTensorsFormatException {
        String saved = metadata.text(CheckpointMetadata.SCHEDULE);
        if (saved == null) {
            throw new IllegalArgumentException(file + ": the checkpoint has no schedule state (it was saved without"
                    + " a schedule)");
        }
        if (!saved.equals(schedule.getClass().getName())) {
            throw new IllegalArgumentException(file + ": the checkpoint holds the state of a " + saved
                    + ", but the schedule is a " + schedule.getClass().getName());
        }
        Map<String, Double> state = metadata.numbers(CheckpointMetadata.SCHEDULE);
        ScheduleRestore restore = new ScheduleRestore(schedule, schedule.state());
        try {
            schedule.loadState(state);
        } catch (IllegalArgumentException e) {
            restore.undo();
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        return restore;
    }

    /** Puts the schedule back in the state it had before {@link #apply}. */
    void undo() {
        schedule.loadState(before);
    }
}
