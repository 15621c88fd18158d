package org.jgrad.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What can be checked of the Java-to-kernel contract without a GPU: the Java side launches exactly
 * the kernels the PTX defines, and the structs it packs have the sizes the PTX declares for them
 * (the op codes are checked in the kernels module, OpTableTest).
 */
class KernelSourcesTest {
    private static final List<String> MODULES = List.of("elementwise", "reduce", "gemm", "conv", "indexing", "random", "optim");

    private static String ptx(String module) throws IOException {
        try (InputStream in = KernelSourcesTest.class.getResourceAsStream("/cuda/" + module + ".ptx")) {
            assertNotNull(in, "cuda/" + module + ".ptx on the class path");
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void javaLaunchesExactlyTheKernelsThePtxDefines() throws IOException {
        Set<String> entries = new TreeSet<>();
        for (String module : MODULES) {
            Matcher m = Pattern.compile("\\.entry (\\w+)\\(").matcher(ptx(module));
            while (m.find()) {
                entries.add(m.group(1));
            }
        }
        Set<String> launched = new TreeSet<>();
        Pattern kernelName = Pattern.compile("\"([a-z0-9]+_[a-z0-9_]+)\"");
        try (Stream<Path> files = Files.list(Path.of("src/main/java/org/jgrad/cuda"))) {
            for (Path file : files.toList()) {
                Matcher m = kernelName.matcher(Files.readString(file));
                while (m.find()) {
                    launched.add(m.group(1));
                }
            }
        }
        assertEquals(entries, launched);
    }

    @Test
    void packedStructsHaveThePtxParameterSizes() throws IOException {
        assertEquals(StridedLayout.BYTES,
                paramBytes(ptx("elementwise"), "binary_f32_param_1"));
        assertEquals(CudaGemm.args(org.jgrad.backend.GemmShape.dense(1, 1, 1, 1, false, false), 0).length,
                paramBytes(ptx("gemm"), "sgemm_tiled_param_0"));
        assertEquals(14 * 4, paramBytes(ptx("conv"), "im2col_f32_param_0"));
    }

    private static int paramBytes(String ptx, String param) {
        Matcher m = Pattern.compile(Pattern.quote(param) + "\\[(\\d+)\\]").matcher(ptx);
        m.find();
        return Integer.parseInt(m.group(1));
    }
}
