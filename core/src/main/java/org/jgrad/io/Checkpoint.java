package org.jgrad.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jgrad.DType;
import org.jgrad.Generator;
import org.jgrad.Tensor;
import org.jgrad.backend.Backend;
import org.jgrad.backend.Backends;
import org.jgrad.nn.Module;
import org.jgrad.optim.Optimizer;
import org.jgrad.optim.OptimizerState;
import org.jgrad.optim.schedule.LrSchedule;

/**
 * Everything needed to resume training, in two safetensors files. The weights file holds the
 * module's state dict alone, under its PyTorch names and types (integers as I64), so PyTorch's
 * {@code model.load_state_dict(..., strict=True)} takes it as it is; {@link #weightsAs} narrows its
 * floats (BF16 halves it). The training-state file next to it ({@link #trainingStateFile}:
 * {@code last.safetensors} gives {@code last.training.safetensors}) holds what resuming needs
 * besides: the optimizer's buffers under PyTorch's names ({@code optimizer.state.I.exp_avg},
 * {@code exp_avg_sq}, {@code momentum_buffer}, {@code square_avg}, {@code sum}, and {@code step} as
 * an F32 scalar, I numbering parameters across groups as PyTorch does), its group options, a
 * schedule's state, the global generator's position, the {@link TrainingProgress}, and the SHA-256
 * of the weights file it was saved with. A checkpoint of a module alone writes no training-state
 * file.
 *
 * <pre>{@code
 * Checkpoint checkpoint = Checkpoint.of(model).with(optimizer).with(schedule).withGlobalGenerator();
 * checkpoint.save(Path.of("run/last.safetensors"), new TrainingProgress(epoch + 1, step));
 * // later, with the model, optimizer and schedule built as before:
 * TrainingProgress resumed = checkpoint.load(Path.of("run/last.safetensors"));
 * }</pre>
 *
 * <p>Loading checks the files against the module (names, shapes, dtypes), the optimizer and the
 * schedule before changing any of them, and checks that the training state was saved with these
 * weights (an interrupted save leaves a new weights file beside an old training state: refused);
 * when something does not fit, it throws naming the file and the entry, and the module, optimizer,
 * schedule and generator are left as they were.
 */
public final class Checkpoint {
    private static final String EXTENSION = ".safetensors";
    private static final String TRAINING_SUFFIX = ".training" + EXTENSION;

    private final Module model;
    private final Optimizer optimizer;
    private final LrSchedule schedule;
    private final boolean globalGenerator;
    private final StorageTypes weightTypes;

    private Checkpoint(Module model, Optimizer optimizer, LrSchedule schedule, boolean globalGenerator,
            StorageTypes weightTypes) {
        this.model = Objects.requireNonNull(model, "model");
        this.optimizer = optimizer;
        this.schedule = schedule;
        this.globalGenerator = globalGenerator;
        this.weightTypes = weightTypes;
    }

    /** A checkpoint of {@code model}'s parameters and buffers. */
    public static Checkpoint of(Module model) {
        return new Checkpoint(model, null, null, false, StorageTypes.PYTORCH);
    }

    /** This checkpoint, also saving and restoring {@code optimizer}'s state. */
    public Checkpoint with(Optimizer optimizer) {
        return new Checkpoint(model, Objects.requireNonNull(optimizer, "optimizer"), schedule, globalGenerator, weightTypes);
    }

    /** This checkpoint, also saving and restoring {@code schedule}'s state. */
    public Checkpoint with(LrSchedule schedule) {
        return new Checkpoint(model, optimizer, Objects.requireNonNull(schedule, "schedule"), globalGenerator, weightTypes);
    }

    /** This checkpoint, also saving and restoring {@link Generator#global()}'s seed and position (dropout masks). */
    public Checkpoint withGlobalGenerator() {
        return new Checkpoint(model, optimizer, schedule, true, weightTypes);
    }

    /**
     * This checkpoint, writing the weights' floats as {@code type} (F32, the default; BF16 or F16
     * to halve the file, rounding to nearest even; F64). Optimizer state stays F32.
     */
    public Checkpoint weightsAs(StoredType type) {
        return new Checkpoint(model, optimizer, schedule, globalGenerator, weightTypes.floats(type));
    }

