package org.jgrad.ops;

import static org.jgrad.internal.TensorAccess.buffer;

import org.jgrad.Tensor;

/** Per-step blocks of the (steps, batch, width) tensors a {@link Recurrence} works on. */
final class Steps {
    private Steps() {
    }

    /** Block k of a (n, batch, width) tensor, copied out as a new (batch, width) tensor. */
    static Tensor block(Tensor t, int k, int batch, int width) {
        return Kernels.strided(t, new int[] {batch, width}, k * batch * width, new int[] {width, 1});
    }

    /** Copies {@code block} (batch, width), contiguous, into block k of {@code target} (n, batch, width). */
    static void put(Tensor block, Tensor target, int k) {
        int n = block.numel();
        block.backend().copy(new int[] {n}, buffer(block), 0, new int[] {1}, buffer(target), k * n, new int[] {1});
    }
}
