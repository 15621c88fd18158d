package org.jgrad.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.jgrad.DType;
import org.jgrad.Tensor;
import org.jgrad.backend.Backend;

/**
 * Base of every layer and model, as PyTorch's {@code nn.Module}: named parameters, buffers and
 * submodules, each kept in insertion order, a training flag, and {@link #forward}.
 *
 * <p>Parameters are FLOAT32 leaf tensors with {@code requiresGrad(true)}; buffers are state that
 * is saved but not trained (BatchNorm's running statistics). Both belong to the module: create
 * the module outside any training-step {@link org.jgrad.Scope} (a module built inside a scope has
 * its tensors freed when the scope closes), and {@link #close} it to free them. Registering a
 * name again replaces the tensor and closes the old one. Composite modules call their children
 * through {@link #invoke} so that {@link #summary} can list them.
 */
public abstract class Module implements AutoCloseable {
    private final Map<String, Tensor> parameters = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    /** This module's output for {@code input}. */
    public abstract Tensor forward(Tensor input);

    /** Runs {@code child.forward(input)}, recording the call when a {@link #summary} is being taken. */
    protected final Tensor invoke(Module child, Tensor input) {
        return ModuleSummary.invoke(child, input);
    }

    /** The dtype {@link #summary} feeds in: FLOAT32 unless overridden (Embedding takes INT32). */
    protected DType inputType() {
        return DType.FLOAT32;
    }

    /** Layer settings for {@link #toString}, as PyTorch's {@code extra_repr}. */
    protected String extraRepr() {
        return "";
    }

    // ---- registration ----

