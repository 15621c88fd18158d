package org.jgrad.conformance;

import org.jgrad.Generator;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.nn.InPlace;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the nn conformance classes: layers are built on the backend under test (made the
 * default), with the global generator reseeded, inside a scope that frees everything after the
 * test ({@link TensorConformanceSupport}). Values go in through {@link #tensor} / {@link #set}
 * and come out as float64 for {@link NnReference}.
 */
public abstract class NnSupport extends TensorConformanceSupport {
    protected static final long SEED = 20240611L;

    @BeforeEach
    void reseedTheGlobalGenerator() {
        Generator.manualSeed(SEED);
    }

    /** Overwrites a parameter or buffer with {@code values} (row-major). */
    protected static void set(Tensor target, float[] values) {
        InPlace.copy(Tensors.fromArray(target.backend(), values, target.shape()), target);
    }

    /** A tensor's values as float64. */
    protected static double[] doubles(Tensor t) {
        return doubles(t.toFloatArray());
    }
}
