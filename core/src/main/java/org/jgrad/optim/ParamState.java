package org.jgrad.optim;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jgrad.DType;
import org.jgrad.Scope;
import org.jgrad.Tensor;
import org.jgrad.Tensors;

/** What an optimizer keeps per parameter: the number of steps taken and named buffers (momentum, moments). */
public final class ParamState {
    private int step;
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();

    /** Steps taken so far on this parameter. */
    public int step() {
        return step;
    }

    void step(int value) {
        step = value;
    }

    /** The buffer called {@code name}, created as zeros shaped like {@code param} on first use. */
    public Tensor buffer(String name, Tensor param) {
        return buffers.computeIfAbsent(name, n -> detached(Tensors.zeros(param.backend(), DType.FLOAT32, param.shape())));
    }

    Map<String, Tensor> buffers() {
        return buffers;
    }

    void put(String name, Tensor value) {
        Tensor old = buffers.put(name, detached(value));
        if (old != null) {
            old.close();
        }
    }

    /** Frees the buffers. */
    void close() {
        buffers.values().forEach(Tensor::close);
        buffers.clear();
    }

    /** Optimizer state outlives training-step scopes; keep it out of them. */
    private static Tensor detached(Tensor t) {
        Scope.untrack(t);
        return t;
    }
}
