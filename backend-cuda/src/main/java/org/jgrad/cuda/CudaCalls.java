package org.jgrad.cuda;

import jcuda.driver.CUresult;
import jcuda.jcublas.cublasStatus;

/** Return-code checks: every driver and cuBLAS call goes through one of these. */
final class CudaCalls {
    private CudaCalls() {
    }

    /** Throws naming {@code call} unless the driver returned CUDA_SUCCESS. */
    static void check(int result, String call) {
        if (result != CUresult.CUDA_SUCCESS) {
            throw new CudaException(call + " failed: " + CUresult.stringFor(result));
        }
    }

    /** Throws naming {@code call} unless cuBLAS returned CUBLAS_STATUS_SUCCESS. */
    static void checkBlas(int status, String call) {
        if (status != cublasStatus.CUBLAS_STATUS_SUCCESS) {
            throw new CudaException(call + " failed: " + cublasStatus.stringFor(status));
        }
    }
}
