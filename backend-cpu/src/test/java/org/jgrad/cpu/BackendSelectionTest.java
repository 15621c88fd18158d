package org.jgrad.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jgrad.backend.Backends;
import org.junit.jupiter.api.Test;

/** Backend choice: by name, best available with fallback, and clear errors. */
class BackendSelectionTest {

    @Test
    void providersAreFoundBestFirst() {
        List<String> names = Backends.available();
        assertEquals("unavailable", names.get(0));
        assertTrue(names.contains("cpu"), names.toString());
    }

    @Test
    void namedBackendStartsOnceAndIgnoresCase() {
        assertInstanceOf(CpuBackend.class, Backends.named("cpu"));
        assertSame(Backends.named("cpu"), Backends.named(" CPU "));
    }

    @Test
    void noRequestFallsBackPastABackendThatCannotStart() {
        assertInstanceOf(CpuBackend.class, Backends.select(null));
        assertInstanceOf(CpuBackend.class, Backends.select(" "));
    }

    @Test
    void namingAnUnavailableBackendSaysWhy() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Backends.select("unavailable"));
        assertEquals("backend 'unavailable' is unavailable: " + UnavailableBackendProvider.REASON, e.getMessage());
    }

    @Test
    void namingAnUnknownBackendListsTheKnownOnes() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Backends.select("tpu"));
        assertTrue(e.getMessage().startsWith("backend 'tpu' is not on the class path; found ["), e.getMessage());
        assertTrue(e.getMessage().contains("cpu"), e.getMessage());
    }
}
