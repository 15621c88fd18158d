package org.jgrad.spark;

import java.io.Serializable;
import org.jgrad.nn.Module;
import org.jgrad.optim.Optimizer;

/** Builds the optimizer of a model, for example {@code model -> new Adam(model.parameters(), 1e-3)}. */
@FunctionalInterface
public interface OptimizerFactory extends Serializable {
    Optimizer create(Module model);
}
