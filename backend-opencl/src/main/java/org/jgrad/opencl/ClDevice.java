package org.jgrad.opencl;

/**
 * One OpenCL device as found on the machine: its handles, names and whether it is a GPU (any
 * device that is not a CPU counts as one: GPUs and accelerators both beat jgrad's CPU backend),
 * whether it has double precision, and whether float division and sqrt can be correctly rounded.
 */
record ClDevice(long platform, long id, String platformName, String name, boolean cpu, String version,
                String driver, boolean fp64, boolean roundedDivideSqrt) {

    /** "NAME (PLATFORM, OpenCL x.y)" for logs and backend descriptions. */
    String describe() {
        return name + " (" + platformName + ", " + version + ")";
    }
}