    /** As {@link #weightsAs(StoredType)} by dtype: FLOAT32, FLOAT16 or BFLOAT16. */
    public Checkpoint weightsAs(DType dtype) {
        if (dtype == DType.INT32) {
            throw new IllegalArgumentException("checkpoint: weights are floats; weightsAs takes FLOAT32, FLOAT16 or"
                    + " BFLOAT16, got INT32");
        }
        return weightsAs(StorageTypes.EXACT.of(dtype));
    }

    /** The training-state file saved beside {@code weights}: {@code NAME.training.safetensors}. */
    public static Path trainingStateFile(Path weights) {
        String name = weights.getFileName().toString();
        String stem = name.endsWith(EXTENSION) ? name.substring(0, name.length() - EXTENSION.length()) : name;
        return weights.resolveSibling(stem + TRAINING_SUFFIX);
    }

    /** Saves the state without a {@link TrainingProgress} (loading it returns {@link TrainingProgress#START}). */
    public void save(Path file) throws IOException {
        save(file, null);
    }

    /**
     * Saves the weights to {@code file} and, when there is more than the module to save, the
     * training state to {@link #trainingStateFile}; each file is replaced atomically, the weights
     * first.
     */
    public void save(Path file, TrainingProgress progress) throws IOException {
        if (file.getFileName().toString().endsWith(TRAINING_SUFFIX)) {
            throw new IllegalArgumentException("checkpoint: the weights file " + file + " ends with '" + TRAINING_SUFFIX
                    + "', which names training-state files; choose another name");
        }
        SafeTensors.write(file, model.stateDict(), Map.of(CheckpointMetadata.FORMAT, "pt"),
                weightTypes);
        if (optimizer == null && schedule == null && !globalGenerator && progress == null) {
            return;
        }
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(CheckpointMetadata.FORMAT, "pt");
        metadata.put(CheckpointMetadata.WEIGHTS_SHA256, FileDigest.sha256(file));
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
        try {
            if (optimizer != null) {
                OptimizerEntries.put(optimizer, optimizer.stateDict(), backend(), tensors, metadata);
            }
            SafeTensors.write(trainingStateFile(file), tensors, metadata);
        } finally {
            tensors.values().forEach(Tensor::close);
        }
    }

    /**
     * Restores what {@link #save} wrote into the module (and the optimizer, schedule and global
     * generator, when this checkpoint has them) and returns the saved progress
     * ({@link TrainingProgress#START} when there is no training-state file). Reads any weights
     * file of the module's state dict, e.g. one PyTorch wrote (F16, BF16, F64 and I64 are
     * converted to FLOAT32 and INT32).
     *
     * @throws SafeTensorsFormatException when a file is not a valid checkpoint
     * @throws IllegalArgumentException when it does not fit the module, optimizer or schedule, or
     *     the training state was saved with other weights; nothing is changed then
     */
    public TrainingProgress load(Path file) throws IOException {
        Path stateFile = trainingStateFile(file);
        boolean needsState = optimizer != null || schedule != null || globalGenerator;
        if (needsState && !Files.exists(stateFile)) {
            throw new IllegalArgumentException(file + ": the training state " + stateFile + " is missing (a checkpoint"
                    + " saved with the module alone, or written by another program, has none)");
        }
        try (SafeTensorsContent weights = SafeTensors.read(file, backend());
                SafeTensorsContent state = Files.exists(stateFile) ? SafeTensors.read(stateFile, backend())
                        : new SafeTensorsContent(Map.of(), Map.of())) {
            CheckpointMetadata metadata = new CheckpointMetadata(state.metadata(), stateFile);
            if (!state.metadata().isEmpty()) {
                String saved = metadata.text(CheckpointMetadata.WEIGHTS_SHA256);
                if (saved == null || !saved.equals(FileDigest.sha256(file))) {
                    throw new IllegalArgumentException(stateFile + ": this training state was saved with other weights"
                            + " than " + file + " holds now (was a save interrupted, or a file replaced?)");
                }
            }
            TrainingProgress progress = progress(metadata);
            OptimizerState optimizerState = optimizer == null ? null
                    : OptimizerEntries.take(optimizer, state.tensors(), metadata, stateFile);
            GeneratorPosition position = globalGenerator ? GeneratorPosition.of(metadata) : null;
            ScheduleRestore restore = schedule == null ? null : ScheduleRestore.apply(schedule, metadata, stateFile);
            try {
                model.loadStateDict(weights.tensors());
            } catch (IllegalArgumentException e) {
                if (restore != null) {
                    restore.undo();
                }
                throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
            }
            if (optimizerState != null) {
                optimizer.loadStateDict(optimizerState);
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
