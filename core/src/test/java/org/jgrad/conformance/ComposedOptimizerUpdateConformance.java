package org.jgrad.conformance;

import org.jgrad.backend.Backend;

/**
 * The SGD and Adam suites on the SPI's default steps, composed from the backend's other primitives
 * (a backend without fused kernels gets these).
 */
public class ComposedOptimizerUpdateConformance extends OptimizerUpdateConformance {

    @Override
    protected Backend steps() {
        return new ForwardingBackend(backend());
    }
}
