package org.jgrad.opencl;

import java.lang.System.Logger.Level;
import java.util.Locale;
import org.lwjgl.system.JNI;
import org.lwjgl.system.Library;
import org.lwjgl.system.MemoryUtil;
import org.lwjgl.system.SharedLibrary;

/**
 * The JVM's signal handlers, kept across calls into an OpenCL vendor library. HotSpot takes
 * SIGSEGV for its safepoint polls and implicit null checks, SIGFPE for integer division by zero,
 * SIGUSR2 to suspend threads, SIGINT, SIGTERM and SIGHUP to run shutdown hooks. When the ICD
 * loader first loads PoCL, PoCL's LLVM installs its crash reporter for all of these and more
 * (SA_RESETHAND: reset to the default action on first delivery) and PoCL its own SIGFPE handler:
 * when a safepoint then trapped two Java threads at once, the second fault met the default action
 * and the JVM died with no hs_err file, even in a run that only probed OpenCL and trained on the
 * CPU backend (about one attention benchmark in eight; {@code -Xcheck:jni} names the replaced
 * handlers). So each such call runs inside
 * {@code try (JvmSignalHandlers kept = JvmSignalHandlers.keep()) { ... }}: every handler is read
 * before and put back after, where the library changed it.
 *
 * <p>Linux only (the signal numbers and libc are Linux's); elsewhere {@link #keep()} does nothing.
 */
final class JvmSignalHandlers implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(JvmSignalHandlers.class.getName());
    /** Linux's signal names, numbers 1 to 31 (x86-64 and AArch64); SIGKILL and SIGSTOP cannot be handled. */
    private static final String[] NAMES = {"SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS",
        "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD",
        "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF",
        "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS"};
    /** Room for glibc's struct sigaction (152 bytes on x86-64 and AArch64) with a margin. */
    private static final int ACTION_BYTES = 256;
    private static final long SIGACTION = sigactionAddress();
    private static boolean reported;

    private final long saved;
    /** Bit i set where signal i + 1's handler was read into {@link #saved}: only those are put back. */
    private final int read;

    private JvmSignalHandlers(long saved, int read) {
        this.saved = saved;
        this.read = read;
    }

    /** Reads the current handlers; {@link #close()} restores any that changed meanwhile. */
    static JvmSignalHandlers keep() {
        if (SIGACTION == 0L) {
            return new JvmSignalHandlers(0L, 0);
        }
        long saved = MemoryUtil.nmemCalloc(NAMES.length, ACTION_BYTES);
        int read = 0;
        for (int i = 0; i < NAMES.length; i++) {
            if (handleable(i) && sigaction(i + 1, 0L, saved + (long) i * ACTION_BYTES)) {
                read |= 1 << i;
            }
        }
        return new JvmSignalHandlers(saved, read);
    }

    @Override
    public void close() {
        if (saved == 0L) {
            return;
        }
        long now = MemoryUtil.nmemCalloc(1, ACTION_BYTES);
        try {
            StringBuilder restored = new StringBuilder();
            for (int i = 0; i < NAMES.length; i++) {
                long kept = saved + (long) i * ACTION_BYTES;
                if ((read & 1 << i) != 0 && sigaction(i + 1, 0L, now) && !sameBytes(kept, now) && sigaction(i + 1, kept, 0L)) {
                    restored.append(restored.length() == 0 ? "" : ", ").append(NAMES[i]);
                }
            }
            report(restored);
        } finally {
            MemoryUtil.nmemFree(now);
            MemoryUtil.nmemFree(saved);
        }
    }

    /** The address of each catchable signal's handler (SIG_DFL 0, SIG_IGN 1); what a test compares. */
    static long[] handlers() {
        long[] handlers = new long[NAMES.length];
        if (SIGACTION == 0L) {
            return handlers;
        }
        long action = MemoryUtil.nmemCalloc(1, ACTION_BYTES);
        try {
            for (int i = 0; i < NAMES.length; i++) {
                if (handleable(i) && sigaction(i + 1, 0L, action)) {
                    handlers[i] = MemoryUtil.memGetAddress(action);
                }
            }
        } finally {
            MemoryUtil.nmemFree(action);
        }
        return handlers;
    }

    private static boolean sameBytes(long a, long b) {
        for (int offset = 0; offset < ACTION_BYTES; offset += Long.BYTES) {
            if (MemoryUtil.memGetLong(a + offset) != MemoryUtil.memGetLong(b + offset)) {
                return false;
            }
        }
        return true;
    }

    private static synchronized void report(StringBuilder restored) {
        if (restored.length() > 0 && !reported) {
            reported = true;
            LOG.log(Level.DEBUG, "the OpenCL library replaced the JVM's handlers of " + restored + "; restored them");
        }
    }

    /** SIGKILL and SIGSTOP can be neither read nor set. */
    private static boolean handleable(int index) {
        return !NAMES[index].equals("SIGKILL") && !NAMES[index].equals("SIGSTOP");
    }

    /** libc's sigaction; a failure is logged, not thrown: the OpenCL call it guards goes on either way. */
    private static boolean sigaction(int signal, long action, long previous) {
        int result = JNI.callPPI(signal, action, previous, SIGACTION);
        if (result != 0) {
            LOG.log(Level.WARNING, "sigaction(" + NAMES[signal - 1] + ") returned " + result + "; that handler is not guarded");
        }
        return result == 0;
    }

    /** libc's sigaction, or 0 off Linux or where LWJGL cannot load (then no OpenCL library can load either). */
    private static long sigactionAddress() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return 0L;
        }
        try {
            SharedLibrary libc = Library.loadNative(JvmSignalHandlers.class, "org.lwjgl", "libc.so.6");
            return libc.getFunctionAddress("sigaction");
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.DEBUG, "no libc sigaction through LWJGL, so the JVM's signal handlers are not guarded: " + e);
            return 0L;
        }
    }
}
