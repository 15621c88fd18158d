package org.jgrad.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jgrad.Tensor;
import org.jgrad.backend.Backend;
import org.jgrad.backend.Backends;
import org.jgrad.nn.BatchNorm1d;
import org.jgrad.nn.Linear;
import org.jgrad.nn.Sequential;
import org.junit.jupiter.api.Test;

/** A second CpuBackend instance stands for another device: tensors move between backend objects. */
class CpuModuleTransferTest {

    @Test
    void toMovesEveryTensorToAnotherBackendAndLoadStateDictReadsAcrossBackends() {
        Backend previous = Backends.getDefault();
        Backend home = new CpuBackend();
        Backends.setDefault(home);
        try {
            Backend other = new CpuBackend();
            Sequential model = new Sequential(new Linear(3, 4), new BatchNorm1d(4));
            Map<String, Tensor> before = new LinkedHashMap<>(model.stateDict());
            Map<String, float[]> values = new LinkedHashMap<>();
            before.forEach((key, t) -> values.put(key, t.toFloatArray()));
            assertSame(model, model.to(other));
            model.stateDict().forEach((key, t) -> {
                assertSame(other, t.backend(), key);
                assertArrayEquals(values.get(key), t.toFloatArray(), key);
                assertThrows(IllegalStateException.class, before.get(key)::toFloatArray, key + ": the old tensor is closed");
            });
            model.parameters().forEach(p -> assertTrue(p.requiresGrad() && p.isLeaf()));
            Sequential local = new Sequential(new Linear(3, 4), new BatchNorm1d(4));
            local.loadStateDict(model.stateDict());
            local.stateDict().forEach((key, t) -> {
                assertSame(home, t.backend(), key);
                assertArrayEquals(values.get(key), t.toFloatArray(), key);
            });
        } finally {
            Backends.setDefault(previous);
        }
    }
}
