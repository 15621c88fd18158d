package org.jgrad.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Automatic choice when the providers on the class path are given (core's tests have no backend
 * jar, as an application without jgrad-backend-cpu): a provider that asks to be passed over is
 * taken when nothing else starts.
 */
class AutomaticSelectionTest {

    /** A provider starting a backend that only answers name(), or failing with {@code failure}. */
    private record Provider(String name, int priority, String passOver, String failure) implements BackendProvider {
        @Override
        public String notChosenAutomaticallyBecause() {
            return passOver;
        }

        @Override
        public Backend create() throws BackendUnavailableException {
            if (failure != null) {
                throw new BackendUnavailableException(failure);
            }
            return (Backend) Proxy.newProxyInstance(Backend.class.getClassLoader(), new Class<?>[] {Backend.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "name", "description" -> name;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    @Test
    void aPassedOverOpenClCpuDeviceIsTakenWhenTheCpuBackendIsAbsent() {
        Backend chosen = Backends.selectAutomatically(List.of(
                new Provider("cuda-test", 30, null, "no CUDA driver"),
                new Provider("opencl-test", 20, "its only device is a CPU", null)));
        assertEquals("opencl-test", chosen.name());
    }

    @Test
    void aPassedOverProviderStillLosesToOneThatStarts() {
        Backend chosen = Backends.selectAutomatically(List.of(
                new Provider("opencl-test", 20, "its only device is a CPU", null),
                new Provider("cpu-test", 10, null, null)));
        assertEquals("cpu-test", chosen.name());
    }

    @Test
    void whenNothingStartsEveryReasonIsNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Backends.selectAutomatically(List.of(
                new Provider("cuda-test", 30, null, "no CUDA driver"),
                new Provider("opencl-test", 20, "its only device is a CPU", "no platform"))));
        assertTrue(e.getMessage().contains("cuda-test: no CUDA driver") && e.getMessage().contains("opencl-test: no platform"),
                e.getMessage());
    }
}
