package org.jgrad.cuda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jcuda.driver.CUdeviceptr;
import org.jgrad.backend.device.CachingAllocator;
import org.jgrad.backend.device.DeviceMemory;

/**
 * A CUDA backend without a GPU: launches are checked against the real PTX signatures and
 * recorded, memory is bookkeeping only, uploads vanish and downloads read zeros. It tests what
 * the host side sends to the kernels, never what the kernels compute.
 */
final class RecordingParts {
    /** One recorded launch. */
    record Launch(String kernel, int gridX, int gridY, int gridZ, int blockX, int blockY, Object[] args) {
    }

    final List<Launch> launches = new ArrayList<>();
    /** Answers of readInt, in order; when empty, "no bad index" (Integer.MAX_VALUE). */
    final ArrayDeque<Integer> reads = new ArrayDeque<>();
    private final Map<String, int[]> signatures = new HashMap<>();

    RecordingParts() {
        for (String module : List.of("elementwise", "reduce", "gemm", "conv", "indexing", "random", "optim")) {
            try (InputStream in = RecordingParts.class.getResourceAsStream("/cuda/" + module + ".ptx")) {
                signatures.putAll(PtxSignatures.parse(new String(in.readAllBytes(), StandardCharsets.US_ASCII)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    CudaBackend backend() {
        Launcher launcher = new Launcher() {
            @Override
            public void launch(String kernel, int gridX, int gridY, int gridZ, int blockX, int blockY, Object... args) {
                int[] sizes = signatures.get(kernel);
                if (sizes == null) {
                    throw new IllegalStateException("no kernel named " + kernel);
                }
                PtxSignatures.check(kernel, sizes, args);
                launches.add(new Launch(kernel, gridX, gridY, gridZ, blockX, blockY, args));
            }

            @Override
            public void close() {
            }
        };
        DeviceMemory<CUdeviceptr> memory = new DeviceMemory<>() {
            @Override
            public CUdeviceptr allocate(long bytes) {
                return new CUdeviceptr();
            }

            @Override
            public void release(CUdeviceptr block) {
            }

            @Override
            public long freeBytes() {
                return 0;
            }
        };
        Transfers transfers = new Transfers() {
            @Override
            public void upload(float[] src, CudaBuffer dst) {
            }

            @Override
            public void upload(int[] src, CudaBuffer dst) {
            }

            @Override
            public float[] downloadFloat(CudaBuffer src) {
                return new float[src.length()];
            }

            @Override
            public int[] downloadInt(CudaBuffer src) {
                return new int[src.length()];
            }

            @Override
            public int readInt(CudaBuffer src, int index) {
                return reads.isEmpty() ? Integer.MAX_VALUE : reads.poll();
            }

            @Override
            public void synchronize() {
            }
        };
        return new CudaBackend(new CudaBackend.Parts("recorder", new CachingAllocator<>("cuda", memory), launcher, transfers,
                new CudaGemm(launcher, null, false), () -> { }));
    }

    /** Kernel names launched since the last call, in order; then forgets them. */
    List<String> take() {
        List<String> names = launches.stream().map(Launch::kernel).toList();
        launches.clear();
        return names;
    }
}
