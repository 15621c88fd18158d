package org.jgrad.internal;

import java.util.function.Supplier;
import org.jgrad.Tensor;

/** Makes sure {@link Tensor}'s class chain has registered its hooks before one is read. */
final class Initialization {
    private Initialization() {
    }

    static <T> T ofTensor(Supplier<T> registeredHook) {
        try {
            Class.forName(Tensor.class.getName(), true, Tensor.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("cannot initialize " + Tensor.class.getName(), e);
        }
        return registeredHook.get();
    }
}
