package org.jgrad.cuda;

import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUresult;
import jcuda.driver.JCudaDriver;
import org.jgrad.backend.device.DeviceMemory;

/** {@link DeviceMemory} from cuMemAlloc and cuMemFree on one device. */
final class DriverMemory implements DeviceMemory<CUdeviceptr> {
    private final CudaDevice device;

    DriverMemory(CudaDevice device) {
        this.device = device;
    }

    @Override
    public CUdeviceptr allocate(long bytes) {
        device.makeCurrent();
        CUdeviceptr pointer = new CUdeviceptr();
        int result = JCudaDriver.cuMemAlloc(pointer, bytes);
        if (result == CUresult.CUDA_ERROR_OUT_OF_MEMORY) {
            return null;
        }
        CudaCalls.check(result, "cuMemAlloc(" + bytes + ")");
        return pointer;
    }

    @Override
    public void release(CUdeviceptr block) {
        device.makeCurrent();
        CudaCalls.check(JCudaDriver.cuMemFree(block), "cuMemFree");
    }

    @Override
    public long freeBytes() {
        device.makeCurrent();
        return device.freeBytes();
    }
}
