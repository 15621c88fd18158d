package org.jgrad;

/**
 * One recorded application of a differentiable op: the node of the autograd graph that made a
 * tensor. Each op is a small subclass with a static {@code apply} (the forward) and
 * {@link #backward} side by side; backward is written with tensor ops, so it runs on every
 * backend. The engine calls backward once per graph walk, with grad mode off.
 */
public abstract class Function {
    private Tensor[] inputs;
    private Tensor[] saved = new Tensor[0];
    private boolean released;

    /**
     * Gradients with respect to each input, given the gradient of the output; an entry may be null
     * where the input needs none. Shapes must equal the inputs' shapes.
     */
    protected abstract Tensor[] backward(Tensor gradOutput);

    /** Op name for messages. */
    public String name() {
        return getClass().getSimpleName();
    }

    /**
     * Attaches {@code fn} as the maker of {@code out} when grad mode is on and some input requires
     * a gradient; otherwise leaves {@code out} a plain tensor. Returns {@code out}.
     */
    protected static Tensor record(Function fn, Tensor out, Tensor... inputs) {
        if (AnomalyMode.isEnabled()) {
            AnomalyMode.checkForward(fn.name(), out, inputs);
        }
        if (!GradMode.isEnabled()) {
            return out;
        }
        for (Tensor input : inputs) {
            if (input.requiresGrad()) {
                fn.inputs = inputs;
                out.attach(fn);
                return out;
            }
        }
        return out;
    }

    /** Whether this node's input {@code i} needs a gradient, so backward can skip work. */
    protected final boolean needsGrad(int i) {
        return inputs[i].requiresGrad();
    }

    /** Keeps tensors that backward needs; call from apply before {@link #record}. */
    protected final void save(Tensor... tensors) {
        saved = tensors;
    }

    /** A tensor kept by {@link #save}. */
    protected final Tensor saved(int i) {
        if (released) {
            throw freedGraph();
        }
        return saved[i];
    }

    final Tensor[] inputs() {
        return inputs;
    }

    final boolean isReleased() {
        return released;
    }

    /**
     * Drops what backward needed and the links to the inputs, so the graph's memory can go even
     * while its output is still referenced (PyTorch frees it unless {@code retain_graph}); a
     * second backward then fails clearly.
     */
    final void release() {
        released = true;
        saved = null;
        inputs = new Tensor[0];
    }

    final IllegalStateException freedGraph() {
        return new IllegalStateException("backward through " + name() + " a second time: its saved tensors were freed by"
                + " the first backward; call backward(gradient, true) the first time to keep the graph");
    }
}
