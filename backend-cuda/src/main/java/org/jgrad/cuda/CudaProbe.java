package org.jgrad.cuda;

import jcuda.driver.CUresult;
import jcuda.driver.JCudaDriver;

/**
 * Whether CUDA can run here, asked once per JVM. Without a driver, the first touch of JCudaDriver
 * throws UnsatisfiedLinkError (its native library needs libcuda.so.1) and every later touch
 * NoClassDefFoundError, so the answer is cached rather than asked again.
 */
final class CudaProbe {
    static final String NO_DRIVER = "CUDA unavailable: no NVIDIA driver (libcuda.so.1)";
    static final String NO_DEVICE = "CUDA unavailable: the NVIDIA driver reports no CUDA device (count 0)";
    private static final System.Logger LOG = System.getLogger(CudaProbe.class.getName());
    /** Null until probed; empty when CUDA is available, else the one-line reason. */
    private static String reason;

    private CudaProbe() {
    }

    /** The reason CUDA cannot run here, or the empty string when it can. */
    static synchronized String unavailableReason() {
        if (reason == null) {
            reason = probe();
        }
        return reason;
    }

    private static String probe() {
        try {
            int result = JCudaDriver.cuInit(0);
            if (result == CUresult.CUDA_ERROR_NO_DEVICE) {
                return NO_DEVICE;
            }
            if (result != CUresult.CUDA_SUCCESS) {
                return "CUDA unavailable: cuInit failed with " + CUresult.stringFor(result);
            }
            int[] count = new int[1];
            result = JCudaDriver.cuDeviceGetCount(count);
            if (result != CUresult.CUDA_SUCCESS) {
                return "CUDA unavailable: cuDeviceGetCount failed with " + CUresult.stringFor(result);
            }
            return count[0] == 0 ? NO_DEVICE : "";
        } catch (LinkageError e) {
            LOG.log(System.Logger.Level.DEBUG, "JCuda's native library did not load", e);
            String message = String.valueOf(e.getMessage());
            return message.contains("libcuda") || e instanceof NoClassDefFoundError
                    ? NO_DRIVER : "CUDA unavailable: JCuda's native library did not load (" + message + ")";
        }
    }
}
