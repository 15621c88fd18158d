package org.jgrad.cuda;

import static org.jgrad.cuda.CudaCalls.checkBlas;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jcuda.Pointer;
import jcuda.jcublas.JCublas2;
import jcuda.jcublas.cublasHandle;
import jcuda.jcublas.cublasMath;
import jcuda.jcublas.cublasOperation;
import jcuda.runtime.cudaStream_t;
import org.jgrad.backend.Extents;
import org.jgrad.backend.GemmShape;

/**
 * Batched SGEMM: cublasSgemmStridedBatched on the backend's stream (see {@link GemmMapping} for
 * the row-major mapping), or jgrad's own sgemm_tiled kernel when JCublas2 cannot load (it needs
 * libcublas.so.12; a machine with only CUDA 13 libraries lacks it), which is said once, in one
 * line. TF32 tensor-core math is off unless {@code -Djgrad.cuda.tf32=true} (PyTorch's default for
 * matmul too); {@code -Djgrad.cuda.gemm=kernel} forces the own kernel.
 */
final class CudaGemm implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(CudaGemm.class.getName());
    private final Launcher kernels;
    private final cublasHandle handle;
    private final String engine;

    /** GEMM through {@code handle}, or through the own kernel when it is null. */
    CudaGemm(Launcher kernels, cublasHandle handle, boolean tf32) {
        this.kernels = kernels;
        this.handle = handle;
        engine = handle != null ? "cuBLAS" + (tf32 ? " (TF32)" : "") : "jgrad sgemm_tiled";
    }

    /** cuBLAS on the device's stream if it loads (and is not turned off), else the own kernel, said once. */
    static CudaGemm start(CudaDevice device, Launcher kernels) {
        boolean tf32 = Boolean.getBoolean("jgrad.cuda.tf32");
        if ("kernel".equals(System.getProperty("jgrad.cuda.gemm"))) {
            LOG.log(System.Logger.Level.INFO, "cuda: GEMM runs on jgrad's own kernel (-Djgrad.cuda.gemm=kernel)");
            return new CudaGemm(kernels, null, false);
        }
        try {
            cublasHandle handle = new cublasHandle();
            checkBlas(JCublas2.cublasCreate(handle), "cublasCreate");
            checkBlas(JCublas2.cublasSetStream(handle, new cudaStream_t(device.stream())), "cublasSetStream");
            checkBlas(JCublas2.cublasSetMathMode(handle, tf32 ? cublasMath.CUBLAS_TF32_TENSOR_OP_MATH
                    : cublasMath.CUBLAS_DEFAULT_MATH), "cublasSetMathMode");
            return new CudaGemm(kernels, handle, tf32);
        } catch (LinkageError | CudaException e) {
            LOG.log(System.Logger.Level.INFO, "cuda: GEMM runs on jgrad's own kernel (cuBLAS unavailable: "
                    + e.getMessage() + ")");
            return new CudaGemm(kernels, null, false);
        }
    }

    /** "cuBLAS" or the own kernel, for the backend's description. */
    String engine() {
        return engine;
    }

    void gemm(GemmShape s, CudaBuffer a, CudaBuffer b, CudaBuffer c) {
        Extents.checkGemm(s, a.length(), b.length(), c.length());
        if ((long) s.batch() * s.m() * s.n() == 0) {
            return;
        }
        if (handle != null && s.k() > 0) {
            cublas(GemmMapping.of(s), s.alpha(), s.beta(), a, b, c);
        } else {
            ownKernel(s, a, b, c);
        }
    }

    private void cublas(GemmMapping g, float alpha, float beta, CudaBuffer a, CudaBuffer b, CudaBuffer c) {
        checkBlas(JCublas2.cublasSgemmStridedBatched(handle,
                g.transFirst() ? cublasOperation.CUBLAS_OP_T : cublasOperation.CUBLAS_OP_N,
                g.transSecond() ? cublasOperation.CUBLAS_OP_T : cublasOperation.CUBLAS_OP_N,
                g.rows(), g.cols(), g.depth(), Pointer.to(new float[] {alpha}),
                b.pointer().withByteOffset(4L * g.offsetFirst()), g.ldFirst(), g.strideFirst(),
                a.pointer().withByteOffset(4L * g.offsetSecond()), g.ldSecond(), g.strideSecond(),
                Pointer.to(new float[] {beta}), c.pointer().withByteOffset(4L * g.offsetC()), g.ldc(), g.strideC(),
                g.batch()), "cublasSgemmStridedBatched");
    }

    /** sgemm_tiled, the batch in chunks of at most 65,535 (gridDim.z's limit). */
    private void ownKernel(GemmShape s, CudaBuffer a, CudaBuffer b, CudaBuffer c) {
        if (LaunchGeometry.gemmTiles(s.m()) > LaunchGeometry.MAX_GRID_YZ) {
            throw new IllegalArgumentException("gemm: m = " + s.m() + " rows exceed the own kernel's grid limit of "
                    + (long) LaunchGeometry.MAX_GRID_YZ * LaunchGeometry.GEMM_TILE);
        }
        for (int first = 0; first < s.batch(); first += LaunchGeometry.MAX_GRID_YZ) {
            int count = Math.min(LaunchGeometry.MAX_GRID_YZ, s.batch() - first);
            kernels.launch("sgemm_tiled", LaunchGeometry.gemmTiles(s.n()), LaunchGeometry.gemmTiles(s.m()), count, 16, 16,
                    args(s, first), a.pointer(), b.pointer(), c.pointer());
        }
    }

    /** gemm.cu's struct GemmArgs for the batch entries from {@code first}. */
    static byte[] args(GemmShape s, int first) {
        return ByteBuffer.allocate(88).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(s.m()).putInt(s.n()).putInt(s.k()).putInt(s.transA() ? 1 : 0).putInt(s.transB() ? 1 : 0)
                .putFloat(s.alpha()).putFloat(s.beta()).putInt(s.lda()).putInt(s.ldb()).putInt(s.ldc())
                .putLong(s.offsetA() + first * s.strideA()).putLong(s.strideA())
                .putLong(s.offsetB() + first * s.strideB()).putLong(s.strideB())
                .putLong(s.offsetC() + first * s.strideC()).putLong(s.strideC())
                .array();
    }

    @Override
    public void close() {
        if (handle != null) {
            checkBlas(JCublas2.cublasDestroy(handle), "cublasDestroy");
        }
    }
}
