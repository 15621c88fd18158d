package org.jgrad.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jgrad.DType;
import org.jgrad.backend.Buffer;
import org.jgrad.backend.ConvGeometry;
import org.jgrad.backend.Distribution;
import org.jgrad.backend.GemmShape;
import org.jgrad.backend.PreparedB;
import org.junit.jupiter.api.Test;

/**
 * The switch from the scalar product kernels to the Vector API ones once {@link KernelWarmup} has
 * them compiled. Surefire runs this class in a JVM of its own with the warm-up on (the rest of the
 * suite turns it off, so that each test runs the path it names).
 */
class KernelWarmupTest {
    /** Far beyond the warm-up's own limit (10 s): reaching it means the switch never came. */
    private static final long WAIT_MILLIS = 120_000;

    private final CpuBackend backend = new CpuBackend();

    @Test
    void productsGiveTheSameBitsBeforeAndAfterTheSwitch() throws InterruptedException {
        assumeTrue(VectorSupport.enabled(), "the switch exists only on the Vector API path");
        List<float[]> early = products();
        boolean switchedEarly = VectorSupport.gemmReady() && VectorSupport.convolutionReady();
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (!(VectorSupport.gemmReady() && VectorSupport.convolutionReady()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(VectorSupport.gemmReady() && VectorSupport.convolutionReady(),
                "the warm-up never switched the products to the Vector API kernels");
        List<float[]> late = products();
        for (int i = 0; i < early.size(); i++) {
            assertArrayEquals(early.get(i), late.get(i), "product " + i + " before and after the switch"
                    + (switchedEarly ? " (the switch had come before the first products)" : ""));
        }
    }

    @Test
    void uniformFillsStayScalarForAModelsWeightsAndGiveTheSameBitsAfterTheSwitch() throws InterruptedException {
        assumeTrue(VectorSupport.enabled() && PhiloxVectorKernels.pays(), "the vector fill is used only with 512-bit vectors");
        Buffer out = backend.allocate(DType.FLOAT32, 100_003);
        backend.random(Distribution.UNIFORM, 11, 5, -2f, 3f, out);
        float[] early = backend.downloadFloat(out);
        assertFalse(KernelWarmup.requested(KernelFamily.RANDOM), "the vector fill was warmed for one fill");
        Buffer small = backend.allocate(DType.FLOAT32, 64);
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (!KernelWarmup.isCompiled(KernelFamily.RANDOM) && System.currentTimeMillis() < deadline) {
            backend.random(Distribution.UNIFORM, 1, 0, 0f, 1f, small);
            Thread.sleep(1);
        }
        assertTrue(KernelWarmup.isCompiled(KernelFamily.RANDOM), "repeated fills never switched to the vector fill");
        backend.random(Distribution.UNIFORM, 11, 5, -2f, 3f, out);
        assertArrayEquals(early, backend.downloadFloat(out), "a uniform fill before and after the switch");
    }

    @Test
    void everyFamilyHasExercisesThatRunOnTheBackend() {
        for (KernelFamily family : KernelFamily.values()) {
            List<WarmupExercise> exercises = WarmupExercises.of(family);
            assertFalse(exercises.isEmpty(), "no exercise for " + family);
            for (WarmupExercise exercise : exercises) {
                assertEquals(family, exercise.family(), exercise.name());
                assertDoesNotThrow(exercise.call()::run, exercise.name());
            }
        }
    }

    /** GEMMs along each blocked path (both betas, each transpose, many rows, B packed) and a convolution's three outputs. */
    private List<float[]> products() {
        Random random = new Random(7);
        List<float[]> results = new ArrayList<>();
        for (GemmShape shape : new GemmShape[] {GemmShape.dense(1, 64, 96, 300, false, false),
            GemmShape.dense(1, 128, 256, 97, false, true), GemmShape.dense(1, 33, 70, 64, true, false),
            GemmShape.dense(3, 17, 40, 21, false, false)}) {
            Buffer a = gaussians(random, shape.batch() * shape.m() * shape.k());
            Buffer b = gaussians(random, shape.batch() * shape.k() * shape.n());
            Buffer c = gaussians(random, shape.batch() * shape.m() * shape.n());
            backend.gemm(shape, a, b, c);
            results.add(backend.downloadFloat(c));
        }
        GemmShape single = GemmShape.dense(1, 64, 256, 256, false, false);
        Buffer a = gaussians(random, single.m() * single.k());
        Buffer c = backend.allocate(DType.FLOAT32, single.m() * single.n());
        try (PreparedB packed = backend.prepareGemmB(single, gaussians(random, single.k() * single.n()))) {
            backend.gemm(single, a, packed, c);
        }
        results.add(backend.downloadFloat(c));
        ConvGeometry g = new ConvGeometry(4, 6, 14, 14, 3, 3, 1, 1, 1, 1, 1, 1);
        int outChannels = 8;
        Buffer image = gaussians(random, g.batch() * g.channels() * g.height() * g.width());
        Buffer weight = gaussians(random, outChannels * g.colRows());
        Buffer grad = gaussians(random, g.batch() * outChannels * g.colCols());
        Buffer out = backend.allocate(DType.FLOAT32, grad.length());
        Buffer gradImage = backend.allocate(DType.FLOAT32, image.length());
        Buffer gradWeight = backend.allocate(DType.FLOAT32, weight.length());
        backend.conv2d(g, outChannels, 1, image, weight, out);
        backend.conv2dBackward(g, outChannels, 1, image, weight, grad, gradImage, gradWeight);
        results.add(backend.downloadFloat(out));
        results.add(backend.downloadFloat(gradImage));
        results.add(backend.downloadFloat(gradWeight));
        return results;
    }

    private Buffer gaussians(Random random, int length) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        Buffer buffer = backend.allocate(DType.FLOAT32, length);
        backend.upload(values, buffer);
        return buffer;
    }
}
