package org.jgrad.opencl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The OpenCL C sources of jgrad-kernels ({@code opencl/*.cl}), joined into one program. */
final class KernelSource {
    /** common.cl first: the others use its helpers. */
    private static final List<String> FILES =
            List.of("common.cl", "elementwise.cl", "reduce.cl", "gemm.cl", "conv.cl", "indexing.cl", "random.cl", "optim.cl");

    private KernelSource() {
    }

    static String program() {
        StringBuilder source = new StringBuilder();
        for (String file : FILES) {
            String path = "opencl/" + file;
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
