package org.jgrad.cuda;

import org.jgrad.backend.Backend;
import org.jgrad.backend.BackendProvider;
import org.jgrad.backend.BackendUnavailableException;

/** Provides the CUDA backend on device 0; the first choice when an NVIDIA GPU and driver are present. */
public final class CudaBackendProvider implements BackendProvider {
    @Override
    public String name() {
        return "cuda";
    }

    @Override
    public int priority() {
        return 30;
    }

    @Override
    public Backend create() throws BackendUnavailableException {
        String reason = CudaProbe.unavailableReason();
        if (!reason.isEmpty()) {
            throw new BackendUnavailableException(reason);
        }
        try {
            return new CudaBackend(0);
        } catch (CudaException e) {
            throw new BackendUnavailableException("CUDA unavailable: " + e.getMessage(), e);
        }
    }
}
