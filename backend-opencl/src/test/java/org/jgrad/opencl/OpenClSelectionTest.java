package org.jgrad.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgrad.backend.Backend;
import org.jgrad.backend.BackendUnavailableException;
import org.jgrad.backend.Backends;
import org.jgrad.cpu.CpuBackend;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the OpenCL backend takes part in backend choice, on a machine where it starts. */
class OpenClSelectionTest {
    private final OpenClBackendProvider provider = new OpenClBackendProvider();

    @BeforeEach
    void requireOpenCl() {
        SharedOpenCl.require();
    }

    @Test
    void namedOpenClStarts() {
        Backend backend = Backends.named("opencl");
        assertInstanceOf(OpenClBackend.class, backend);
        assertTrue(backend.description().startsWith("opencl on "), backend.description());
    }

    @Test
    void aCpuOnlyPlatformIsPassedOverByAutomaticChoice() {
        String reason = provider.notChosenAutomaticallyBecause();
        if (SharedOpenCl.opencl().onCpuDevice()) {
            assertNotNull(reason);
            assertTrue(reason.contains("is a CPU"), reason);
            assertInstanceOf(CpuBackend.class, Backends.select(null));
        } else {
            assertNull(reason);
            assertEquals("opencl", Backends.select(null).name());
        }
    }

    @Test
    void aDeviceOverrideThatMatchesNothingSaysWhatWasFound() throws Throwable {
        SharedOpenCl.withProperty(DeviceChoice.DEVICE_PROPERTY, "no-such-device", () -> {
            BackendUnavailableException e = assertThrows(BackendUnavailableException.class, provider::create);
            assertTrue(e.getMessage().startsWith("no OpenCL device matches -Djgrad.opencl.device=no-such-device; found ["),
                    e.getMessage());
        });
    }

    @Test
    void theDeviceCanBeChosenByIndex() throws Throwable {
        SharedOpenCl.withProperty(DeviceChoice.DEVICE_PROPERTY, "0",
                () -> assertEquals(DeviceChoice.devices().get(0), DeviceChoice.choose()));
    }
}
