package org.jgrad.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.lwjgl.opencl.CL10.clCreateContext;
import static org.lwjgl.opencl.CL10.clReleaseContext;
import static org.lwjgl.opencl.CL10.clReleaseProgram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jgrad.backend.BackendUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lwjgl.system.MemoryStack;

/** The on-disk program cache: created when missing, keyed by source, and a bad binary is rebuilt. */
class ProgramCacheTest {
    private static final String SOURCE = "__kernel void one(__global float* x) { x[0] = 1.0f; }";
    @TempDir
    Path temp;
    private Path cache;
    private ClDevice device;
    private long context;

    @BeforeEach
    void context() throws BackendUnavailableException {
        SharedOpenCl.require();
        cache = temp.resolve("not/yet/there");
        System.setProperty(ProgramCache.CACHE_PROPERTY, cache.toString());
        device = DeviceChoice.choose();
        try (MemoryStack stack = MemoryStack.stackPush()) {
            var error = stack.mallocInt(1);
            context = clCreateContext(stack.pointers(0x1084, device.platform(), 0), device.id(), null, 0, error);
            ClError.check(error.get(0), "clCreateContext");
        }
    }

    @AfterEach
    void release() {
        System.clearProperty(ProgramCache.CACHE_PROPERTY);
        if (context != 0) {
            ClError.check(clReleaseContext(context), "clReleaseContext");
        }
    }

    @Test
    void aBuildIsStoredUnderItsKeyAndABadBinaryIsRebuilt() throws IOException {
        build(SOURCE);
        List<Path> files = binaries();
        assertEquals(1, files.size(), "one binary in the new cache folder: " + files);
        byte[] good = Files.readAllBytes(files.get(0));
        build(SOURCE);
        assertEquals(files, binaries(), "the same source reuses its file");
        Files.write(files.get(0), new byte[] {1, 2, 3});
        build(SOURCE);
        assertNotEquals(3, Files.size(files.get(0)), "a rejected binary is replaced by a fresh build");
        assertEquals(good.length > 0, Files.size(files.get(0)) > 0);
        build(SOURCE + "\n// changed");
        assertEquals(2, binaries().size(), "another source gets its own file");
    }

    private void build(String source) {
        ClError.check(clReleaseProgram(ProgramCache.build(context, device, source, "")), "clReleaseProgram");
    }

    private List<Path> binaries() throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(f -> f.toString().endsWith(".bin")).sorted().toList();
        }
    }
}
