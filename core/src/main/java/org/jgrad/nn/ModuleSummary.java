package org.jgrad.nn;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jgrad.NoGrad;
import org.jgrad.Scope;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.backend.Backend;
import org.jgrad.backend.Backends;

/** {@link Module#summary}: records the modules a forward pass invokes and prints them as a table. */
final class ModuleSummary {
    private static final ThreadLocal<List<Row>> RECORDING = new ThreadLocal<>();

    private ModuleSummary() {
    }

    /** One invoked module, listed in call order; its output shape is filled when it returns. */
    private static final class Row {
        final Module module;
        String shape = "-";

        Row(Module module) {
            this.module = module;
        }
    }

    static Tensor invoke(Module child, Tensor input) {
        List<Row> rows = RECORDING.get();
        if (rows == null) {
            return child.forward(input);
        }
        Row row = new Row(child);
        rows.add(row);
        Tensor out = child.forward(input);
        row.shape = Shape.toString(out.shape());
        return out;
    }

    static String render(Module root, int[] inputShape) {
        Map<Module, String> names = new IdentityHashMap<>();
        Map<Module, Boolean> modes = new IdentityHashMap<>();
        root.visit("", (prefix, m) -> {
            names.putIfAbsent(m, prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1));
            modes.put(m, m.isTraining());
        });
        List<Row> rows = new ArrayList<>();
        String outputShape;
        root.eval();
        try (Scope scope = Scope.open(); NoGrad noGrad = NoGrad.enter()) {
            RECORDING.set(rows);
            Tensor input = Tensors.zeros(backendOf(root), root.inputType(), inputShape);
            outputShape = Shape.toString(root.forward(input).shape());
        } finally {
            RECORDING.remove();
            modes.forEach(Module::setTrainingFlag);
        }
        if (rows.isEmpty()) {
            Row only = new Row(root);
            only.shape = outputShape;
            rows.add(only);
        }
        return table(root, names, rows, Shape.toString(inputShape), outputShape);
    }

    private static String table(Module root, Map<Module, String> names, List<Row> rows, String input, String output) {
        List<String> labels = new ArrayList<>();
        int labelWidth = "Layer (type)".length();
        int shapeWidth = "Output shape".length();
        for (Row row : rows) {
            String name = names.getOrDefault(row.module, "?");
            String type = row.module.getClass().getSimpleName();
            String label = "  ".repeat(depth(name)) + (name.isEmpty() ? type : name + " (" + type + ")");
            labels.add(label);
            labelWidth = Math.max(labelWidth, label.length());
            shapeWidth = Math.max(shapeWidth, row.shape.length());
        }
        String format = "%-" + labelWidth + "s  %-" + shapeWidth + "s  %12s%n";
        String rule = "-".repeat(labelWidth + shapeWidth + 16) + System.lineSeparator();
        StringBuilder text = new StringBuilder(String.format(format, "Layer (type)", "Output shape", "Params"));
        text.append(rule);
        for (int i = 0; i < rows.size(); i++) {
            text.append(String.format(format, labels.get(i), rows.get(i).shape, rows.get(i).module.parameterCount()));
        }
        text.append(rule);
        text.append("Input: ").append(input).append("  Output: ").append(output).append(System.lineSeparator());
        text.append("Total params: ").append(root.parameterCount()).append(System.lineSeparator());
        return text.toString();
    }

    private static int depth(String name) {
        return name.isEmpty() ? 0 : (int) name.chars().filter(c -> c == '.').count();
    }

    private static Backend backendOf(Module root) {
        for (Tensor p : root.stateDict().values()) {
            return p.backend();
        }
        return Backends.getDefault();
    }
}
