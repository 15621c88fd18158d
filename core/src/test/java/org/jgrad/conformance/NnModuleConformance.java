package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jgrad.Scope;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.nn.BatchNorm1d;
import org.jgrad.nn.Dropout;
import org.jgrad.nn.Linear;
import org.jgrad.nn.Module;
import org.jgrad.nn.ReLU;
import org.jgrad.nn.Sequential;
import org.junit.jupiter.api.Test;

/** Module bookkeeping: names, parameters, modes, gradients, tensor ownership and functional calls. */
public class NnModuleConformance extends NnSupport {

    /** A module holding one parameter "w" that the test can replace; forward multiplies by it. */
    static final class Holder extends Module {
        Tensor put(Tensor w) {
            return registerParameter("w", w);
        }

        void putBuffer(String name, Tensor b) {
            registerBuffer(name, b);
        }

        @Override
        public Tensor forward(Tensor input) {
            return input.mul(parameter("w"));
        }
    }

    /** The same Linear registered under two names: its parameters count once. */
    static final class Tied extends Module {
        Tied(Linear shared) {
            registerModule("a", shared);
            registerModule("b", shared);
        }

        @Override
        public Tensor forward(Tensor input) {
            return input;
        }
    }

    private static Sequential nestedModel() {
        return new Sequential(new Linear(3, 4), new ReLU(), new Sequential(new Linear(4, 2, false), new Dropout(0.2)),
                new BatchNorm1d(2));
    }

    @Test
    void parametersAreNamedByDottedPathInRegistrationOrder() {
        Sequential model = nestedModel();
        assertEquals(List.of("0.weight", "0.bias", "2.0.weight", "3.weight", "3.bias"),
                List.copyOf(model.namedParameters().keySet()));
        assertEquals(List.of("0.weight", "0.bias", "2.0.weight", "3.weight", "3.bias", "3.running_mean", "3.running_var",
                "3.num_batches_tracked"), List.copyOf(model.stateDict().keySet()));
        assertEquals(List.of("3.running_mean", "3.running_var", "3.num_batches_tracked"), List.copyOf(model.namedBuffers().keySet()));
        assertEquals(List.copyOf(model.namedParameters().values()), model.parameters());
        for (Tensor p : model.parameters()) {
            assertTrue(p.isLeaf() && p.requiresGrad(), "parameters are leaves that require grad");
        }
        assertEquals(3 * 4 + 4 + 4 * 2 + 2 + 2, model.parameterCount());
        assertEquals(List.of("0", "1", "2", "3"), List.copyOf(model.children().keySet()));
        assertEquals(List.of("", "0", "1", "2", "2.0", "2.1", "3"), List.copyOf(model.namedModules().keySet()));
    }

    @Test
    void aModuleRegisteredTwiceHasItsParametersCountedOnce() {
        Tied tied = new Tied(new Linear(5, 3));
        assertEquals(List.of("a.weight", "a.bias"), List.copyOf(tied.namedParameters().keySet()));
        assertEquals(5 * 3 + 3, tied.parameterCount());
        assertEquals(4, tied.stateDict().size(), "the state dict names both paths, as PyTorch's");
    }

    @Test
    void trainAndEvalReachEveryDescendant() {
        Sequential model = nestedModel();
        assertSame(model, model.eval());
        model.namedModules().values().forEach(m -> assertFalse(m.isTraining(), m + " after eval()"));
        assertSame(model, model.train());
        model.namedModules().values().forEach(m -> assertTrue(m.isTraining(), m + " after train()"));
        model.train(false);
        model.namedModules().values().forEach(m -> assertFalse(m.isTraining(), m + " after train(false)"));
    }

    @Test
    void zeroGradClearsTheGradientOfEveryParameter() {
        Sequential model = nestedModel();
        model.forward(tensor(randomFloats(15, 40), 5, 3)).sum().backward();
        for (Tensor p : model.parameters()) {
            assertNotNull(p.grad());
        }
        model.zeroGrad();
        for (Tensor p : model.parameters()) {
            assertNull(p.grad());
        }
    }

    @Test
    void parametersBuffersAndGradientsOutliveATrainingStepScope() {
        Sequential model = nestedModel();
        float[] meanBefore = model.stateDict().get("3.running_mean").toFloatArray();
        try (Scope step = Scope.open()) {
            model.forward(tensor(randomFloats(15, 41), 5, 3)).sum().backward();
        }
        for (Tensor t : model.stateDict().values()) {
            t.toFloatArray();
        }
        assertFalse(java.util.Arrays.equals(meanBefore, model.stateDict().get("3.running_mean").toFloatArray()),
                "the running mean was updated in place and survived the scope");
        assertNotNull(model.parameters().get(0).grad().toFloatArray());
    }

    @Test
    void registeringANameAgainClosesTheOldTensor() {
        Holder holder = new Holder();
        Tensor first = holder.put(tensor(new float[] {2, 3}, 2));
        Tensor second = holder.put(tensor(new float[] {5, 7}, 2));
        assertThrows(IllegalStateException.class, first::toFloatArray);
        assertSame(second, holder.parameter("w"));
        assertClose("uses the new parameter", new double[] {10, 14},
                holder.forward(tensor(new float[] {2, 2}, 2)).toFloatArray(), 0, 0);
        assertThrows(IllegalArgumentException.class, () -> holder.putBuffer("w", Tensors.zeros(2)), "name taken");
        assertThrows(IllegalArgumentException.class, () -> holder.putBuffer("a.b", Tensors.zeros(2)), "dotted name");
        assertThrows(IllegalArgumentException.class, () -> holder.put(second.mul(2f)), "not a leaf");
        assertThrows(IllegalArgumentException.class, () -> holder.parameter("missing"));
        holder.close();
        assertThrows(IllegalStateException.class, second::toFloatArray, "close() frees the parameters");
    }

    @Test
    void functionalCallUsesTheGivenTensorsForOneCallOnly() {
        Linear linear = new Linear(4, 3);
        Tensor ownWeight = linear.weight();
        float[] other = randomFloats(12, 42);
        Tensor replacement = tensor(other, 3, 4).requiresGrad(true);
        float[] x = randomFloats(8, 43);
        Tensor y = linear.functionalCall(java.util.Map.of("weight", replacement), tensor(x, 2, 4));
        assertClose("with the replacement", NnReference.linear(doubles(x), 4, doubles(other), 3, doubles(linear.bias())),
                y.toFloatArray(), 1e-5, 1e-6);
        y.sum().backward();
        assertNotNull(replacement.grad(), "the gradient reaches the replacement");
        assertNull(ownWeight.grad());
        assertSame(ownWeight, linear.weight(), "restored afterwards");
        assertRejected(IllegalArgumentException.class,
                () -> linear.functionalCall(java.util.Map.of("weights", replacement), tensor(x, 2, 4)), "weights");
        assertRejected(IllegalArgumentException.class,
                () -> linear.functionalCall(java.util.Map.of("bias", Tensors.zeros(4)), tensor(x, 2, 4)), "[4]", "[3]");
        assertSame(ownWeight, linear.weight());
    }

    @Test
    void toStringListsLayersWithTheirSettings() {
        String text = nestedModel().toString();
        assertTrue(text.startsWith("Sequential("), text);
        assertTrue(text.contains("(0): Linear(in_features=3, out_features=4, bias=true)"), text);
        assertTrue(text.contains("(0): Linear(in_features=4, out_features=2, bias=false)"), text);
        assertTrue(text.contains("(3): BatchNorm1d(2, "), text);
    }
}
