package org.jgrad.conformance;

import org.jgrad.backend.Backends;
import org.junit.jupiter.api.BeforeEach;

/** Base of the suites that work through the public Tensor API: the backend under test is the default. */
public abstract class TensorConformance extends ConformanceSupport {

    @BeforeEach
    void useBackendUnderTest() {
        Backends.setDefault(backend());
    }
}