    /** Registers (or replaces, closing the old one) a parameter: a FLOAT32 leaf, marked requiresGrad. */
    protected final Tensor registerParameter(String name, Tensor value) {
        checkName(name, parameters);
        if (value.dtype() != DType.FLOAT32 || !value.isLeaf()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": parameter '" + name
                    + "' must be a FLOAT32 leaf tensor, got " + value.dtype() + (value.isLeaf() ? "" : " made by an op"));
        }
        value.requiresGrad(true);
        replace(parameters, name, value);
        return value;
    }

    /** Registers (or replaces, closing the old one) a buffer: saved in the state dict, not trained. */
    protected final Tensor registerBuffer(String name, Tensor value) {
        checkName(name, buffers);
        replace(buffers, name, value);
        return value;
    }

    /** Registers a submodule; its parameters appear under {@code name.}. Returns it. */
    protected final <M extends Module> M registerModule(String name, M module) {
        checkName(name, children);
        children.put(name, module);
        return module;
    }

    /** This module's own parameter {@code name} (no dots). */
    public final Tensor parameter(String name) {
        return lookup("parameter", parameters, name);
    }

    /** This module's own buffer {@code name} (no dots). */
    public final Tensor buffer(String name) {
        return lookup("buffer", buffers, name);
    }

    /** The direct submodules by name, in registration order (read-only). */
    public final Map<String, Module> children() {
        return Collections.unmodifiableMap(children);
    }

    // ---- traversal ----

    /** Every distinct parameter of this module and its descendants, in registration order. */
    public final List<Tensor> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** Parameters by dotted name ({@code "0.weight"}, {@code "conv1.weight"}); a shared tensor appears once. */
    public final Map<String, Tensor> namedParameters() {
        Map<String, Tensor> named = new LinkedHashMap<>();
        Map<Tensor, Boolean> seen = new IdentityHashMap<>();
        visit("", (prefix, m) -> m.parameters.forEach((name, p) -> {
            if (seen.put(p, Boolean.TRUE) == null) {
                named.put(prefix + name, p);
            }
        }));
        return named;
    }

    /** Buffers by dotted name. */
    public final Map<String, Tensor> namedBuffers() {
        Map<String, Tensor> named = new LinkedHashMap<>();
        visit("", (prefix, m) -> m.buffers.forEach((name, b) -> named.put(prefix + name, b)));
        return named;
    }

    /** This module (under "") and every descendant by dotted path, depth first; a shared module appears once. */
    public final Map<String, Module> namedModules() {
        Map<String, Module> named = new LinkedHashMap<>();
        Map<Module, Boolean> seen = new IdentityHashMap<>();
        visit("", (prefix, m) -> {
            if (seen.put(m, Boolean.TRUE) == null) {
                named.put(prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1), m);
            }
        });
        return named;
    }

    /** Total number of parameter elements (shared tensors counted once). */
    public final long parameterCount() {
        long count = 0;
        for (Tensor p : namedParameters().values()) {
            count += p.numel();
        }
        return count;
    }

    /** Calls {@code action(prefix, module)} on this module and every descendant, depth first. */
    final void visit(String prefix, BiConsumer<String, Module> action) {
        action.accept(prefix, this);
        children.forEach((name, child) -> child.visit(prefix + name + ".", action));
    }

    final Map<String, Tensor> ownParameters() {
        return parameters;
    }

    final Map<String, Tensor> ownBuffers() {
        return buffers;
    }

    // ---- state ----

    /**
     * Parameters then buffers of each module, depth first, by dotted name: the module's own
     * tensors (not copies; do not close them). Keys follow PyTorch ({@code running_mean}, ...).
     */
    public final Map<String, Tensor> stateDict() {
        return StateDict.collect(this);
    }

    /** Copies every entry of {@code state} into the matching tensor; keys must match exactly. */
    public final void loadStateDict(Map<String, Tensor> state) {
        loadStateDict(state, true);
    }

    /**
     * Copies the entries of {@code state} into this module's tensors in place (an optimizer keeps
     * working on them). With {@code strict}, missing and unexpected keys are an error; shapes and
     * dtypes must always match. Nothing is copied when any check fails.
     */
    public final void loadStateDict(Map<String, Tensor> state, boolean strict) {
        StateDict.load(this, state, strict);
    }

    /**
     * {@link #forward} with some parameters or buffers (by dotted name) replaced by the given
     * tensors for this one call, as PyTorch's {@code torch.func.functional_call}; the gradient flows
     * to the given tensors. The module's own tensors are restored afterwards and not closed.
     */
    public final Tensor functionalCall(Map<String, Tensor> replacements, Tensor input) {
        return StateDict.functionalCall(this, replacements, input);
    }

    // ---- modes and housekeeping ----

    /** Sets training mode on this module and every descendant. Returns this. */
    public Module train(boolean mode) {
        visit("", (prefix, m) -> m.training = mode);
        return this;
    }

    public Module train() {
        return train(true);
    }

    /** Evaluation mode (Dropout off, BatchNorm uses running statistics), recursively. Returns this. */
    public Module eval() {
        return train(false);
    }

    public final boolean isTraining() {
        return training;
    }

    /** Sets this module's flag alone (summary restores each module's own mode with it). */
    final void setTrainingFlag(boolean mode) {
        training = mode;
    }

    /** Frees and clears the gradient of every parameter. */
    public final void zeroGrad() {
        for (Tensor p : namedParameters().values()) {
            p.zeroGrad();
        }
    }

    /** Moves every parameter and buffer to {@code backend} (copies; the old tensors are closed). Returns this. */
    public Module to(Backend backend) {
        visit("", (prefix, m) -> {
            m.parameters.replaceAll((name, p) -> moved(p, backend, true));
            m.buffers.replaceAll((name, b) -> moved(b, backend, false));
        });
        return this;
    }

    /**
     * A table of the layers a forward pass on zeros of {@code inputShape} goes through (run in eval
     * mode under NoGrad, state untouched): name, type, output shape, parameters; then the total.
     */
    public final String summary(int... inputShape) {
        return ModuleSummary.render(this, inputShape);
    }

    /** Closes every parameter (with its gradient) and buffer of this module and its descendants. */
    @Override
    public void close() {
        visit("", (prefix, m) -> {
            m.parameters.values().forEach(Module::closeWithGrad);
            m.buffers.values().forEach(Tensor::close);
        });
    }

    /** PyTorch-style description: {@code Type(settings)} with children indented. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(getClass().getSimpleName()).append('(').append(extraRepr());
        if (!children.isEmpty()) {
            text.append('\n');
            children.forEach((name, child) -> text.append("  (").append(name).append("): ")
                    .append(child.toString().replace("\n", "\n  ")).append('\n'));
        }
        return text.append(')').toString();
    }

    private static Tensor moved(Tensor t, Backend backend, boolean parameter) {
        if (t.backend() == backend) {
            return t;
        }
        Tensor copy = t.to(backend);
        if (parameter) {
            copy.requiresGrad(true);
        }
        closeWithGrad(t);
        return copy;
    }

    private static void closeWithGrad(Tensor t) {
        t.zeroGrad();
        t.close();
    }

    private static void replace(Map<String, Tensor> map, String name, Tensor value) {
        Tensor old = map.put(name, value);
        if (old != null && old != value) {
            closeWithGrad(old);
        }
    }

    private void checkName(String name, Map<String, ?> own) {
        if (name == null || name.isEmpty() || name.contains(".")) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": name '" + name
                    + "' must be non-empty and contain no '.'");
        }
        for (Map<String, ?> other : List.of(parameters, buffers, children)) {
            if (other != own && other.containsKey(name)) {
                throw new IllegalArgumentException(getClass().getSimpleName() + ": name '" + name
                        + "' is already used by another parameter, buffer or submodule");
            }
        }
    }

    private Tensor lookup(String kind, Map<String, Tensor> map, String name) {
        Tensor t = map.get(name);
        if (t == null) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " has no " + kind + " '" + name
                    + "'; it has " + map.keySet());
        }
        return t;
    }
}
