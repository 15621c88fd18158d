package org.jgrad.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
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
    private final Map<String, Double> defaults;
    private final List<ParamGroup> groups = new ArrayList<>();
    private final Map<Tensor, ParamState> state = new IdentityHashMap<>();

    protected Optimizer(Map<String, Double> defaults, Iterable<Tensor> params) {
        this.defaults = new LinkedHashMap<>(defaults);
        addParamGroup(params, Map.of());
    }

    /** Adds parameters with options that override this optimizer's defaults. Returns this. */
    public Optimizer addParamGroup(Iterable<Tensor> params, Map<String, Double> overrides) {
        List<Tensor> list = new ArrayList<>();
        params.forEach(list::add);
        for (Tensor p : list) {
            if (!p.requiresGrad() || !p.isLeaf()) {
                throw new IllegalArgumentException(name() + ": parameters must be leaf tensors that require grad");
            }
            for (ParamGroup g : groups) {
                if (g.params().stream().anyMatch(q -> q == p)) {
                    throw new IllegalArgumentException(name() + ": a parameter appears in two groups");
                }
            }
        }
        ParamGroup group = new ParamGroup(list, defaults);
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

    /** Sets the learning rate of every group, as a schedule does each step. */
    public void setLr(double lr) {
        groups.forEach(g -> g.lr(lr));
    }

    /** The saveable state: step counts, buffers and group options. See {@link OptimizerState}. */
    public OptimizerState stateDict() {
        return OptimizerState.capture(groups, state);
    }

    /** Restores what {@link #stateDict()} saved, checked against these parameters. */
    public void loadStateDict(OptimizerState saved) {
        saved.restore(name(), groups, state);
    }

    /** Frees the per-parameter state (momentum, moment estimates); a later step starts afresh. */
    @Override
    public void close() {
        for (ParamState s : state.values()) {
            s.buffers().values().forEach(Tensor::close);
        }
        state.clear();
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
