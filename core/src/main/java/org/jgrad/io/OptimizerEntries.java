package org.jgrad.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jgrad.DType;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.backend.Backend;
import org.jgrad.optim.Optimizer;
import org.jgrad.optim.OptimizerState;
import org.jgrad.optim.ParamGroup;

/**
 * An {@link OptimizerState} in a training-state file: its buffers and step counts under
 * {@code optimizer.state.I.NAME} (PyTorch's names and numbering), its group options and the
 * optimizer's name in the metadata. Reading checks
 * the saved state against the optimizer it is meant for, entry by entry, so that
 * {@link Optimizer#loadStateDict} cannot fail half-way.
 */
final class OptimizerEntries {
    /** The prefix of the optimizer's tensors in the file. */
    static final String TENSOR_PREFIX = "optimizer.";

    private static final Pattern GROUP_KEY = Pattern.compile("group\\.(\\d{1,9})\\.(.+)");
    private static final Pattern STATE_KEY = Pattern.compile("state\\.(\\d{1,9})\\.(.+)");
    private static final Pattern STEP_KEY = Pattern.compile("state\\.(\\d{1,9})\\.step");

    private OptimizerEntries() {
    }

    /**
     * Adds {@code state} of {@code optimizer} to the tensors and metadata of a training-state file:
     * buffers and step counts (F32 scalars, as PyTorch 1.13 keeps them) as tensors on
     * {@code backend}, group options as metadata. The caller closes the tensors added.
     */
    static void put(Optimizer optimizer, OptimizerState state, Backend backend, Map<String, Tensor> tensors,
            Map<String, String> metadata) {
        metadata.put(CheckpointMetadata.OPTIMIZER, optimizer.name());
        state.scalars().forEach((key, value) -> {
            if (STEP_KEY.matcher(key).matches()) {
                tensors.put(TENSOR_PREFIX + key, Tensors.full(backend, value.floatValue()));
            } else {
                metadata.put(CheckpointMetadata.OPTIMIZER + "." + key, Double.toString(value));
            }
        });
        state.tensors().forEach((key, tensor) -> tensors.put(TENSOR_PREFIX + key, tensor));
    }

    /**
     * The saved state, checked to fit {@code optimizer}: the same optimizer type, every group
     * option present, and every step count and buffer belonging to an existing parameter, buffers
     * FLOAT32 and shaped like their parameter.
     *
     * @param stateTensors every tensor of the training-state file
     */
    static OptimizerState take(Optimizer optimizer, Map<String, Tensor> stateTensors, CheckpointMetadata metadata,
            Path file) throws SafeTensorsFormatException {
        String saved = metadata.text(CheckpointMetadata.OPTIMIZER);
        if (saved == null) {
            throw mismatch(file, "the checkpoint has no optimizer state (it was saved without an optimizer)");
        }
        if (!saved.equals(optimizer.name())) {
            throw mismatch(file, "the checkpoint holds " + saved + " state, but the optimizer is " + optimizer.name());
        }
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        Map<String, Double> scalars = new LinkedHashMap<>(metadata.numbers(CheckpointMetadata.OPTIMIZER));
        for (Map.Entry<String, Tensor> entry : stateTensors.entrySet()) {
            if (!entry.getKey().startsWith(TENSOR_PREFIX)) {
                continue;
            }
            String key = entry.getKey().substring(TENSOR_PREFIX.length());
            Tensor t = entry.getValue();
            if (STEP_KEY.matcher(key).matches() && t.numel() == 1 && t.dtype() == DType.FLOAT32) {
                scalars.put(key, (double) t.item());
            } else {
                tensors.put(key, t);
            }
        }
        List<ParamGroup> groups = optimizer.paramGroups();
        List<Tensor> params = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            for (String option : groups.get(g).options().keySet()) {
                if (!scalars.containsKey("group." + g + "." + option)) {
                    throw mismatch(file, "the optimizer state lacks 'group." + g + "." + option + "' (saved from other"
                            + " parameter groups?)");
                }
            }
            params.addAll(groups.get(g).params());
        }
        String structure = "; the optimizer has " + groups.size() + " parameter groups and " + params.size()
                + " parameters";
        for (Map.Entry<String, Double> scalar : scalars.entrySet()) {
            String problem = scalarProblem(scalar.getKey(), scalar.getValue(), groups, params.size(), structure);
            if (problem != null) {
                throw mismatch(file, problem);
            }
        }
        for (Map.Entry<String, Tensor> buffer : tensors.entrySet()) {
            Matcher state = STATE_KEY.matcher(buffer.getKey());
            int index = state.matches() ? Integer.parseInt(state.group(1)) : Integer.MAX_VALUE;
            if (index >= params.size() || !scalars.containsKey("state." + index + ".step")) {
                throw mismatch(file, "unexpected optimizer tensor '" + TENSOR_PREFIX + buffer.getKey() + "'" + structure
                        + " (and a buffer needs its parameter's step count)");
            }
            Tensor t = buffer.getValue();
            int[] expected = params.get(index).shape();
            if (t.dtype() != DType.FLOAT32 || !Arrays.equals(t.shape(), expected)) {
                throw mismatch(file, "optimizer tensor '" + TENSOR_PREFIX + buffer.getKey() + "' is " + t.dtype() + " "
                        + Shape.toString(t.shape()) + ", but parameter " + index + " is FLOAT32 " + Shape.toString(expected));
            }
        }
        return new OptimizerState(scalars, tensors);
    }

    /** Why a saved scalar does not fit the optimizer, or null when it does. */
    private static String scalarProblem(String key, double value, List<ParamGroup> groups, int paramCount,
            String structure) {
        Matcher group = GROUP_KEY.matcher(key);
        if (group.matches()) {
            int g = Integer.parseInt(group.group(1));
            return g < groups.size() && groups.get(g).options().containsKey(group.group(2)) ? null
                    : "unexpected optimizer entry '" + key + "'" + structure;
        }
        Matcher step = STEP_KEY.matcher(key);
        if (!step.matches() || Integer.parseInt(step.group(1)) >= paramCount) {
            return "unexpected optimizer entry '" + key + "'" + structure;
        }
        return value >= 0 && value <= Integer.MAX_VALUE && value == Math.rint(value) ? null
                : "optimizer entry '" + key + "' is " + value + ", not a step count";
    }

    private static IllegalArgumentException mismatch(Path file, String problem) {
        return new IllegalArgumentException(file + ": " + problem);
    }
}
