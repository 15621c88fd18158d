package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.jgrad.Tensor;
import org.jgrad.io.Checkpoint;
import org.jgrad.io.TrainingProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resuming: a run checkpointed half way and restored into a freshly built model, optimizer and
 * schedule continues with bit-identical losses and parameters to the uninterrupted run; leaving
 * out the optimizer state or the generator position gives a different continuation, so each
 * part of the checkpoint is needed.
 */
public class CheckpointResumeConformance extends TensorConformanceSupport {
    private static final long SEED = 42;
    private static final int HALF = TrainingRun.STEPS / 2;

    @TempDir
    Path dir;

    private static void assertSameState(Map<String, Tensor> expected, Map<String, Tensor> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((k, t) -> assertArrayEquals(t.toFloatArray(), actual.get(k).toFloatArray(), k));
    }

    private Path halfWayCheckpoint(float[] firstLosses) throws Exception {
        TrainingRun first = new TrainingRun(backend(), SEED, 16);
        System.arraycopy(first.steps(HALF), 0, firstLosses, 0, HALF);
        Path path = dir.resolve("half.safetensors");
        first.checkpoint().save(path, new TrainingProgress(1, HALF));
        return path;
    }

    @Test
    void aResumedRunContinuesBitForBit() throws Exception {
        TrainingRun straight = new TrainingRun(backend(), SEED, 16);
        float[] expected = straight.steps(TrainingRun.STEPS);

        float[] losses = new float[TrainingRun.STEPS];
        Path path = halfWayCheckpoint(losses);
        TrainingRun resumed = new TrainingRun(backend(), SEED + 1, 16);
        assertFalse(Arrays.equals(straight.model().stateDict().get("0.weight").toFloatArray(),
                resumed.model().stateDict().get("0.weight").toFloatArray()), "the fresh model starts elsewhere");
        assertEquals(new TrainingProgress(1, HALF), resumed.checkpoint().load(path));
        System.arraycopy(resumed.steps(TrainingRun.STEPS - HALF), 0, losses, HALF, TrainingRun.STEPS - HALF);

        assertArrayEquals(expected, losses, "the same loss curve, bit for bit");
        assertSameState(straight.model().stateDict(), resumed.model().stateDict());
        assertEquals(straight.schedule().state(), resumed.schedule().state());
        assertEquals(straight.optimizer().stateDict().scalars(), resumed.optimizer().stateDict().scalars());
        assertSameState(straight.optimizer().stateDict().tensors(), resumed.optimizer().stateDict().tensors());
    }

    @Test
    void everyPartOfTheCheckpointIsNeeded() throws Exception {
        TrainingRun straight = new TrainingRun(backend(), SEED, 16);
        float[] expected = Arrays.copyOfRange(straight.steps(TrainingRun.STEPS), HALF, TrainingRun.STEPS);
        Path path = halfWayCheckpoint(new float[TrainingRun.STEPS]);

        TrainingRun noOptimizer = new TrainingRun(backend(), SEED + 1, 16);
        Checkpoint.of(noOptimizer.model()).with(noOptimizer.schedule()).withGlobalGenerator().load(path);
        assertFalse(Arrays.equals(expected, noOptimizer.steps(TrainingRun.STEPS - HALF)), "without the optimizer state");

        TrainingRun noGenerator = new TrainingRun(backend(), SEED + 1, 16);
        Checkpoint.of(noGenerator.model()).with(noGenerator.optimizer()).with(noGenerator.schedule()).load(path);
        assertFalse(Arrays.equals(expected, noGenerator.steps(TrainingRun.STEPS - HALF)), "without the generator");

        TrainingRun noSchedule = new TrainingRun(backend(), SEED + 1, 16);
        Checkpoint.of(noSchedule.model()).with(noSchedule.optimizer()).withGlobalGenerator().load(path);
        assertFalse(Arrays.equals(expected, noSchedule.steps(TrainingRun.STEPS - HALF)), "without the schedule");
    }
}
