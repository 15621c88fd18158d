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

    private static volatile Hook hook;

    private StaticOps() {
    }

    /** Called once, by the class initializer of Tensor's op methods. */
    public static synchronized void register(Hook opsHook) {
        if (hook != null) {
            throw new IllegalStateException("StaticOps: the op hook is registered already");
        }
        hook = opsHook;
    }

    /** Concatenates tensors along dim (all sizes equal except along dim). */
    public static Tensor cat(int dim, Tensor... tensors) {
        return hook().cat(dim, tensors);
    }

    /** Joins equally shaped tensors along a new dimension dim. */
    public static Tensor stack(int dim, Tensor... tensors) {
        return hook().stack(dim, tensors);
    }

    /** A contiguous copy of {@code x} that shares no storage and records no graph. */
    public static Tensor copy(Tensor x) {
        return hook().copy(x);
    }

    private static Hook hook() {
        Hook registered = hook;
        return registered != null ? registered : Initialization.ofTensor(() -> hook);
    }
}
