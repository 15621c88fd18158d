package org.jgrad.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.jgrad.Generator;
import org.jgrad.Scope;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.data.Batch;
import org.jgrad.io.Checkpoint;
import org.jgrad.io.TrainingProgress;
import org.jgrad.loss.Loss;
import org.jgrad.nn.Module;
import org.jgrad.optim.Optimizer;
import org.jgrad.optim.schedule.LrSchedule;

/**
 * One copy of the training state (model, optimizer, schedule, loss), on the driver or in a task.
 * Its whole state travels as the bytes of a core {@link Checkpoint} (safetensors), so what the
 * driver broadcasts, what a task returns and what the driver writes to disk are one format.
 */
final class Replica implements AutoCloseable {
    private final Module model;
    private final Optimizer optimizer;
    private final LrSchedule schedule;
    private final Loss loss;
    private final List<Tensor> parameters;
    private final Map<String, Tensor> named;

    private Replica(TrainingSpec spec) {
        this.model = spec.model().create();
        this.optimizer = spec.optimizer().create(model);
        this.schedule = spec.schedule() == null ? null : spec.schedule().create();
        this.loss = spec.loss().create();
        this.named = model.namedParameters();
        this.parameters = List.copyOf(named.values());
    }

    /** A fresh replica whose initial weights come from the global generator seeded with {@code seed}. */
    static Replica initial(TrainingSpec spec, long seed) {
        Generator.manualSeed(seed);
        return new Replica(spec);
    }

    /** A replica holding the state in {@code state} (bytes of {@link #stateBytes}). */
    static Replica restored(TrainingSpec spec, byte[] state) {
        Replica replica = new Replica(spec);
        replica.loadState(state);
        return replica;
    }

    Module model() {
        return model;
    }

    Optimizer optimizer() {
        return optimizer;
    }

    LrSchedule schedule() {
        return schedule;
    }

    Checkpoint checkpoint() {
        Checkpoint checkpoint = Checkpoint.of(model).with(optimizer);
        return schedule == null ? checkpoint : checkpoint.with(schedule);
    }

    /** Forward and backward on {@code batch} in train mode; returns the loss. Gradients stay in the parameters. */
    float computeGradients(Batch batch) {
        if (schedule != null) {
            optimizer.setLr(schedule.lr());
        }
        model.train();
        optimizer.zeroGrad();
        try (Scope scope = Scope.open()) {
            Tensor value = loss.apply(model.forward(batch.inputs()), batch.targets());
            value.backward();
            return value.item();
        }
    }

    /** The gradients of all parameters, in parameter order, as one array. */
    float[] gradients() {
        float[] flat = new float[Math.toIntExact(model.parameterCount())];
        int offset = 0;
        for (Map.Entry<String, Tensor> p : named.entrySet()) {
            Tensor grad = p.getValue().grad();
            if (grad == null) {
                throw new IllegalStateException("parameter '" + p.getKey() + "' got no gradient from the loss; "
                        + "data-parallel training needs a gradient for every parameter in every step");
            }
            float[] values = grad.toFloatArray();
            System.arraycopy(values, 0, flat, offset, values.length);
            offset += values.length;
        }
        return flat;
    }

    /** Replaces every gradient with its slice of {@code flat} and takes one optimizer step. */
    void applyGradients(float[] flat) {
        int offset = 0;
        for (Tensor p : parameters) {
            float[] values = new float[p.numel()];
            System.arraycopy(flat, offset, values, 0, values.length);
            offset += values.length;
            p.setGrad(Tensors.fromArray(p.backend(), values, p.shape()));
        }
        optimizer.step();
    }

    /** CRC-32C of every parameter's bytes: equal on replicas that hold the same weights. */
    long parameterHash() {
        CRC32C crc = new CRC32C();
        for (Tensor p : parameters) {
            float[] values = p.toFloatArray();
            ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asFloatBuffer().put(values);
            crc.update(bytes);
        }
        return crc.getValue();
    }

    /**
     * The checkpoint bytes of this replica with {@code progress}: the weights file's length (8
     * bytes, big-endian), the weights file, then the training-state file beside it.
     */
    byte[] stateBytes(TrainingProgress progress) {
        return throughFile(file -> {
            checkpoint().save(file, progress);
            byte[] weights = Files.readAllBytes(file);
            byte[] training = Files.readAllBytes(Checkpoint.trainingStateFile(file));
            return ByteBuffer.allocate(Long.BYTES + weights.length + training.length).putLong(weights.length)
                    .put(weights).put(training).array();
        });
    }

    /** Loads checkpoint bytes ({@link #stateBytes}) into this replica; returns their progress. */
    TrainingProgress loadState(byte[] state) {
        return throughFile(file -> {
            ByteBuffer bytes = ByteBuffer.wrap(state);
            byte[] weights = new byte[Math.toIntExact(bytes.getLong())];
            bytes.get(weights);
            byte[] training = new byte[bytes.remaining()];
            bytes.get(training);
            Files.write(file, weights);
            Files.write(Checkpoint.trainingStateFile(file), training);
            return checkpoint().load(file);
        });
    }

    private interface FileWork<T> {
        T run(Path file) throws IOException;
    }

    /** Checkpoint reads and writes files; a private temporary one carries the bytes. */
    private static <T> T throughFile(FileWork<T> work) {
        try {
            Path dir = Files.createTempDirectory("jgrad-replica");
            Path file = dir.resolve("state.safetensors");
            try {
                return work.run(file);
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(Checkpoint.trainingStateFile(file));
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("replica state: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        optimizer.close();
        model.close();
    }
}
