package org.jgrad.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jgrad.Tensor;

/**
 * Updates parameters from their gradients, as PyTorch's {@code torch.optim.Optimizer}: parameter
 * groups with their own options, {@link #zeroGrad()}, {@link #step()}, and state that can be saved
 * and restored. Each step is one fused backend update per parameter; parameters without a
 * gradient are skipped. Closing it frees its per-parameter buffers (device memory on a GPU).
 */
public abstract class Optimizer implements AutoCloseable {
    private final OptionTable options;
    private final List<ParamGroup> groups = new ArrayList<>();
    private final Map<Tensor, ParamState> state = new IdentityHashMap<>();

    /** An optimizer of {@code params} (one group) with these options; the defaults are checked by their rules. */
    protected Optimizer(OptionTable options, Iterable<Tensor> params) {
        this.options = options;
        addParamGroup(params, Map.of());
    }

    /**
     * Adds parameters with options that override this optimizer's defaults (each checked by its
     * rule). A parameter listed twice, in this group or in an earlier one, is refused: it would be
     * updated twice per step. Returns this; on a refusal nothing is added.
     */
    public Optimizer addParamGroup(Iterable<Tensor> params, Map<String, Double> overrides) {
        List<Tensor> list = new ArrayList<>();
        params.forEach(list::add);
        Map<Tensor, Integer> seen = new IdentityHashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            for (Tensor p : groups.get(g).params()) {
                seen.put(p, g);
            }
        }
        for (int i = 0; i < list.size(); i++) {
            Tensor p = list.get(i);
            if (!p.requiresGrad() || !p.isLeaf()) {
                throw new IllegalArgumentException(name() + ": parameter " + i + " of the new group is not a leaf tensor"
                        + " that requires grad");
            }
            Integer earlier = seen.putIfAbsent(p, groups.size());
            if (earlier != null) {
                throw new IllegalArgumentException(name() + ": parameter " + i + " of the new group is already in "
                        + (earlier == groups.size() ? "this group" : "group " + earlier)
                        + "; a parameter listed twice would be updated twice per step");
            }
        }
        ParamGroup group = new ParamGroup(name(), list, options);
        options.defaults().forEach(group::set);
        overrides.forEach(group::set);
        groups.add(group);
        return this;
    }

    public List<ParamGroup> paramGroups() {
        return Collections.unmodifiableList(groups);
    }

    /** Clears every parameter's gradient. */
    public void zeroGrad() {
        for (ParamGroup g : groups) {
            g.params().forEach(Tensor::zeroGrad);
        }
    }

    /** One update of every parameter that has a gradient. */
    public void step() {
        for (ParamGroup g : groups) {
            for (Tensor p : g.params()) {
                if (p.grad() != null) {
                    ParamState s = state.computeIfAbsent(p, k -> new ParamState());
                    update(g, p, s);
                    s.step(s.step() + 1);
                }
            }
        }
    }

    /** The learning rate of the first group (schedules set all groups through {@link #setLr}). */
    public double lr() {
        return groups.get(0).lr();
    }

    /** Sets the learning rate of every group, as a schedule does each step; it must be finite and >= 0. */
    public void setLr(double lr) {
        setAll("lr", lr);
    }

    /** The saveable state: step counts, buffers and group options. See {@link OptimizerState}. */
    public OptimizerState stateDict() {
        return OptimizerState.capture(groups, state);
    }

    /**
     * Restores what {@link #stateDict()} saved, checked against these parameters and the options'
     * rules; all or nothing: a refused state leaves the optimizer unchanged.
     */
    public void loadStateDict(OptimizerState saved) {
        saved.restore(name(), groups, state);
    }

    /** Frees the per-parameter state (momentum, moment estimates); a later step starts afresh. */
    @Override
    public void close() {
        state.values().forEach(ParamState::close);
        state.clear();
    }

    /** Sets option {@code name} in every group, checked first so a refused value changes no group. */
    protected final void setAll(String name, double value) {
        groups.get(0).check(name, value);
        groups.forEach(g -> g.set(name, value));
    }

    /** Optimizer name for messages. */
    public String name() {
        return getClass().getSimpleName();
    }

    /**
     * Applies one update to {@code param} from its gradient; {@code state.step()} counts the
     * steps before this one.
     */
    protected abstract void update(ParamGroup group, Tensor param, ParamState state);
}
