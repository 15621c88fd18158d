package org.jgrad.ops;

import org.jgrad.Tensor;
import org.jgrad.internal.StaticOps;

/** The op package's side of {@link StaticOps}. */
final class StaticOpsHook implements StaticOps.Hook {
    @Override
    public Tensor cat(int dim, Tensor... tensors) {
        return Cat.apply(dim, tensors);
    }

    @Override
    public Tensor stack(int dim, Tensor... tensors) {
        return Movement.stack(dim, tensors);
    }

    @Override
    public Tensor copy(Tensor x) {
        return Movement.copy(x);
    }
}
