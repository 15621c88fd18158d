package org.jgrad;

/**
 * A scope in which ops record no autograd graph, as PyTorch's {@code torch.no_grad()}:
 * {@code try (NoGrad ignored = NoGrad.enter()) { ... }}. Scopes nest; closing restores the
 * previous mode of this thread.
 */
public final class NoGrad implements AutoCloseable {
    private final boolean previous;

    private NoGrad() {
        previous = GradMode.isEnabled();
        GradMode.set(false);
    }

    public static NoGrad enter() {
        return new NoGrad();
    }

    @Override
    public void close() {
        GradMode.set(previous);
    }
}
