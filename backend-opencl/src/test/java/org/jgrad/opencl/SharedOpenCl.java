package org.jgrad.opencl;

import static org.junit.jupiter.api.Assertions.fail;

import org.jgrad.backend.BackendUnavailableException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.function.Executable;

/**
 * The one OpenCL backend the tests of this module share (program builds are slow), started on
 * first use. Where OpenCL cannot start, tests are skipped with the reason, except under CI=true,
 * where they fail: CI must prove the OpenCL suite ran.
 */
final class SharedOpenCl {
    private static final System.Logger LOG = System.getLogger(SharedOpenCl.class.getName());
    private static boolean attempted;
    private static OpenClBackend backend;
    private static String unavailable;

    private SharedOpenCl() {
    }

    /** Skips (or under CI=true fails) the calling test or class when OpenCL cannot start here. */
    static void require() {
        if (start() == null) {
            String message = "OpenCL tests not run: " + unavailable;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + " (CI=true: the OpenCL suite must run there)");
            }
            LOG.log(System.Logger.Level.WARNING, message);
            Assumptions.abort(message);
        }
    }

    /** The shared backend; call {@link #require} first. */
    static OpenClBackend backend() {
        require();
        return backend;
    }

    /** Runs {@code body} with the system property {@code name} set to {@code value}, then restores it. */
    static void withProperty(String name, String value, Executable body) throws Throwable {
        String previous = System.getProperty(name);
        System.setProperty(name, value);
        try {
            body.execute();
        } finally {
            if (previous == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, previous);
            }
        }
    }

    private static synchronized OpenClBackend start() {
        if (!attempted) {
            attempted = true;
            try {
                backend = (OpenClBackend) new OpenClBackendProvider().create();
            } catch (BackendUnavailableException e) {
                unavailable = e.getMessage();
            }
        }
        return backend;
    }
}
