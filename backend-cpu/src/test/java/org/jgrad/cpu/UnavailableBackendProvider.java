package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.backend.BackendProvider;
import org.jgrad.backend.BackendUnavailableException;

/** A provider that never starts, preferred over every real one, to test the fallback path. */
public final class UnavailableBackendProvider implements BackendProvider {
    static final String REASON = "no such device on this test machine";

    @Override
    public String name() {
        return "unavailable";
    }

    @Override
    public int priority() {
        return 1000;
    }

    @Override
    public Backend create() throws BackendUnavailableException {
        throw new BackendUnavailableException(REASON);
    }
}
