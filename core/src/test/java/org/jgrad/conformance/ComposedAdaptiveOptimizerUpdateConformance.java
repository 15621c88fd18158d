package org.jgrad.conformance;

import org.jgrad.backend.Backend;

/**
 * The RMSprop and Adagrad suites on the SPI's default steps, composed from the backend's other
 * primitives (a backend without fused kernels gets these).
 */
public class ComposedAdaptiveOptimizerUpdateConformance extends AdaptiveOptimizerUpdateConformance {

    @Override
    protected Backend steps() {
        return new ForwardingBackend(backend());
    }
}
