package org.jgrad.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrad.Tensor;

/**
 * Parameters that share hyper-parameters, as PyTorch's param groups: a list of leaf tensors and
 * named numeric options ("lr", "momentum", ...). Booleans are stored as 0 or 1.
 */
public final class ParamGroup {
    private final List<Tensor> params;
    private final Map<String, Double> options;

    ParamGroup(List<Tensor> params, Map<String, Double> options) {
        this.params = List.copyOf(params);
        this.options = new LinkedHashMap<>(options);
    }

    public List<Tensor> params() {
        return params;
    }

    /** An option's value; unknown names are an error listing the known ones. */
    public double get(String name) {
        Double value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("param group has no option '" + name + "'; it has " + options.keySet());
        }
        return value;
    }

    /** Sets a known option (an optimizer's options are fixed by its defaults). Returns this. */
    public ParamGroup set(String name, double value) {
        get(name);
        options.put(name, value);
        return this;
    }

    public double lr() {
        return get("lr");
    }

    public ParamGroup lr(double lr) {
        return set("lr", lr);
    }

    public boolean flag(String name) {
        return get(name) != 0;
    }

    /** The options, read-only, in the order the optimizer defined them. */
    public Map<String, Double> options() {
        return Collections.unmodifiableMap(options);
    }
}
