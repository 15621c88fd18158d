package org.jgrad;

import org.jgrad.backend.Backend;
import org.jgrad.backend.Buffer;
import org.jgrad.internal.TensorAccess;

/** {@link Tensor}'s internals, lent to jgrad's op and optimizer code through {@link TensorAccess}. */
final class TensorHook implements TensorAccess.Hook {
    @Override
    public Buffer buffer(Tensor t) {
        return t.buffer();
    }

    @Override
    public Tensor view(Tensor t, int[] shape) {
        return t.viewStorage(shape);
    }

    @Override
    public Tensor uninitialized(Backend backend, DType dtype, int[] shape) {
        return Tensors.uninitialized(backend, dtype, shape);
    }
}
