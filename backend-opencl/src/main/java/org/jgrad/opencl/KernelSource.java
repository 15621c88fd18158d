package org.jgrad.opencl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The OpenCL C sources of jgrad-kernels ({@code ops.h}, {@code opencl/*.cl}), joined into one program. */
final class KernelSource {
    /** The op codes (shared with the CUDA kernels), then common.cl: the others use both. */
    private static final List<String> FILES = List.of("ops.h", "opencl/common.cl", "opencl/elementwise.cl",
            "opencl/reduce.cl", "opencl/gemm.cl", "opencl/conv.cl", "opencl/indexing.cl", "opencl/random.cl",
            "opencl/optim.cl");

    private KernelSource() {
    }

    static String program() {
        StringBuilder source = new StringBuilder();
        for (String path : FILES) {
            try (InputStream in = KernelSource.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("OpenCL kernel source " + path
                            + " is not on the class path (is jgrad-kernels missing?)");
                }
                source.append("// ---- ").append(path).append('\n')
                        .append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + path, e);
            }
        }
        return source.toString();
    }
}
