package org.jgrad.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrad.Tensor;

/**
 * Parameters that share hyper-parameters, as PyTorch's param groups: a list of leaf tensors and
 * named numeric options ("lr", "momentum", ...). Booleans are stored as 0 or 1. Every value set is
 * checked against the option's {@link OptionRule}.
 */
public final class ParamGroup {
    private final String optimizer;
    private final List<Tensor> params;
    private final Map<String, Double> options;
    private final Map<String, OptionRule> rules;

    ParamGroup(String optimizer, List<Tensor> params, OptionTable table) {
        this.optimizer = optimizer;
        this.params = List.copyOf(params);
        this.options = new LinkedHashMap<>(table.defaults());
        this.rules = table.rules();
    }

    public List<Tensor> params() {
        return params;
    }

    /** An option's value; unknown names are an error listing the known ones. */
    public double get(String name) {
        Double value = options.get(name);
        if (value == null) {
            throw unknown(name);
        }
        return value;
    }

    /** Sets a known option to a value its rule accepts (an optimizer's options are fixed by its defaults). Returns this. */
    public ParamGroup set(String name, double value) {
        options.put(name, check(name, value));
        return this;
    }

    /** Returns {@code value} when option {@code name} exists and accepts it; throws naming both otherwise. */
    double check(String name, double value) {
        OptionRule rule = rules.get(name);
        if (rule == null) {
            throw unknown(name);
        }
        return rule.check(optimizer, name, value);
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

    private IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException(optimizer + ": param group has no option '" + name + "'; it has "
                + options.keySet());
    }
}
