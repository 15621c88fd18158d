package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrad.Generator;
import org.jgrad.Scope;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.nn.BatchNorm1d;
import org.jgrad.nn.Linear;
import org.jgrad.nn.Sequential;
import org.jgrad.optim.Adam;
import org.jgrad.optim.OptimizerState;
import org.junit.jupiter.api.Test;

/** A refused Module or Optimizer state load leaves the model and the optimizer bit-identical. */
public class AllOrNothingLoadConformance extends TensorConformanceSupport {

    @Test
    void aClosedSourceTensorIsRefusedBeforeAnyValueIsCopied() {
        Sequential model = model(1);
        Map<String, float[]> before = snapshot(model.stateDict());
        Map<String, Tensor> state = new LinkedHashMap<>();
        model(2).stateDict().forEach((key, value) -> state.put(key, Tensors.fromArray(value.toFloatArray(), value.shape())));
        List<String> keys = new ArrayList<>(state.keySet());
        state.get(keys.get(keys.size() - 1)).close();
        assertRejected(IllegalArgumentException.class, () -> model.loadStateDict(state), keys.get(keys.size() - 1),
                "closed");
        assertBitIdentical(before, model.stateDict());
    }

    @Test
    void aRefusedOptimizerStateChangesNeitherOptionsNorBuffers() {
        Sequential model = model(3);
        Adam adam = new Adam(model.parameters(), 0.01);
        train(model, adam, 2);
        Map<String, float[]> buffersBefore = snapshot(adam.stateDict().tensors());
        Map<String, Double> scalarsBefore = adam.stateDict().scalars();

        Sequential other = model(4);
        Adam donor = new Adam(other.parameters(), 0.5).betas(0.5, 0.6);
        train(other, donor, 3);
        OptimizerState saved = donor.stateDict();
        Map<String, Tensor> tensors = new LinkedHashMap<>(saved.tensors());
        String last = "state." + (model.parameters().size() - 1) + ".expAvg";
        tensors.put(last, Tensors.zeros(9));
        assertRejected(IllegalArgumentException.class, () -> adam.loadStateDict(new OptimizerState(saved.scalars(), tensors)),
                last, "[9]");
        Map<String, Double> badOption = new HashMap<>(saved.scalars());
        badOption.put("group.0.lr", Double.NaN);
        assertRejected(IllegalArgumentException.class, () -> adam.loadStateDict(new OptimizerState(badOption, saved.tensors())),
                "lr", "NaN");

        assertEquals(scalarsBefore, adam.stateDict().scalars(), "options and step counts unchanged");
        assertBitIdentical(buffersBefore, adam.stateDict().tensors());
        adam.loadStateDict(saved);
        assertEquals(0.5, adam.lr(), 0, "the valid state still loads afterwards");
    }

    private static Sequential model(long seed) {
        Generator.manualSeed(seed);
        return new Sequential(new Linear(6, 5), new BatchNorm1d(5), new Linear(5, 2));
    }

    private void train(Sequential model, Adam adam, int steps) {
        for (int s = 0; s < steps; s++) {
            try (Scope ignored = Scope.open()) {
                adam.zeroGrad();
                model.forward(tensor(randomFloats(8 * 6, 60 + s), 8, 6)).pow(2f).mean().backward();
                adam.step();
            }
        }
    }

    private static Map<String, float[]> snapshot(Map<String, Tensor> state) {
        Map<String, float[]> values = new LinkedHashMap<>();
        state.forEach((key, value) -> values.put(key, value.toFloatArray()));
        return values;
    }

    private static void assertBitIdentical(Map<String, float[]> before, Map<String, Tensor> after) {
        assertEquals(before.keySet(), after.keySet());
        before.forEach((key, values) -> {
            float[] now = after.get(key).toFloatArray();
            for (int i = 0; i < values.length; i++) {
                assertEquals(Float.floatToRawIntBits(values[i]), Float.floatToRawIntBits(now[i]), key + "[" + i + "]");
            }
        });
    }
}
