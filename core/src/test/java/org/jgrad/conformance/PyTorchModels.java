package org.jgrad.conformance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jgrad.nn.BatchNorm2d;
import org.jgrad.nn.Conv2d;
import org.jgrad.nn.Flatten;
import org.jgrad.nn.GELU;
import org.jgrad.nn.LayerNorm;
import org.jgrad.nn.Linear;
import org.jgrad.nn.MaxPool2d;
import org.jgrad.nn.Module;
import org.jgrad.nn.ReLU;
import org.jgrad.nn.ResidualBlock;
import org.jgrad.nn.Sequential;
import org.jgrad.nn.Tanh;

/**
 * The architectures exchanged with PyTorch, as {@code scripts/pytorch/models.py} builds them
 * (the same names, so state dicts match key for key), with the input shape each is run on.
 */
public final class PyTorchModels {
    /** A model builder and the shape of its input. */
    public record Architecture(Supplier<Module> build, int... inputShape) {
    }

    private PyTorchModels() {
    }

    /** By the name the scripts and fixture files use. */
    public static Map<String, Architecture> all() {
        Map<String, Architecture> models = new LinkedHashMap<>();
        models.put("mlp", new Architecture(() -> new Sequential(new Linear(6, 16), new ReLU(), new Linear(16, 8),
                new Tanh(), new Linear(8, 3)), 5, 6));
        models.put("conv_bn", new Architecture(() -> new Sequential(new Conv2d(3, 8, 3, 1, 1), new BatchNorm2d(8),
                new ReLU(), new MaxPool2d(2), new Flatten(), new Linear(8 * 4 * 4, 5)), 2, 3, 8, 8));
        models.put("basic_block", new Architecture(() -> new ResidualBlock(4, 8, 2), 2, 4, 8, 8));
        models.put("layer_norm_gelu", new Architecture(() -> new Sequential(new Linear(6, 12), new LayerNorm(12),
                new GELU(), new Linear(12, 4)), 3, 5, 6));
        models.put("grouped_conv", new Architecture(() -> new Conv2d(4, 6, 3, 2, 2, 2, 2, true), 2, 4, 9, 9));
        return models;
    }
}
