package org.jgrad.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jgrad.Generator;
import org.jgrad.Tensor;
import org.jgrad.backend.Backend;
import org.jgrad.backend.Backends;
import org.jgrad.nn.Module;
import org.jgrad.optim.Optimizer;
import org.jgrad.optim.OptimizerState;
import org.jgrad.optim.schedule.LrSchedule;

/**
 * Everything needed to resume training, in one safetensors file: a module's state dict under its
 * PyTorch names (so {@code safetensors.torch.load_file} and {@code model.load_state_dict} read the
 * weights), and optionally an optimizer's state (buffers under {@code optimizer.state.I.NAME},
 * scalars in the metadata), a schedule's state, the global generator's position and the
 * {@link TrainingProgress}.
 *
 * <pre>{@code
 * Checkpoint checkpoint = Checkpoint.of(model).with(optimizer).with(schedule).withGlobalGenerator();
 * checkpoint.save(Path.of("run/last.safetensors"), new TrainingProgress(epoch + 1, step));
 * // later, with the model, optimizer and schedule built as before:
 * TrainingProgress resumed = checkpoint.load(Path.of("run/last.safetensors"));
 * }</pre>
 *
 * <p>Loading checks the file against the module (names, shapes, dtypes), the optimizer and the
 * schedule before changing any of them; when something does not fit, it throws naming the file and
 * the entry, and the module, optimizer, schedule and generator are left as they were.
 */
public final class Checkpoint {
    private final Module model;
    private final Optimizer optimizer;
    private final LrSchedule schedule;
    private final boolean globalGenerator;

    private Checkpoint(Module model, Optimizer optimizer, LrSchedule schedule, boolean globalGenerator) {
        this.model = Objects.requireNonNull(model, "model");
        this.optimizer = optimizer;
        this.schedule = schedule;
        this.globalGenerator = globalGenerator;
    }

    /** A checkpoint of {@code model}'s parameters and buffers. */
    public static Checkpoint of(Module model) {
        return new Checkpoint(model, null, null, false);
    }

    /** This checkpoint, also saving and restoring {@code optimizer}'s state. */
    public Checkpoint with(Optimizer optimizer) {
        return new Checkpoint(model, Objects.requireNonNull(optimizer, "optimizer"), schedule, globalGenerator);
    }

    /** This checkpoint, also saving and restoring {@code schedule}'s state. */
    public Checkpoint with(LrSchedule schedule) {
        return new Checkpoint(model, optimizer, Objects.requireNonNull(schedule, "schedule"), globalGenerator);
    }

    /** This checkpoint, also saving and restoring {@link Generator#global()}'s seed and position (dropout masks). */
    public Checkpoint withGlobalGenerator() {
        return new Checkpoint(model, optimizer, schedule, true);
    }

    /** Saves the state without a {@link TrainingProgress} (loading it returns {@link TrainingProgress#START}). */
    public void save(Path file) throws IOException {
        save(file, null);
    }

    /** Saves the state and {@code progress} to {@code file}, replacing it atomically. */
    public void save(Path file, TrainingProgress progress) throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>(model.stateDict());
        tensors.keySet().stream().filter(k -> k.startsWith(OptimizerEntries.TENSOR_PREFIX)).findFirst().ifPresent(k -> {
            throw new IllegalArgumentException("checkpoint: the module's state key '" + k + "' starts with '"
                    + OptimizerEntries.TENSOR_PREFIX + "', which checkpoints keep for the optimizer's state");
        });
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(CheckpointMetadata.FORMAT, "pt");
        if (progress != null) {
            metadata.put(CheckpointMetadata.EPOCH, Integer.toString(progress.epoch()));
            metadata.put(CheckpointMetadata.STEP, Long.toString(progress.step()));
        }
        if (schedule != null) {
            metadata.put(CheckpointMetadata.SCHEDULE, schedule.getClass().getName());
            CheckpointMetadata.putNumbers(CheckpointMetadata.SCHEDULE, schedule.state(), metadata);
        }
        if (globalGenerator) {
            metadata.put(CheckpointMetadata.GENERATOR_SEED, Long.toString(Generator.global().seed()));
            metadata.put(CheckpointMetadata.GENERATOR_OFFSET, Long.toString(Generator.global().offset()));
        }
        OptimizerState state = optimizer == null ? null : optimizer.stateDict();
        try {
            if (state != null) {
                OptimizerEntries.put(optimizer, state, tensors, metadata);
            }
            SafeTensors.write(file, tensors, metadata);
        } finally {
            if (state != null) {
                state.tensors().values().forEach(Tensor::close);
            }
        }
    }

    /**
     * Restores what {@link #save} wrote into the module (and the optimizer, schedule and global
     * generator, when this checkpoint has them) and returns the saved progress.
     *
     * @throws SafeTensorsFormatException when the file is not a valid checkpoint
     * @throws IllegalArgumentException when it does not fit the module, optimizer or schedule;
     *     nothing is changed then
     */
    public TrainingProgress load(Path file) throws IOException {
        try (SafeTensorsContent content = SafeTensors.read(file, backend())) {
            CheckpointMetadata metadata = new CheckpointMetadata(content.metadata(), file);
            Map<String, Tensor> weights = new LinkedHashMap<>();
            Map<String, Tensor> optimizerTensors = new LinkedHashMap<>();
            content.tensors().forEach((name, t) -> {
                if (name.startsWith(OptimizerEntries.TENSOR_PREFIX)) {
                    optimizerTensors.put(name.substring(OptimizerEntries.TENSOR_PREFIX.length()), t);
                } else {
                    weights.put(name, t);
                }
            });
            TrainingProgress progress = progress(metadata);
            OptimizerState state = optimizer == null ? null
                    : OptimizerEntries.take(optimizer, optimizerTensors, metadata, file);
            GeneratorPosition position = globalGenerator ? GeneratorPosition.of(metadata) : null;
            ScheduleRestore restore = schedule == null ? null : ScheduleRestore.apply(schedule, metadata, file);
            try {
                model.loadStateDict(weights);
            } catch (IllegalArgumentException e) {
                if (restore != null) {
                    restore.undo();
                }
                throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
            }
            if (state != null) {
                optimizer.loadStateDict(state);
            }
            if (position != null) {
                Generator.manualSeed(position.seed());
                Generator.global().advance(position.offset());
            }
            return progress;
        }
    }

    private static TrainingProgress progress(CheckpointMetadata metadata) throws SafeTensorsFormatException {
        if (!metadata.has(CheckpointMetadata.EPOCH) && !metadata.has(CheckpointMetadata.STEP)) {
            return TrainingProgress.START;
        }
        return new TrainingProgress((int) metadata.integer(CheckpointMetadata.EPOCH, 0, Integer.MAX_VALUE),
                metadata.integer(CheckpointMetadata.STEP, 0, Long.MAX_VALUE));
    }

    /** The global generator's seed and the stream positions it had used. */
    private record GeneratorPosition(long seed, long offset) {
        static GeneratorPosition of(CheckpointMetadata metadata) throws SafeTensorsFormatException {
            return new GeneratorPosition(metadata.integer(CheckpointMetadata.GENERATOR_SEED, Long.MIN_VALUE, Long.MAX_VALUE),
                    metadata.integer(CheckpointMetadata.GENERATOR_OFFSET, 0, Long.MAX_VALUE));
        }
    }

    /** Where the module lives: the backend of its first tensor, else the default. */
    private Backend backend() {
        return model.stateDict().values().stream().findFirst().map(Tensor::backend).orElseGet(Backends::getDefault);
    }
}
