package org.jgrad.internal;

import org.jgrad.Tensor;

/**
 * Holds one hook, registered once by the class initializer that lends it ({@link Tensor}'s, or
 * that of the op methods Tensor extends); reading it first initializes Tensor, so it is there.
 */
final class HookSlot<T> {
    private final String owner;
    private volatile T hook;

    HookSlot(String owner) {
        this.owner = owner;
    }

    synchronized void register(T lent) {
        if (hook != null) {
            throw new IllegalStateException(owner + ": the hook is registered already");
        }
        hook = lent;
    }

    T get() {
        T registered = hook;
        if (registered != null) {
            return registered;
        }
        try {
            Class.forName(Tensor.class.getName(), true, Tensor.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(owner + ": cannot initialize " + Tensor.class.getName(), e);
        }
        return hook;
    }
}
