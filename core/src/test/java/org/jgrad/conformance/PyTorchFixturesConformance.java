package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.jgrad.Tensor;
import org.jgrad.io.Checkpoint;
import org.jgrad.io.SafeTensors;
import org.jgrad.io.SafeTensorsContent;
import org.jgrad.io.TrainingProgress;
import org.jgrad.nn.Module;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Weights PyTorch itself wrote (torch 1.13, {@code scripts/pytorch/make-fixtures.py}; the files are
 * in core's test resources under {@code pytorch/}) load strictly into the same architectures built
 * in jgrad, and give PyTorch's outputs within 1e-5: an MLP, Conv-BatchNorm-ReLU-Pool-Linear,
 * torchvision's BasicBlock, LayerNorm/GELU and a grouped, strided, dilated conv; the MLP also from
 * F16 and BF16 files. Models with BatchNorm also run one training step: same output, same running
 * statistics and {@code num_batches_tracked} afterwards.
 */
public class PyTorchFixturesConformance extends TensorConformanceSupport {
    private static final double TOLERANCE = 1e-5;

    @TempDir
    Path dir;

    static Stream<String> fixtures() {
        return Stream.concat(PyTorchModels.all().keySet().stream(), Stream.of("mlp.f16", "mlp.bf16"));
    }

    private Path resource(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = PyTorchFixturesConformance.class.getResourceAsStream("pytorch/" + name)) {
            if (in == null) {
                throw new IOException("test resource pytorch/" + name + " is missing; run scripts/pytorch/make-fixtures.py");
            }
            Files.copy(in, file);
        }
        return file;
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void pyTorchWeightsLoadStrictlyAndGivePyTorchsOutputs(String fixture) throws Exception {
        String architecture = fixture.contains(".") ? fixture.substring(0, fixture.indexOf('.')) : fixture;
        PyTorchModels.Architecture arch = PyTorchModels.all().get(architecture);
        try (Module model = arch.build().get()) {
            model.to(backend());
            assertEquals(TrainingProgress.START, Checkpoint.of(model).load(resource(fixture + ".safetensors")));
            try (SafeTensorsContent io = SafeTensors.read(resource(fixture + ".io.safetensors"), backend())) {
                Map<String, Tensor> expected = io.tensors();
                Tensor input = expected.get("input");
                assertArrayEquals(arch.inputShape(), input.shape());
                model.eval();
                assertClose(fixture + " eval output", expected.get("output"), model.forward(input));
                if (expected.containsKey("train_output")) {
                    model.train();
                    assertClose(fixture + " training output", expected.get("train_output"), model.forward(input));
                    model.stateDict().forEach((key, value) -> {
                        Tensor after = expected.get("after." + key);
                        if (key.endsWith("num_batches_tracked")) {
                            assertArrayEquals(new int[] {8}, value.toIntArray(), key + ": 7 in the file, one step more");
                            assertArrayEquals(after.toIntArray(), value.toIntArray(), key);
                        } else if (after != null) {
                            assertClose(fixture + " " + key + " after a training step", after, value);
                        }
                    });
                }
            }
        }
    }

    private static void assertClose(String what, Tensor expected, Tensor actual) {
        assertArrayEquals(expected.shape(), actual.shape(), what + " shape");
        float[] want = expected.toFloatArray();
        float[] got = actual.toFloatArray();
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], TOLERANCE, what + " element " + i);
        }
    }
}
