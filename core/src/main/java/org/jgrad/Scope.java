package org.jgrad;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Frees device memory deterministically: every tensor created on this thread while the scope is
 * open is closed when it closes, except those passed to {@link #keep}, which move to the enclosing
 * scope (or to no scope, where the caller owns them). A gradient stored in a leaf's {@code grad}
 * belongs to the leaf, not to the scope.
 *
 * <pre>{@code
 * try (Scope step = Scope.open()) {
 *     Tensor loss = model.forward(x).sub(y).pow(2).mean();
 *     loss.backward();
 *     lossValue = loss.item();
 * } // activations and intermediate gradients are freed here
 * }</pre>
 */
public final class Scope implements AutoCloseable {
    private static final ThreadLocal<Deque<Scope>> OPEN = ThreadLocal.withInitial(ArrayDeque::new);

    private final List<Tensor> tracked = new ArrayList<>();
    private final Thread thread = Thread.currentThread();
    private boolean closed;

    private Scope() {
    }

    /** Opens a scope nested in this thread's current one. */
    public static Scope open() {
        Scope scope = new Scope();
        OPEN.get().push(scope);
        return scope;
    }

    /** Keeps {@code tensor} alive past this scope: it moves to the enclosing scope, if any. Returns it. */
    public Tensor keep(Tensor tensor) {
        if (tensor.owner() == this) {
            Scope parent = parent();
            tensor.setOwner(parent);
            if (parent != null) {
                parent.tracked.add(tensor);
            }
        }
        return tensor;
    }

    /**
     * Takes {@code tensor} out of whatever scope tracks it: the caller now owns it and closes it.
     * For state that outlives training steps, such as parameters and optimizer buffers.
     */
    public static Tensor untrack(Tensor tensor) {
        tensor.setOwner(null);
        return tensor;
    }

    /** Closes every tensor made in this scope and not kept. Scopes must close in reverse order of opening. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (Thread.currentThread() != thread || OPEN.get().peek() != this) {
            throw new IllegalStateException("scopes must be closed on their own thread, innermost first");
        }
        OPEN.get().pop();
        closed = true;
        for (Tensor tensor : tracked) {
            if (tensor.owner() == this) {
                tensor.close();
            }
        }
        tracked.clear();
    }

    private Scope parent() {
        boolean found = false;
        for (Scope scope : OPEN.get()) {
            if (found) {
                return scope;
            }
            found = scope == this;
        }
        return null;
    }

    /** Called for every new tensor: the innermost open scope of this thread tracks it. */
    static void track(Tensor tensor) {
        Scope current = OPEN.get().peek();
        if (current != null) {
            tensor.setOwner(current);
            current.tracked.add(tensor);
        }
    }
}
