package org.jgrad.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jgrad.DType;
import org.jgrad.Tensor;

/**
 * Modules applied in order, each to the previous one's output, as PyTorch's {@code nn.Sequential};
 * they are registered as "0", "1", ... so parameters are named {@code 0.weight}, {@code 2.bias}.
 */
public class Sequential extends Module {
    private final List<Module> layers = new ArrayList<>();

    public Sequential(Module... layers) {
        for (Module layer : layers) {
            add(layer);
        }
    }

    /** Appends {@code layer} under the next index. Returns this. */
    public Sequential add(Module layer) {
        registerModule(String.valueOf(layers.size()), layer);
        layers.add(layer);
        return this;
    }

    public Module get(int index) {
        return layers.get(index);
    }

    public int size() {
        return layers.size();
    }

    /** The layers in order (read-only). */
    public List<Module> layers() {
        return Collections.unmodifiableList(layers);
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor x = input;
        for (Module layer : layers) {
            x = invoke(layer, x);
        }
        return x;
    }

    @Override
    protected DType inputType() {
        return layers.isEmpty() ? DType.FLOAT32 : layers.get(0).inputType();
    }
}
