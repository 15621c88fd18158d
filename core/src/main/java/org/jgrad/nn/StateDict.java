package org.jgrad.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrad.NoGrad;
import org.jgrad.Shape;
import org.jgrad.Tensor;

/** The state-dict side of {@link Module}: collecting, loading with checks, and functional calls. */
final class StateDict {
    private StateDict() {
    }

    /** A named tensor slot of one module: its parameter or buffer map and the local name. */
    private record Slot(Map<String, Tensor> map, String name) {
        Tensor get() {
            return map.get(name);
        }
    }

    /** A slot's own tensor, put back after a functional call. */
    private record Swap(Slot slot, Tensor original) {
    }

    static Map<String, Tensor> collect(Module root) {
        Map<String, Tensor> state = new LinkedHashMap<>();
        root.visit("", (prefix, m) -> {
            m.ownParameters().forEach((name, p) -> state.put(prefix + name, p));
            m.ownBuffers().forEach((name, b) -> state.put(prefix + name, b));
        });
        return state;
    }

    static void load(Module root, Map<String, Tensor> state, boolean strict) {
        Map<String, Tensor> own = collect(root);
        List<String> problems = new ArrayList<>();
        if (strict) {
            List<String> missing = own.keySet().stream().filter(k -> !state.containsKey(k)).toList();
            List<String> unexpected = state.keySet().stream().filter(k -> !own.containsKey(k)).toList();
            if (!missing.isEmpty()) {
                problems.add("missing keys " + missing);
            }
            if (!unexpected.isEmpty()) {
                problems.add("unexpected keys " + unexpected);
            }
        }
        own.forEach((key, target) -> {
            Tensor source = state.get(key);
            if (source != null) {
                String mismatch = mismatch(key, source, target);
                if (mismatch != null) {
                    problems.add(mismatch);
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("loadStateDict into " + root.getClass().getSimpleName() + ": "
                    + String.join("; ", problems));
        }
        copyAll(own, state);
    }

    /** Brings every source to its target's backend first, so a failure there writes nothing; then copies. */
    private static void copyAll(Map<String, Tensor> own, Map<String, Tensor> state) {
        List<Tensor[]> sourceAndTarget = new ArrayList<>();
        List<Tensor> moved = new ArrayList<>();
        try (NoGrad ignored = NoGrad.enter()) {
            own.forEach((key, target) -> {
                Tensor source = state.get(key);
                if (source != null) {
                    Tensor local = source.to(target.backend());
                    if (local != source) {
                        moved.add(local);
                    }
                    sourceAndTarget.add(new Tensor[] {local, target});
                }
            });
            sourceAndTarget.forEach(pair -> InPlace.copy(pair[0], pair[1]));
        } finally {
            moved.forEach(Tensor::close);
        }
    }

    static Tensor functionalCall(Module root, Map<String, Tensor> replacements, Tensor input) {
        List<Swap> swaps = new ArrayList<>();
        try {
            replacements.forEach((key, replacement) -> {
                Slot slot = resolve(root, key);
                String mismatch = mismatch(key, replacement, slot.get());
                if (mismatch != null) {
                    throw new IllegalArgumentException("functionalCall: " + mismatch);
                }
                swaps.add(new Swap(slot, slot.get()));
                slot.map().put(slot.name(), replacement);
            });
            return root.forward(input);
        } finally {
            swaps.forEach(swap -> swap.slot().map().put(swap.slot().name(), swap.original()));
        }
    }

    private static Slot resolve(Module root, String key) {
        int dot = key.lastIndexOf('.');
        Module owner = root;
        if (dot >= 0) {
            for (String part : key.substring(0, dot).split("\\.", -1)) {
                owner = owner.children().get(part);
                if (owner == null) {
                    break;
                }
            }
        }
        String local = key.substring(dot + 1);
        if (owner != null && owner.ownParameters().containsKey(local)) {
            return new Slot(owner.ownParameters(), local);
        }
        if (owner != null && owner.ownBuffers().containsKey(local)) {
            return new Slot(owner.ownBuffers(), local);
        }
        throw new IllegalArgumentException("functionalCall: " + root.getClass().getSimpleName()
                + " has no parameter or buffer '" + key + "'; it has " + collect(root).keySet());
    }

    /** Why {@code source} cannot stand for {@code target} under {@code key}, or null when it can. */
    private static String mismatch(String key, Tensor source, Tensor target) {
        if (source.isClosed()) {
            return "'" + key + "' was closed in the given state";
        }
        if (!Arrays.equals(source.shape(), target.shape()) || source.dtype() != target.dtype()) {
            return "'" + key + "' is " + source.dtype() + " " + Shape.toString(source.shape()) + " in the given state but "
                    + target.dtype() + " " + Shape.toString(target.shape()) + " in the module";
        }
        return null;
    }
}
