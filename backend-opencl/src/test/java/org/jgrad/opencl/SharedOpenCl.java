package org.jgrad.opencl;

import org.jgrad.backend.Backend;
import org.jgrad.backend.BackendUnavailableException;
import org.jgrad.backend.device.MemoryStats;
import org.jgrad.conformance.BackendUnderTest;
import org.jgrad.conformance.SuiteBackend;
import org.junit.jupiter.api.function.Executable;

/**
 * The one OpenCL backend the tests of this module share (program builds are slow), started on
 * first use, and the conformance suite's backend here. Where OpenCL cannot start, tests are
 * skipped with the reason, except under CI=true, where they fail: CI must prove the OpenCL suite ran.
 * With {@code -Djgrad.test.opencl.gemm=other} (the pom's other-gemm-kernel execution) the backend
 * uses the GEMM kernel its device would not get by default, so both kernels are tested anywhere.
 */
public final class SharedOpenCl implements BackendUnderTest {
    private static boolean attempted;
    private static OpenClBackend backend;
    private static String unavailable = "";

    /** Skips (or under CI=true fails) the calling test or class when OpenCL cannot start here. */
    static void require() {
        SuiteBackend.require();
    }

    /** The shared backend; skips or fails the calling test as {@link #require} does. */
    static OpenClBackend opencl() {
        return (OpenClBackend) SuiteBackend.get();
    }

    @Override
    public String unavailableReason() {
        return start() == null ? "OpenCL cannot start: " + unavailable : "";
    }

    @Override
    public Backend backend() {
        return start();
    }

    @Override
    public MemoryStats memoryStats() {
        return opencl().memoryStats();
    }

    /** Under CI=true: CI must prove the OpenCL suite ran. */
    @Override
    public boolean mustRun() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
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
                if ("other".equals(System.getProperty("jgrad.test.opencl.gemm"))) {
                    String kernel = backend.onCpuDevice() ? "tiled" : "block";
                    backend.close();
                    System.setProperty(GemmOps.KERNEL_PROPERTY, kernel);
                    backend = (OpenClBackend) new OpenClBackendProvider().create();
                }
            } catch (BackendUnavailableException e) {
                unavailable = e.getMessage();
            }
        }
        return backend;
    }
}
