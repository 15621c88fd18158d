package org.jgrad.internal;

import org.jgrad.DType;
import org.jgrad.Tensor;
import org.jgrad.backend.Backend;
import org.jgrad.backend.Buffer;

/**
 * A tensor's backend buffer, views of its storage and tensors over fresh buffers, for op and
 * optimizer implementations; {@link Tensor} lends these through a {@link Hook} it registers when
 * its class is initialized, so that they are not methods users see on {@link Tensor}.
 */
public final class TensorAccess {
    /** What {@link Tensor} lends: implemented in {@code org.jgrad}, where its internals are visible. */
    public interface Hook {
        Buffer buffer(Tensor t);

        Tensor view(Tensor t, int[] shape);

        Tensor uninitialized(Backend backend, DType dtype, int[] shape);
    }

    private static final HookSlot<Hook> HOOK = new HookSlot<>("TensorAccess");

    private TensorAccess() {
    }

    /** Called once, by {@link Tensor}'s class initializer. */
    public static void register(Hook tensorHook) {
        HOOK.register(tensorHook);
    }

    /** The backend buffer of {@code t}; fails if {@code t} was closed. */
    public static Buffer buffer(Tensor t) {
        return HOOK.get().buffer(t);
    }

    /**
     * A tensor sharing {@code t}'s storage under another shape with the same element count, with
     * no autograd history ({@link Tensor#reshape} and {@link Tensor#detach} are built on it).
     */
    public static Tensor view(Tensor t, int... shape) {
        return HOOK.get().view(t, shape);
    }

    /** A tensor whose values are undefined, for a primitive that overwrites every element. */
    public static Tensor uninitialized(Backend backend, DType dtype, int... shape) {
        return HOOK.get().uninitialized(backend, dtype, shape);
    }
}
