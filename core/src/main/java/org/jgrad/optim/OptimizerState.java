package org.jgrad.optim;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrad.Scope;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.ops.Movement;

/**
 * A snapshot of an optimizer, enough to resume training: {@code scalars} holds group options
 * ("group.G.lr") and step counts ("state.I.step"); {@code tensors} holds copies of the buffers
 * ("state.I.momentum"). I numbers parameters across groups in order, as PyTorch's state_dict.
 */
public record OptimizerState(Map<String, Double> scalars, Map<String, Tensor> tensors) {

    public OptimizerState {
        scalars = Map.copyOf(scalars);
        tensors = Map.copyOf(tensors);
    }

    static OptimizerState capture(List<ParamGroup> groups, Map<Tensor, ParamState> state) {
        Map<String, Double> scalars = new LinkedHashMap<>();
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        int index = 0;
        for (int g = 0; g < groups.size(); g++) {
            for (Map.Entry<String, Double> option : groups.get(g).options().entrySet()) {
                scalars.put("group." + g + "." + option.getKey(), option.getValue());
            }
            for (Tensor p : groups.get(g).params()) {
                ParamState s = state.get(p);
                if (s != null) {
                    scalars.put("state." + index + ".step", (double) s.step());
                    for (Map.Entry<String, Tensor> buffer : s.buffers().entrySet()) {
                        tensors.put("state." + index + "." + buffer.getKey(), Scope.untrack(Movement.copy(buffer.getValue())));
                    }
                }
                index++;
            }
        }
        return new OptimizerState(scalars, tensors);
    }

    void restore(String optimizer, List<ParamGroup> groups, Map<Tensor, ParamState> state) {
        int index = 0;
        for (int g = 0; g < groups.size(); g++) {
            for (String option : groups.get(g).options().keySet()) {
                groups.get(g).set(option, require(optimizer, "group." + g + "." + option));
            }
            for (Tensor p : groups.get(g).params()) {
                String prefix = "state." + index + ".";
                Double step = scalars.get(prefix + "step");
                if (step != null) {
                    ParamState s = state.computeIfAbsent(p, k -> new ParamState());
                    s.step(step.intValue());
                    restoreBuffers(optimizer, prefix, p, s);
                }
                index++;
            }
        }
    }

    private void restoreBuffers(String optimizer, String prefix, Tensor param, ParamState s) {
        for (Map.Entry<String, Tensor> entry : tensors.entrySet()) {
            if (entry.getKey().startsWith(prefix)) {
                Tensor saved = entry.getValue();
                if (!Arrays.equals(saved.shape(), param.shape())) {
                    throw new IllegalArgumentException(optimizer + ": saved state " + entry.getKey() + " has shape "
                            + Shape.toString(saved.shape()) + ", the parameter has " + Shape.toString(param.shape()));
                }
                s.put(entry.getKey().substring(prefix.length()), Movement.copy(saved.to(param.backend())));
            }
        }
    }

    private double require(String optimizer, String key) {
        Double value = scalars.get(key);
        if (value == null) {
            throw new IllegalArgumentException(optimizer + ": saved state lacks '" + key + "' (saved from another optimizer"
                    + " or other parameter groups?)");
        }
        return value;
    }
}
