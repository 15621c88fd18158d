package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.io.Checkpoint;
import org.jgrad.io.SafeTensors;
import org.jgrad.io.SafeTensorsContent;
import org.jgrad.io.SafeTensorsFormatException;
import org.jgrad.io.TrainingProgress;
import org.jgrad.nn.Module;
import org.jgrad.nn.Linear;
import org.jgrad.optim.Adam;
import org.jgrad.optim.OptimizerState;
import org.jgrad.optim.SGD;
import org.jgrad.optim.schedule.Schedules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints: the file's layout (PyTorch names, optimizer tensors, metadata), and loads that do
 * not fit (another architecture, optimizer or schedule, a broken file) refused naming the file
 * with the module, optimizer and schedule left exactly as they were.
 */
public class CheckpointConformance extends TensorConformanceSupport {
    @TempDir
    Path dir;

    /** Every value the run holds: state dict, optimizer scalars and buffers, schedule state. */
    private static Map<String, String> everything(TrainingRun run) {
        Map<String, String> values = new TreeMap<>();
        run.model().stateDict().forEach((k, t) -> values.put("model " + k, Arrays.toString(t.toFloatArray())));
        OptimizerState state = run.optimizer().stateDict();
        state.scalars().forEach((k, v) -> values.put("optimizer " + k, Double.toString(v)));
        state.tensors().forEach((k, t) -> {
            values.put("optimizer " + k, Arrays.toString(t.toFloatArray()));
            t.close();
        });
        run.schedule().state().forEach((k, v) -> values.put("schedule " + k, Double.toString(v)));
        return values;
    }

    private Path trainedCheckpoint(int hidden) throws Exception {
        TrainingRun run = new TrainingRun(backend(), 1, hidden);
        run.steps(4);
        Path path = dir.resolve("run.safetensors");
        run.checkpoint().save(path, new TrainingProgress(2, 4));
        return path;
    }

    @Test
    void theFileHoldsPyTorchNamesOptimizerBuffersAndMetadata() throws Exception {
        Path path = trainedCheckpoint(16);
        try (SafeTensorsContent content = SafeTensors.read(path)) {
            assertEquals("[0.bias, 0.weight, 1.bias, 1.running_mean, 1.running_var, 1.weight, 4.bias, 4.weight,"
                    + " optimizer.state.0.expAvg, optimizer.state.0.expAvgSq, optimizer.state.1.expAvg,"
                    + " optimizer.state.1.expAvgSq, optimizer.state.2.expAvg, optimizer.state.2.expAvgSq,"
                    + " optimizer.state.3.expAvg, optimizer.state.3.expAvgSq, optimizer.state.4.expAvg,"
                    + " optimizer.state.4.expAvgSq, optimizer.state.5.expAvg, optimizer.state.5.expAvgSq]",
                    new TreeMap<>(content.tensors()).keySet().toString());
            assertArrayEquals(new int[] {16, 5}, content.tensors().get("optimizer.state.0.expAvg").shape());
            Map<String, String> metadata = content.metadata();
            assertEquals("pt", metadata.get("format"));
            assertEquals("2", metadata.get("jgrad.epoch"));
            assertEquals("4", metadata.get("jgrad.step"));
            assertEquals("Adam", metadata.get("jgrad.optimizer"));
            assertEquals("4.0", metadata.get("jgrad.optimizer.state.5.step"));
            assertEquals("0.001", metadata.get("jgrad.optimizer.group.0.weightDecay"));
            assertEquals("org.jgrad.optim.schedule.LinearWarmup", metadata.get("jgrad.schedule"));
            assertEquals("4.0", metadata.get("jgrad.schedule.step"));
        }
    }

    @Test
    void weightsAloneRoundTripIntoAFreshModel() throws Exception {
        TrainingRun trained = new TrainingRun(backend(), 1, 16);
        trained.steps(3);
        Path path = dir.resolve("weights.safetensors");
        Checkpoint.of(trained.model()).save(path);
        TrainingRun fresh = new TrainingRun(backend(), 2, 16);
        assertEquals(TrainingProgress.START, Checkpoint.of(fresh.model()).load(path));
        trained.model().eval();
        fresh.model().eval();
        Tensor x = Tensors.fromArray(randomFloats(4 * 5, 8), 4, 5);
        assertArrayEquals(trained.model().forward(x).toFloatArray(), fresh.model().forward(x).toFloatArray());
    }

