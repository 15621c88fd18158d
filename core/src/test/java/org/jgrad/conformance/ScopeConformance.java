package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jgrad.Generator;
import org.jgrad.Scope;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.backend.Backends;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deterministic memory release: what a {@link Scope} closes, what escapes it, storage shared by
 * views, memory held flat over a training loop; and bit-for-bit determinism of seeded work.
 * Buffers are counted by wrapping the backend under test in a {@link CountingBackend}.
 */
public class ScopeConformance extends ConformanceSupport {
    private final float[] values = randomFloats(12, 301);
    private CountingBackend counting;

    @BeforeEach
    void countBuffers() {
        counting = new CountingBackend(backend());
        Backends.setDefault(counting);
    }

    @AfterEach
    void noBufferFreedTwice() {
        assertEquals(0, counting.doubleFrees(), "buffers freed twice");
    }

    private Tensor tensor() {
        return Tensors.fromArray(values, 3, 4);
    }

    @Test
    void tensorsMadeInAScopeAreClosedAtItsEnd() {
        Tensor outside = tensor();
        int before = counting.live();
        Tensor inside;
        Tensor result;
        try (Scope scope = Scope.open()) {
            inside = tensor();
            result = inside.mul(outside).exp().sum();
            assertTrue(Float.isFinite(result.item()));
        }
        assertEquals(before, counting.live(), "every buffer made inside the scope is freed at its end");
        assertRejected(IllegalStateException.class, inside::toFloatArray, "after close");
        assertThrows(IllegalStateException.class, () -> result.add(outside));
        assertArrayEquals(values, outside.toFloatArray(), "a tensor made before the scope is untouched");
    }

    @Test
    void keepMovesATensorToTheEnclosingScope() {
        int before = counting.live();
        Tensor kept;
        try (Scope outer = Scope.open()) {
            try (Scope inner = Scope.open()) {
                kept = inner.keep(tensor().mul(2f));
            }
            assertArrayEquals(times(values, 2), kept.toFloatArray(), "kept tensor readable after the inner scope");
        }
        assertThrows(IllegalStateException.class, kept::toFloatArray, "the outer scope closes what was kept into it");
        assertEquals(before, counting.live());

        Tensor owned;
        try (Scope only = Scope.open()) {
            owned = only.keep(tensor().add(1f));
        }
        assertArrayEquals(plus(values, 1f), owned.toFloatArray(), "kept with no enclosing scope: the caller owns it");
        owned.close();
        assertEquals(before, counting.live());
    }

    @Test
    void nestedScopesCloseOnlyTheirOwnTensorsInnermostFirst() {
        try (Scope outer = Scope.open()) {
            Tensor early = tensor();
            Tensor innerMade;
            try (Scope inner = Scope.open()) {
                innerMade = early.mul(3f);
                Scope wrongOrder = outer;
                assertThrows(IllegalStateException.class, wrongOrder::close, "closing the outer scope first");
            }
            assertThrows(IllegalStateException.class, innerMade::toFloatArray);
            Tensor late = early.add(1f);
            assertArrayEquals(values, early.toFloatArray(), "the outer scope's tensors outlive the inner scope");
            assertArrayEquals(plus(values, 1f), late.toFloatArray());
        }
    }

    @Test
    void aLeafGradientSurvivesTheScopeOfBackward() {
        Tensor w = tensor().requiresGrad(true);
        for (int step = 1; step <= 2; step++) {
            try (Scope scope = Scope.open()) {
                w.mul(w).sum().backward();
            }
            assertArrayEquals(times(values, 2 * step), w.grad().toFloatArray(),
                    "grad after " + step + " backward calls in their own scopes");
        }
    }

    @Test
    void aLeafClosedByItsScopeTakesItsGradientAlong() {
        int before = counting.live();
        try (Scope scope = Scope.open()) {
            Tensor w = tensor().requiresGrad(true);
            w.mul(w).sum().backward();
            assertArrayEquals(times(values, 2), w.grad().toFloatArray());
        }
        assertEquals(before, counting.live(), "the gradient of a leaf that did not escape is freed with it");
    }

    @Test
    void viewsShareStorageUntilTheLastOneCloses() {
        int before = counting.live();
        Tensor x = tensor();
        Tensor reshaped = x.reshape(4, 3);
        Tensor detached = x.detach();
        assertEquals(before + 1, counting.live(), "reshape and detach share the original buffer");
        x.close();
        assertArrayEquals(values, reshaped.toFloatArray(), "reshape survives closing the original");
        reshaped.close();
        assertArrayEquals(values, detached.toFloatArray(), "detach survives closing the others");
        assertEquals(before + 1, counting.live());
        detached.close();
        assertEquals(before, counting.live(), "the last view to close frees the buffer");
        assertThrows(IllegalStateException.class, detached::toFloatArray);

        Tensor view;
        try (Scope scope = Scope.open()) {
            view = scope.keep(tensor().reshape(12));
        }
        assertArrayEquals(values, view.toFloatArray(), "a kept view outlives the scope that closed its original");
        view.close();
        assertEquals(before, counting.live());
    }

    @Test
    void aTrainingLoopHoldsMemoryFlat() {
        Tensor x = Tensors.fromArray(randomFloats(8 * 12, 302), 8, 12);
        Tensor w = Tensors.fromArray(randomFloats(12 * 5, 303), 12, 5).requiresGrad(true);
        Generator generator = new Generator(304);
        int before = counting.live();
        for (int step = 0; step < 20; step++) {
            try (Scope scope = Scope.open()) {
                Tensor hidden = x.matmul(w).tanh().dropout(0.25f, generator);
                hidden.logSoftmax(1).mean().backward();
            }
            assertEquals(before + 1, counting.live(), "after step " + step + ": the two leaves and w's gradient");
            w.zeroGrad();
            assertEquals(before, counting.live(), "after step " + step + " and zeroGrad");
        }
    }

    @Test
    void aSeededComputationRepeatsBitForBit() {
        List<float[]> first = seededRun();
        List<float[]> second = seededRun();
        for (int i = 0; i < first.size(); i++) {
            assertArrayEquals(bits(first.get(i)), bits(second.get(i)), "result " + i + " of the seeded run");
        }
    }

    /** Random init, a small conv net step with dropout, and the gradients; all from one seed. */
    private List<float[]> seededRun() {
        try (Scope scope = Scope.open()) {
            Generator generator = new Generator(2024);
            Tensor images = Tensors.uniform(-1f, 1f, generator, 4, 3, 9, 9);
            Tensor kernels = Tensors.randn(generator, 8, 3, 3, 3).mul(0.3f).detach().requiresGrad(true);
            Tensor dense = Tensors.randn(generator, 8 * 4 * 4, 129).mul(0.1f).detach().requiresGrad(true);
            Tensor features = images.conv2d(kernels, null, 1, 1).relu().maxPool2d(2, 2, 0).flatten(1, 3);
            Tensor logits = features.dropout(0.2f, generator).matmul(dense);
            Tensor loss = logits.logSoftmax(1).mean().neg();
            loss.backward();
            List<float[]> results = new ArrayList<>();
            results.add(logits.toFloatArray());
            results.add(loss.toFloatArray());
            results.add(kernels.grad().toFloatArray());
            results.add(dense.grad().toFloatArray());
            return results;
        }
    }

    private static int[] bits(float[] values) {
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return bits;
    }

    private static float[] times(float[] values, float factor) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] * factor;
        }
        return out;
    }

    private static float[] plus(float[] values, float term) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] + term;
        }
        return out;
    }
}
