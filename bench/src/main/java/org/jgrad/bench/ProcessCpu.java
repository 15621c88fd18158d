package org.jgrad.bench;

import java.lang.management.ManagementFactory;

/**
 * CPU time of the whole process (all threads, native ones included). On a shared machine, work
 * per CPU-second shows what the code does apart from waiting for a core.
 */
public final class ProcessCpu {
    private ProcessCpu() {
    }

    /** The process's CPU time so far, in nanoseconds. */
    public static long nanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
