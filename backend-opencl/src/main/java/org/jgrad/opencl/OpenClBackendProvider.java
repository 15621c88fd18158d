package org.jgrad.opencl;

import org.jgrad.backend.Backend;
import org.jgrad.backend.BackendProvider;
import org.jgrad.backend.BackendUnavailableException;

/**
 * Provides the OpenCL backend (priority 20: after CUDA, before the CPU backend). A platform
 * whose chosen device is a CPU (PoCL) runs slower than jgrad's own CPU backend, so it is not
 * chosen automatically; it still starts when named ({@code --backend opencl}).
 */
public final class OpenClBackendProvider implements BackendProvider {
    @Override
    public String name() {
        return "opencl";
    }

    @Override
    public int priority() {
        return 20;
    }

    @Override
    public String notChosenAutomaticallyBecause() {
        try {
            ClDevice device = DeviceChoice.choose();
            return device.cpu() ? "its device " + device.describe()
                    + " is a CPU, where jgrad's own CPU backend is faster (name opencl to use it)" : null;
        } catch (BackendUnavailableException e) {
            return null; // create() reports why it cannot start
        }
    }

    @Override
    public Backend create() throws BackendUnavailableException {
        ClDevice device = DeviceChoice.choose();
        try (JvmSignalHandlers kept = JvmSignalHandlers.keep()) {
            return new OpenClBackend(device);
        } catch (OpenClException e) {
            throw new BackendUnavailableException("OpenCL device " + device.describe() + " cannot start: "
                    + e.getMessage(), e);
        }
    }
}
