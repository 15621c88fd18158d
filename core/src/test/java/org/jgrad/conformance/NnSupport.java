package org.jgrad.conformance;

import org.jgrad.Generator;
import org.jgrad.Scope;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.backend.Backends;
import org.jgrad.nn.InPlace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the nn conformance classes: layers are built on the backend under test (made the
 * default), with the global generator reseeded, inside a scope that frees everything after the
 * test. Values go in through {@link #tensor} / {@link #set} and come out as float64 for
 * {@link NnReference}.
 */
public abstract class NnSupport extends ConformanceSupport {
    protected static final long SEED = 20240611L;

    private Scope scope;

    @BeforeEach
    void useBackendUnderTest() {
        Backends.setDefault(backend());
        Generator.manualSeed(SEED);
        scope = Scope.open();
    }

    @AfterEach
    void freeTensors() {
        scope.close();
    }

    /** A FLOAT32 tensor on the backend under test. */
    protected Tensor tensor(float[] values, int... shape) {
        return Tensors.fromArray(backend(), values, shape);
    }

    /** Overwrites a parameter or buffer with {@code values} (row-major). */
    protected static void set(Tensor target, float[] values) {
        InPlace.copy(Tensors.fromArray(target.backend(), values, target.shape()), target);
    }

    /** A tensor's values as float64. */
    protected static double[] doubles(Tensor t) {
        return NnReference.doubles(t.toFloatArray());
    }

    protected static double[] doubles(float[] values) {
        return NnReference.doubles(values);
    }
}
