package org.jgrad.opencl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lwjgl.opencl.CL;
import org.lwjgl.system.Configuration;

/**
 * Loads the OpenCL library into LWJGL, once per JVM. LWJGL looks for {@code libOpenCL.so}, which
 * Debian ships only with the -dev package; the runtime ({@code ocl-icd-libopencl1}) has
 * {@code libOpenCL.so.1}, so on Linux that name is tried next. LWJGL would load the library when
 * its CL class initialises and refuses a second create, so explicit init is switched on first and
 * the outcome of the one attempt is remembered. {@code -Djgrad.opencl.library=NAME} names the
 * library instead (a path or a name the system linker finds).
 */
final class OpenClLibrary {
    static final String LIBRARY_PROPERTY = "jgrad.opencl.library";
    private static boolean attempted;
    private static String failure;

    private OpenClLibrary() {
    }

    /** Loads the library on the first call; returns null when it is loaded, else why not (one line). */
    static synchronized String load() {
        if (!attempted) {
            attempted = true;
            LwjglLog.install();
            PoclCacheDir.ensureWritable();
            failure = tryLoad(candidates());
        }
        return failure;
    }

    private static List<String> candidates() {
        String named = System.getProperty(LIBRARY_PROPERTY);
        if (named != null && !named.isBlank()) {
            return List.of(named.trim());
        }
        List<String> names = new ArrayList<>();
        names.add(null); // LWJGL's own default (and Configuration.OPENCL_LIBRARY_NAME when the user set it)
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            names.add("libOpenCL.so.1");
        }
        return names;
    }

    private static String tryLoad(List<String> names) {
        Configuration.OPENCL_EXPLICIT_INIT.set(true);
        List<String> errors = new ArrayList<>();
        for (String name : names) {
            try {
                if (name == null) {
                    CL.create();
                } else {
                    CL.create(name);
                }
                return null;
            } catch (RuntimeException | LinkageError e) {
                errors.add((name == null ? "the default name" : name) + ": " + firstLine(e));
            }
        }
        return "no OpenCL library (tried " + String.join("; ", errors) + ")";
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
