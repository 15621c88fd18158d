package org.jgrad.optim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrad.DType;
import org.jgrad.Scope;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.internal.StaticOps;

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
                        tensors.put("state." + index + "." + buffer.getKey(), Scope.untrack(StaticOps.copy(buffer.getValue())));
                    }
                }
                index++;
            }
        }
        return new OptimizerState(scalars, tensors);
    }

    /**
     * Replaces the groups' options and the per-parameter state by the saved ones, as PyTorch's
     * {@code load_state_dict}. Everything is checked (every option present and accepted by its
     * rule, step counts whole and >= 0, buffers open FLOAT32 tensors shaped like their parameter)
     * and every buffer copied before anything changes, so a refused load leaves the optimizer as it was.
     */
    void restore(String optimizer, List<ParamGroup> groups, Map<Tensor, ParamState> state) {
        List<Map<String, Double>> options = new ArrayList<>();
        List<Tensor> params = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            Map<String, Double> values = new LinkedHashMap<>();
            for (String option : groups.get(g).options().keySet()) {
                values.put(option, groups.get(g).check(option, require(optimizer, "group." + g + "." + option)));
            }
            options.add(values);
            params.addAll(groups.get(g).params());
        }
        for (int i = 0; i < params.size(); i++) {
            checkParamState(optimizer, i, params.get(i));
        }
        Map<Tensor, ParamState> restored = new IdentityHashMap<>();
        try {
            for (int i = 0; i < params.size(); i++) {
                Double step = scalars.get("state." + i + ".step");
                if (step != null) {
                    restored.put(params.get(i), copyParamState("state." + i + ".", step.intValue(), params.get(i)));
                }
            }
        } catch (RuntimeException e) {
            restored.values().forEach(ParamState::close);
            throw e;
        }
        for (int g = 0; g < groups.size(); g++) {
            options.get(g).forEach(groups.get(g)::set);
        }
        state.values().forEach(ParamState::close);
        state.clear();
        state.putAll(restored);
    }

    private void checkParamState(String optimizer, int index, Tensor param) {
        String prefix = "state." + index + ".";
        Double step = scalars.get(prefix + "step");
        if (step != null && !(step >= 0 && step <= Integer.MAX_VALUE && step == Math.rint(step))) {
            throw new IllegalArgumentException(optimizer + ": saved state " + prefix + "step is " + step
                    + ", not a step count");
        }
        for (Map.Entry<String, Tensor> entry : tensors.entrySet()) {
            if (!entry.getKey().startsWith(prefix)) {
                continue;
            }
            Tensor saved = entry.getValue();
            if (step == null) {
                throw new IllegalArgumentException(optimizer + ": saved state " + entry.getKey() + " has no step count "
                        + prefix + "step");
            }
            if (saved.isClosed()) {
                throw new IllegalArgumentException(optimizer + ": saved state " + entry.getKey() + " was closed");
            }
            if (saved.dtype() != DType.FLOAT32 || !Arrays.equals(saved.shape(), param.shape())) {
                throw new IllegalArgumentException(optimizer + ": saved state " + entry.getKey() + " is " + saved.dtype()
                        + " " + Shape.toString(saved.shape()) + ", the parameter is FLOAT32 " + Shape.toString(param.shape()));
            }
        }
    }

    private ParamState copyParamState(String prefix, int step, Tensor param) {
        ParamState s = new ParamState();
        s.step(step);
        try {
            for (Map.Entry<String, Tensor> entry : tensors.entrySet()) {
                if (entry.getKey().startsWith(prefix)) {
                    s.put(entry.getKey().substring(prefix.length()), StaticOps.copy(entry.getValue().to(param.backend())));
                }
            }
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
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
