package org.jgrad.cuda;

import static org.jgrad.cuda.CudaCalls.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jcuda.NativePointerObject;
import jcuda.Pointer;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import jcuda.driver.CUresult;
import jcuda.driver.JCudaDriver;

/**
 * The PTX modules of jgrad-kernels (resources cuda/NAME.ptx), loaded once when the backend
 * starts, and launches of their kernels on the device's stream. Arguments are boxed Java values
 * turned into kernel parameters: Integer, Long, Float, Boolean (as int), a device pointer, null
 * (a null pointer), or byte[] holding a struct passed by value.
 */
final class Kernels implements Launcher {
    private static final List<String> MODULES = List.of("elementwise", "reduce", "gemm", "conv", "indexing", "random", "optim");
    private final CudaDevice device;
    private final List<CUmodule> modules = new ArrayList<>();
    private final Map<String, CUfunction> functions = new HashMap<>();
    private final Map<String, int[]> signatures = new HashMap<>();

    Kernels(CudaDevice device) {
        this.device = device;
        for (String name : MODULES) {
            byte[] ptx = ptx(name);
            signatures.putAll(PtxSignatures.parse(new String(ptx, StandardCharsets.US_ASCII)));
            CUmodule module = new CUmodule();
            int result = JCudaDriver.cuModuleLoadData(module, ptx);
            if (result == CUresult.CUDA_ERROR_UNSUPPORTED_PTX_VERSION) {
                throw new CudaException("cuda/" + name + ".ptx needs a newer NVIDIA driver: PTX ISA 9.0 (nvcc 13) needs"
                        + " driver 580 or later; update the driver, or rebuild the PTX with the nvcc of an older"
                        + " toolkit: NVCC=/path/to/nvcc kernels/build-ptx");
            }
            check(result, "cuModuleLoadData(cuda/" + name + ".ptx)");
            modules.add(module);
        }
    }

    /** The PTX text, NUL-terminated as cuModuleLoadData wants it. */
    private static byte[] ptx(String name) {
        String resource = "/cuda/" + name + ".ptx";
        try (InputStream in = Kernels.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("cuda: " + resource + " is not on the class path (jgrad-kernels missing?)");
            }
            byte[] text = in.readAllBytes();
            return Arrays.copyOf(text, text.length + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cuda: cannot read " + resource, e);
        }
    }

    @Override
    public void launch(String kernel, int gridX, int gridY, int gridZ, int blockX, int blockY, Object... args) {
        CUfunction function = function(kernel);
        PtxSignatures.check(kernel, signatures.get(kernel), args);
        device.makeCurrent();
        Pointer[] params = new Pointer[args.length];
        for (int i = 0; i < args.length; i++) {
            params[i] = parameter(args[i]);
        }
        check(JCudaDriver.cuLaunchKernel(function, gridX, gridY, gridZ, blockX, blockY, 1, 0, device.stream(),
                Pointer.to(params), null), "cuLaunchKernel(" + kernel + ")");
    }

    private static Pointer parameter(Object arg) {
        if (arg == null) {
            return Pointer.to(new long[] {0});
        } else if (arg instanceof Integer v) {
            return Pointer.to(new int[] {v});
        } else if (arg instanceof Long v) {
            return Pointer.to(new long[] {v});
        } else if (arg instanceof Float v) {
            return Pointer.to(new float[] {v});
        } else if (arg instanceof Boolean v) {
            return Pointer.to(new int[] {v ? 1 : 0});
        } else if (arg instanceof byte[] struct) {
            return Pointer.to(struct);
        } else if (arg instanceof NativePointerObject pointer) {
            return Pointer.to(pointer);
        }
        throw new IllegalArgumentException("cuda: cannot pass " + arg.getClass().getName() + " to a kernel");
    }

    private synchronized CUfunction function(String kernel) {
        CUfunction function = functions.get(kernel);
        if (function == null) {
            for (CUmodule module : modules) {
                CUfunction candidate = new CUfunction();
                int result = JCudaDriver.cuModuleGetFunction(candidate, module, kernel);
                if (result == CUresult.CUDA_SUCCESS) {
                    function = candidate;
                    break;
                }
                if (result != CUresult.CUDA_ERROR_NOT_FOUND) { // not found: another module holds it
                    check(result, "cuModuleGetFunction(" + kernel + ")");
                }
            }
            if (function == null) {
                throw new IllegalStateException("cuda: no kernel named " + kernel + " in " + MODULES);
            }
            functions.put(kernel, function);
        }
        return function;
    }

    @Override
    public void close() {
        device.makeCurrent();
        for (CUmodule module : modules) {
            check(JCudaDriver.cuModuleUnload(module), "cuModuleUnload");
        }
        modules.clear();
        functions.clear();
    }
}
