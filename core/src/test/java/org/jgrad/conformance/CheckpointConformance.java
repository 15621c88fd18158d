package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.jgrad.Scope;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.io.Checkpoint;
import org.jgrad.io.SafeTensors;
import org.jgrad.io.SafeTensorsContent;
import org.jgrad.io.SafeTensorsFormatException;
import org.jgrad.io.StoredType;
import org.jgrad.io.TrainingProgress;
import org.jgrad.loss.CrossEntropyLoss;
import org.jgrad.nn.Linear;
import org.jgrad.optim.Adagrad;
import org.jgrad.optim.Adam;
import org.jgrad.optim.Optimizer;
import org.jgrad.optim.RMSprop;
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

    /** The header text of a safetensors file (to see the stored types, which reading converts). */
    private static String headerOf(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        int length = (int) ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        return new String(bytes, 8, length, StandardCharsets.UTF_8);
    }

    @Test
    void theWeightsFileHoldsTheStateDictAloneAndTheTrainingFileTheRestUnderPyTorchNames() throws Exception {
        Path path = trainedCheckpoint(16);
        try (SafeTensorsContent content = SafeTensors.read(path)) {
            assertEquals("[0.bias, 0.weight, 1.bias, 1.num_batches_tracked, 1.running_mean, 1.running_var, 1.weight,"
                    + " 4.bias, 4.weight]", new TreeMap<>(content.tensors()).keySet().toString());
            assertEquals(Map.of("format", "pt"), content.metadata());
            assertArrayEquals(new int[] {4}, content.tensors().get("1.num_batches_tracked").toIntArray());
        }
        assertTrue(headerOf(path).contains("\"1.num_batches_tracked\":{\"dtype\":\"I64\",\"shape\":[]"),
                headerOf(path));
        Path training = Checkpoint.trainingStateFile(path);
        assertEquals(dir.resolve("run.training.safetensors"), training);
        try (SafeTensorsContent content = SafeTensors.read(training)) {
            StringBuilder expected = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                expected.append(", optimizer.state.").append(i).append(".exp_avg, optimizer.state.").append(i)
                        .append(".exp_avg_sq, optimizer.state.").append(i).append(".step");
            }
            assertEquals("[" + expected.substring(2) + "]", new TreeMap<>(content.tensors()).keySet().toString());
            assertArrayEquals(new int[] {16, 5}, content.tensors().get("optimizer.state.0.exp_avg").shape());
            assertArrayEquals(new float[] {4}, content.tensors().get("optimizer.state.5.step").toFloatArray());
            assertArrayEquals(new int[0], content.tensors().get("optimizer.state.5.step").shape());
            Map<String, String> metadata = content.metadata();
            assertEquals("pt", metadata.get("format"));
            assertEquals(sha256(path), metadata.get("jgrad.weights.sha256"));
            assertEquals("2", metadata.get("jgrad.epoch"));
            assertEquals("4", metadata.get("jgrad.step"));
            assertEquals("Adam", metadata.get("jgrad.optimizer"));
            assertEquals("0.001", metadata.get("jgrad.optimizer.group.0.weightDecay"));
            assertEquals("org.jgrad.optim.schedule.LinearWarmup", metadata.get("jgrad.schedule"));
            assertEquals("4.0", metadata.get("jgrad.schedule.step"));
        }
    }

    @Test
    void optimizerBuffersHavePyTorchNames() throws Exception {
        Map<String, Function<List<Tensor>, Optimizer>> optimizers = new LinkedHashMap<>();
        optimizers.put("[momentum_buffer, step]", params -> new SGD(params, 0.1).momentum(0.9));
        optimizers.put("[exp_avg, exp_avg_sq, max_exp_avg_sq, step]", params -> new Adam(params, 0.1).amsgrad(true));
        optimizers.put("[grad_avg, momentum_buffer, square_avg, step]",
                params -> new RMSprop(params, 0.1).momentum(0.5).centered(true));
        optimizers.put("[step, sum]", params -> new Adagrad(params, 0.1));
        for (Map.Entry<String, Function<List<Tensor>, Optimizer>> named : optimizers.entrySet()) {
            TrainingRun run = new TrainingRun(backend(), 1, 4);
            Optimizer optimizer = named.getValue().apply(run.model().parameters());
            try (Scope ignored = Scope.open()) {
                new CrossEntropyLoss().apply(run.model().forward(run.x()), run.labels()).backward();
                optimizer.step();
            }
            Path path = dir.resolve(optimizer.name() + ".safetensors");
            Checkpoint.of(run.model()).with(optimizer).save(path);
            try (SafeTensorsContent content = SafeTensors.read(Checkpoint.trainingStateFile(path))) {
                Set<String> names = new TreeSet<>();
                content.tensors().keySet().forEach(k -> names.add(k.substring("optimizer.state.0.".length())));
                assertEquals(named.getKey(), names.toString(), optimizer.name());
            }
        }
    }

    @Test
    void weightsCanBeStoredAsBfloat16AndLoadRounded() throws Exception {
        TrainingRun trained = new TrainingRun(backend(), 1, 16);
        trained.steps(2);
        Path f32 = dir.resolve("f32.safetensors");
        Path bf16 = dir.resolve("bf16.safetensors");
        Checkpoint.of(trained.model()).save(f32);
        Checkpoint.of(trained.model()).weightsAs(StoredType.BF16).save(bf16);
        assertTrue(headerOf(bf16).contains("\"0.weight\":{\"dtype\":\"BF16\""), headerOf(bf16));
        long i64 = 8;
        assertEquals((dataBytes(f32) - i64) / 2, dataBytes(bf16) - i64, "BF16 halves the floats; the I64 count stays");
        TrainingRun fresh = new TrainingRun(backend(), 2, 16);
        Checkpoint.of(fresh.model()).load(bf16);
        float[] original = trained.model().stateDict().get("0.weight").toFloatArray();
        float[] loaded = fresh.model().stateDict().get("0.weight").toFloatArray();
        for (int i = 0; i < original.length; i++) {
            assertEquals(original[i], loaded[i], Math.abs(original[i]) / 256, "element " + i);
            assertEquals(0, Float.floatToRawIntBits(loaded[i]) & 0xFFFF, "a bfloat16 keeps the upper 16 bits");
        }
        assertFalse(Files.exists(Checkpoint.trainingStateFile(bf16)), "a module alone writes no training state");
    }

    private static long dataBytes(Path file) throws Exception {
        return Files.size(file) - 8 - headerOf(file).getBytes(StandardCharsets.UTF_8).length;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
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
        assertRejected(IllegalArgumentException.class, () -> other.checkpoint().load(path),
                Checkpoint.trainingStateFile(path).toString(),
                "optimizer tensor 'optimizer.state.0.exp_avg' is FLOAT32 [16, 5], but parameter 0 is FLOAT32 [8, 5]");
        assertEquals(before, everything(other));
    }

    @Test
    void anotherOptimizerOrScheduleIsRefusedAndNothingChanges() throws Exception {
        Path path = trainedCheckpoint(16);
        String training = Checkpoint.trainingStateFile(path).toString();
        TrainingRun other = new TrainingRun(backend(), 3, 16);
        other.steps(1);
        Map<String, String> before = everything(other);
        SGD sgd = new SGD(other.model().parameters(), 0.1);
        assertRejected(IllegalArgumentException.class, () -> Checkpoint.of(other.model()).with(sgd).load(path),
                training, "the checkpoint holds Adam state, but the optimizer is SGD");
        assertRejected(IllegalArgumentException.class,
                () -> Checkpoint.of(other.model()).with(Schedules.step(0.1, 2, 0.5)).load(path), training,
                "holds the state of a org.jgrad.optim.schedule.LinearWarmup, but the schedule is a"
                        + " org.jgrad.optim.schedule.StepLr");
        Adam partial = new Adam(other.model().parameters().subList(0, 4), 0.05).weightDecay(1e-3);
        assertRejected(IllegalArgumentException.class, () -> Checkpoint.of(other.model()).with(partial).load(path),
                training, "unexpected optimizer entry 'state.4.step'; the optimizer has 1 parameter groups and 4"
                        + " parameters");
        Path weightsOnly = dir.resolve("weights.safetensors");
        Checkpoint.of(new TrainingRun(backend(), 4, 16).model()).save(weightsOnly);
        assertRejected(IllegalArgumentException.class, () -> other.checkpoint().load(weightsOnly), weightsOnly.toString(),
                "the training state " + Checkpoint.trainingStateFile(weightsOnly) + " is missing");
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
        Path resaved = trainedCheckpoint(16);
        Path training = Checkpoint.trainingStateFile(resaved);
        SafeTensors.write(training, Map.of(), Map.of("jgrad.weights.sha256", sha256(resaved), "jgrad.epoch", "-1",
                "jgrad.step", "3"));
        assertRejected(SafeTensorsFormatException.class, () -> Checkpoint.of(other.model()).load(resaved),
                training.toString(), "metadata \"jgrad.epoch\" is \"-1\"; expected a whole number from 0 to 2147483647");
        assertEquals(before, everything(other));
    }

    @Test
    void aTrainingStateSavedWithOtherWeightsIsRefusedAndNothingChanges() throws Exception {
        Path path = trainedCheckpoint(16);
        TrainingRun other = new TrainingRun(backend(), 3, 16);
        Map<String, String> before = everything(other);
        Checkpoint.of(new TrainingRun(backend(), 5, 16).model()).save(path);
        assertRejected(IllegalArgumentException.class, () -> other.checkpoint().load(path),
                Checkpoint.trainingStateFile(path).toString(), "this training state was saved with other weights than "
                        + path + " holds now");
        assertEquals(before, everything(other));
    }

    @Test
    void aWeightsFileNamedLikeATrainingStateIsRefused() {
        Path path = dir.resolve("x.training.safetensors");
        assertRejected(IllegalArgumentException.class, () -> Checkpoint.of(new Linear(2, 2)).save(path),
                "'.training.safetensors', which names training-state files");
        assertFalse(Files.exists(path));
    }
}
