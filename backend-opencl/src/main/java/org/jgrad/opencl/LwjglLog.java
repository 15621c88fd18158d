package org.jgrad.opencl;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.lwjgl.system.Configuration;

/**
 * Sends LWJGL's messages to System.Logger (DEBUG) instead of stderr: trying {@code libOpenCL.so}
 * before {@code libOpenCL.so.1} is expected to fail on Debian, and LWJGL would print a warning
 * for it. Done only when the user has not chosen a stream, before LWJGL first reads the setting.
 */
final class LwjglLog {
    private static final System.Logger LOG = System.getLogger("org.lwjgl");

    private LwjglLog() {
    }

    static void install() {
        if (Configuration.DEBUG_STREAM.get() == null) {
            Configuration.DEBUG_STREAM.set(new PrintStream(new LineSink(), true, StandardCharsets.UTF_8));
        }
    }

    /** Collects bytes into lines and logs each line. */
    private static final class LineSink extends OutputStream {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                LOG.log(System.Logger.Level.DEBUG, line.toString(StandardCharsets.UTF_8));
                line.reset();
            } else {
                line.write(b);
            }
        }
    }
}