    @Test
    void anotherArchitectureIsRefusedAndNothingChanges() throws Exception {
        Path path = trainedCheckpoint(16);
        TrainingRun other = new TrainingRun(backend(), 3, 8);
        other.steps(2);
        Map<String, String> before = everything(other);
        assertRejected(IllegalArgumentException.class, () -> Checkpoint.of(other.model()).with(other.schedule()).load(path),
                path.toString(), "'0.weight' is FLOAT32 [16, 5] in the given state but FLOAT32 [8, 5] in the module");
        assertRejected(IllegalArgumentException.class, () -> other.checkpoint().load(path), path.toString(),
                "optimizer tensor 'optimizer.state.0.expAvg' is FLOAT32 [16, 5], but parameter 0 is FLOAT32 [8, 5]");
        assertEquals(before, everything(other));
    }

    @Test
    void anotherOptimizerOrScheduleIsRefusedAndNothingChanges() throws Exception {
        Path path = trainedCheckpoint(16);
        TrainingRun other = new TrainingRun(backend(), 3, 16);
        other.steps(1);
        Map<String, String> before = everything(other);
        SGD sgd = new SGD(other.model().parameters(), 0.1);
        assertRejected(IllegalArgumentException.class, () -> Checkpoint.of(other.model()).with(sgd).load(path),
                path.toString(), "the checkpoint holds Adam state, but the optimizer is SGD");
        assertRejected(IllegalArgumentException.class,
                () -> Checkpoint.of(other.model()).with(Schedules.step(0.1, 2, 0.5)).load(path), path.toString(),
                "holds the state of a org.jgrad.optim.schedule.LinearWarmup, but the schedule is a"
                        + " org.jgrad.optim.schedule.StepLr");
        Adam partial = new Adam(other.model().parameters().subList(0, 4), 0.05).weightDecay(1e-3);
        assertRejected(IllegalArgumentException.class, () -> Checkpoint.of(other.model()).with(partial).load(path),
                path.toString(), "unexpected optimizer entry 'state.4.step'; the optimizer has 1 parameter groups and 4"
                        + " parameters");
        Path weightsOnly = dir.resolve("weights.safetensors");
        Checkpoint.of(new TrainingRun(backend(), 4, 16).model()).save(weightsOnly);
        assertRejected(IllegalArgumentException.class, () -> other.checkpoint().load(weightsOnly), weightsOnly.toString(),
                "the checkpoint has no optimizer state");
        assertEquals(before, everything(other));
    }

    @Test
    void aBrokenFileIsRefusedAndNothingChanges() throws Exception {
        Path path = trainedCheckpoint(16);
        TrainingRun other = new TrainingRun(backend(), 3, 16);
        Map<String, String> before = everything(other);
        byte[] bytes = Files.readAllBytes(path);
        Files.write(path, Arrays.copyOf(bytes, bytes.length - 1));
        assertRejected(SafeTensorsFormatException.class, () -> other.checkpoint().load(path), path.toString(),
                "runs past the data buffer");
        Map<String, Tensor> weights = new LinkedHashMap<>(other.model().stateDict());
        SafeTensors.write(path, weights, Map.of("jgrad.epoch", "-1", "jgrad.step", "3"));
        assertRejected(SafeTensorsFormatException.class, () -> Checkpoint.of(other.model()).load(path), path.toString(),
                "metadata \"jgrad.epoch\" is \"-1\"; expected a whole number from 0 to 2147483647");
        assertEquals(before, everything(other));
    }

    @Test
    void aModuleKeyUnderTheOptimizerPrefixIsRefused() {
        Module holder = new Module() {
            {
                registerModule("optimizer", new Linear(2, 2));
            }

            @Override
            public Tensor forward(Tensor input) {
                return input;
            }
        };
        assertRejected(IllegalArgumentException.class, () -> Checkpoint.of(holder).save(dir.resolve("x.safetensors")),
                "'optimizer.weight' starts with 'optimizer.'");
        assertFalse(Files.exists(dir.resolve("x.safetensors")));
    }
}
