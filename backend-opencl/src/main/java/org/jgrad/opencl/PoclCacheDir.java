package org.jgrad.opencl;

import static org.lwjgl.system.MemoryUtil.memAddress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lwjgl.system.JNI;
import org.lwjgl.system.Library;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.SharedLibrary;

/**
 * PoCL keeps its compiled kernels in {@code $POCL_CACHE_DIR}, else {@code $XDG_CACHE_HOME/pocl},
 * else {@code ~/.cache/pocl}, and when it cannot write there it reports no devices at all. Before
 * the OpenCL library first loads, a missing POCL_CACHE_DIR whose default is not writable is set
 * (through libc's setenv, as Java cannot) to a folder in the jgrad OpenCL cache, so PoCL works
 * without the user setting anything.
 */
final class PoclCacheDir {
    private static final System.Logger LOG = System.getLogger(PoclCacheDir.class.getName());

    private PoclCacheDir() {
    }

    static void ensureWritable() {
        if (System.getenv("POCL_CACHE_DIR") != null || !System.getProperty("os.name", "").startsWith("Linux")) {
            return;
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path standard = xdg != null ? Path.of(xdg, "pocl") : Path.of(System.getProperty("user.home"), ".cache", "pocl");
        if (writable(standard)) {
            return;
        }
        Path ours = ProgramCache.directory().resolve("pocl");
        if (writable(ours)) {
            setenv("POCL_CACHE_DIR", ours.toString());
            LOG.log(System.Logger.Level.INFO, "PoCL cannot write " + standard + "; POCL_CACHE_DIR set to " + ours);
        }
    }

    private static boolean writable(Path dir) {
        try {
            Files.createDirectories(dir);
            return Files.isWritable(dir);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private static void setenv(String name, String value) {
        try (SharedLibrary libc = Library.loadNative(PoclCacheDir.class, "org.lwjgl", "libc.so.6");
             MemoryStack stack = MemoryStack.stackPush()) {
            long setenv = libc.getFunctionAddress("setenv");
            if (setenv != 0) {
                JNI.invokePPI(memAddress(stack.UTF8(name)), memAddress(stack.UTF8(value)), 1, setenv);
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.WARNING, "could not set POCL_CACHE_DIR: " + e.getMessage());
        }
    }
}
