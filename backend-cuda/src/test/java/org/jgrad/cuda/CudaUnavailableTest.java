package org.jgrad.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.jgrad.backend.Backend;
import org.jgrad.backend.BackendUnavailableException;
import org.jgrad.backend.Backends;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The no-GPU path, which CI (no NVIDIA driver) runs for real: a clear one-line reason, the same
 * answer on every ask (the probe survives JCuda's NoClassDefFoundError after the first failure),
 * fallback to the CPU backend, and an error with the reason when cuda is named. Skipped, saying
 * so, on a machine where CUDA starts.
 */
class CudaUnavailableTest {
    private String reason;

    @BeforeEach
    void probe() {
        reason = CudaProbe.unavailableReason();
        assumeFalse(reason.isEmpty(), "CUDA is available here; the no-GPU path cannot be exercised");
    }

    @Test
    void providerRefusesWithTheProbesReason() {
        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> new CudaBackendProvider().create());
        assertEquals(reason, e.getMessage());
        assertTrue(reason.equals(CudaProbe.NO_DRIVER) || reason.equals(CudaProbe.NO_DEVICE)
                || reason.startsWith("CUDA unavailable: "), reason);
    }

    @Test
    void aMachineWithoutTheDriverIsToldSo() {
        assumeFalse(new java.io.File("/dev/nvidiactl").exists(), "an NVIDIA device node exists here");
        assertEquals(CudaProbe.NO_DRIVER, reason);
    }

    @Test
    void theAnswerIsCachedAndAskingAgainDoesNotThrow() {
        new CudaBackendProvider().priority();
        assertThrows(BackendUnavailableException.class, () -> new CudaBackendProvider().create());
        assertThrows(BackendUnavailableException.class, () -> new CudaBackendProvider().create());
        assertEquals(reason, CudaProbe.unavailableReason());
    }

    @Test
    void defaultChoiceFallsBackToTheCpu() {
        assertEquals("cuda", Backends.available().get(0), "cuda has the highest priority");
        Backend chosen = Backends.select(null);
        assertEquals("cpu", chosen.name());
    }

    @Test
    void namingCudaIsAnErrorWithTheReason() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Backends.named("cuda"));
        assertEquals("backend 'cuda' is unavailable: " + reason, e.getMessage());
    }
}
