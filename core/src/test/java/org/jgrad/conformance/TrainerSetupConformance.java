package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jgrad.loss.CrossEntropyLoss;
import org.jgrad.nn.Module;
import org.jgrad.optim.schedule.LrSchedule;
import org.jgrad.train.History;
import org.jgrad.train.ScheduleStep;
import org.jgrad.train.Trainer;
import org.jgrad.train.metrics.Accuracy;
import org.junit.jupiter.api.Test;

/** What a metric-driven schedule is given, and the errors for a trainer set up or called wrongly. */
public class TrainerSetupConformance extends TrainerSupport {

    /** A metric-driven schedule at a fixed rate that records every metric it is stepped with. */
    private static final class RecordingSchedule implements LrSchedule {
        final List<Double> metrics = new ArrayList<>();

        @Override
        public double lr() {
            return LR;
        }

        @Override
        public void step() {
            throw new IllegalStateException("needs a metric");
        }

        @Override
        public void step(double metric) {
            metrics.add(metric);
        }

        @Override
        public boolean needsMetric() {
            return true;
        }

        @Override
        public int stepCount() {
            return metrics.size();
        }

        @Override
        public Map<String, Double> state() {
            return Map.of("step", (double) metrics.size());
        }

        @Override
        public void loadState(Map<String, Double> state) {
            throw new UnsupportedOperationException("not needed by the test");
        }
    }

    private static double[] unboxed(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void aMetricDrivenScheduleGetsTheValidationLossElseTheTrainingLoss() {
        RecordingSchedule withValidation = new RecordingSchedule();
        History validated = builder(model()).schedule(withValidation).build()
                .fit(loader(24, 1, 8), 3, loader(10, 2, 4));
        assertArrayEquals(validated.values("val_loss"), unboxed(withValidation.metrics));
        RecordingSchedule without = new RecordingSchedule();
        History trained = builder(model()).schedule(without).build().fit(loader(24, 1, 8), 3, null);
        assertArrayEquals(trained.values("loss"), unboxed(without.metrics));
    }

    @Test
    void builderNamesWhatIsMissingOrInconsistent() {
        Module model = model();
        assertRejected(IllegalStateException.class,
                () -> Trainer.builder(model).loss(new CrossEntropyLoss()).build(), "optimizer(...)");
        assertRejected(IllegalStateException.class,
                () -> builder(model).schedule(new RecordingSchedule(), ScheduleStep.PER_BATCH).build(),
                "RecordingSchedule", "PER_EPOCH");
        assertRejected(IllegalStateException.class,
                () -> builder(model).metrics(new Accuracy(), new Accuracy()).build(), "'accuracy'", "twice");
    }

    @Test
    void fitRefusesLoadersWithoutBatchesAndEpochsBelowOne() {
        Trainer trainer = builder(model()).build();
        assertRejected(IllegalArgumentException.class,
                () -> trainer.fit(loader(5, 1, 8).dropLast(true), 1, null), "training loader", "5 examples", "8");
        assertRejected(IllegalArgumentException.class,
                () -> trainer.fit(loader(24, 1, 8), 2, loader(3, 1, 4).dropLast(true)), "validation loader");
        assertRejected(IllegalArgumentException.class, () -> trainer.fit(loader(24, 1, 8), 0, null), "epochs", "0");
    }
}
