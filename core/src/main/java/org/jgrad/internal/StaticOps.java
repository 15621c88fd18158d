package org.jgrad.internal;

import org.jgrad.Tensor;

/**
 * The ops on several tensors that {@link org.jgrad.Tensors} offers users ({@code cat},
 * {@code stack}) and the untracked copy jgrad's own code needs; the op package lends them through
 * a {@link Hook} it registers when {@link Tensor}'s class chain is initialized, so that its op
 * classes stay package-private.
 */
public final class StaticOps {
    /** What the op package lends. */
    public interface Hook {
        Tensor cat(int dim, Tensor... tensors);

        Tensor stack(int dim, Tensor... tensors);

        Tensor copy(Tensor x);
    }

    private static final HookSlot<Hook> HOOK = new HookSlot<>("StaticOps");

    private StaticOps() {
    }

    /** Called once, by the class initializer of Tensor's op methods. */
    public static void register(Hook opsHook) {
        HOOK.register(opsHook);
    }

    /** Concatenates tensors along dim (all sizes equal except along dim). */
    public static Tensor cat(int dim, Tensor... tensors) {
        return HOOK.get().cat(dim, tensors);
    }

    /** Joins equally shaped tensors along a new dimension dim. */
    public static Tensor stack(int dim, Tensor... tensors) {
        return HOOK.get().stack(dim, tensors);
    }

    /** A contiguous copy of {@code x} that shares no storage and records no graph. */
    public static Tensor copy(Tensor x) {
        return HOOK.get().copy(x);
    }
}
