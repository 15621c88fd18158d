package org.jgrad.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jgrad.DType;
import org.jgrad.backend.AdagradConfig;
import org.jgrad.backend.AdamConfig;
import org.jgrad.backend.BinaryOp;
import org.jgrad.backend.Buffer;
import org.jgrad.backend.ConvGeometry;
import org.jgrad.backend.Distribution;
import org.jgrad.backend.GemmShape;
import org.jgrad.backend.ReduceOp;
import org.jgrad.backend.RmspropConfig;
import org.jgrad.backend.SgdConfig;
import org.jgrad.backend.UnaryOp;
import org.junit.jupiter.api.Test;

/**
 * Every SPI primitive of the CUDA backend, run against {@link RecordingParts}: it launches the
 * kernels it should, each with arguments that match the PTX's parameters in number and size, and
 * rejects bad arguments before launching anything. What the kernels compute needs a GPU
 * (the conformance suite, run here through CudaUnderTest).
 */
class LaunchContractTest {
    private final RecordingParts parts = new RecordingParts();
    private final CudaBackend backend = parts.backend();

    private Buffer floats(int n) {
        return backend.allocate(DType.FLOAT32, n);
    }

    private Buffer ints(int n) {
        return backend.allocate(DType.INT32, n);
    }

    private void expect(String... kernels) {
        assertEquals(List.of(kernels), parts.take());
    }

    @Test
    void memoryAndConversions() {
        expect("fill_u32"); // the backend's own index-check word
        Buffer f = floats(10);
        Buffer i = ints(10);
        expect("fill_u32", "fill_u32");
        backend.fill(f, 2.5f);
        backend.fill(i, 3.9f);
        assertEquals(Float.floatToRawIntBits(2.5f), parts.launches.get(0).args()[1]);
        assertEquals(3, parts.launches.get(1).args()[1]);
        expect("fill_u32", "fill_u32");
        backend.cast(f, i);
        backend.cast(i, f);
        backend.cast(f, floats(10));
        expect("cast_f32_i32", "cast_i32_f32", "fill_u32", "copy_u32");
        backend.free(f);
        backend.free(f);
        assertThrows(IllegalStateException.class, () -> backend.fill(f, 1));
        assertArrayEquals(new float[10], backend.downloadFloat(floats(10)));
    }

    @Test
    void elementwiseAndMovement() {
        Buffer a = floats(12);
        Buffer b = floats(4);
        Buffer out = floats(12);
        parts.take();
        backend.unary(UnaryOp.GELU, 0f, a, out);
        assertEquals(UnaryOp.GELU.ordinal(), parts.launches.get(0).args()[0]);
        backend.binary(BinaryOp.POW, new int[] {3, 4}, a, new int[] {4, 1}, b, new int[] {0, 1}, out);
        backend.where(new int[] {3, 4}, a, new int[] {4, 1}, b, new int[] {0, 1}, a, new int[] {1, 3}, out);
        backend.copy(new int[] {4, 3}, a, 0, new int[] {1, 4}, out, 0, new int[] {3, 1});
        expect("unary_f32", "binary_f32", "where_f32", "copy_u32");
    }

    @Test
    void reductionsPickRowsOrColumns() {
        Buffer x = floats(6 * 5);
        Buffer rows = floats(6);
        Buffer index = ints(6);
        parts.take();
        backend.reduce(ReduceOp.SUM, x, 6, 5, 1, rows);
        backend.reduce(ReduceOp.ARGMAX, x, 2, 5, 3, index);
        expect("reduce_rows", "reduce_columns");
        assertThrows(IllegalArgumentException.class, () -> backend.reduce(ReduceOp.MAX, x, 6, 5, 1, index));
        assertThrows(IllegalArgumentException.class, () -> backend.reduce(ReduceOp.SUM, x, 5, 5, 1, rows));
        expect();
    }

    @Test
    void gemmOnTheOwnKernelCoversCWithTiles() {
        GemmShape shape = GemmShape.dense(3, 65, 130, 7, true, false);
        Buffer a = floats(3 * 65 * 7);
        Buffer b = floats(3 * 7 * 130);
        Buffer c = floats(3 * 65 * 130);
        parts.take();
        backend.gemm(shape, a, b, c);
        RecordingParts.Launch launch = parts.launches.get(0);
        assertEquals(List.of("sgemm_tiled"), parts.take());
        assertArrayEquals(new int[] {3, 2, 3, 16, 16}, new int[] {launch.gridX(), launch.gridY(), launch.gridZ(),
            launch.blockX(), launch.blockY()});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> backend.gemm(GemmShape.dense(4, 65, 130, 7, true, false), a, b, c));
        assertTrue(e.getMessage().startsWith("gemm: A addresses element "), e.getMessage());
        backend.gemm(GemmShape.dense(0, 65, 130, 7, false, false), a, b, c);
        expect();
    }

    @Test
    void convolutionGatherScatterAndRandom() {
        ConvGeometry g = new ConvGeometry(2, 3, 5, 5, 3, 3, 1, 1, 1, 1, 1, 1);
        Buffer image = floats(2 * 3 * 25);
        Buffer columns = floats(2 * 27 * 25);
        Buffer src = floats(2 * 5 * 4);
        Buffer index = ints(2 * 3 * 4);
        Buffer out = floats(2 * 3 * 4);
        parts.take();
        backend.im2col(g, 0f, image, columns);
        backend.col2im(g, columns, image);
        backend.gather(src, 2, 5, 4, index, 3, out);
        backend.scatterAdd(out, 2, 3, 4, index, 5, src);
        backend.random(Distribution.UNIFORM, 7L, 3L, -1f, 1f, out);
        backend.random(Distribution.NORMAL, 7L, 3L, 0f, 1f, out);
        expect("im2col_f32", "col2im_f32", "fill_u32", "check_indices", "gather_f32", "fill_u32", "check_indices",
                "scatter_add_f32", "random_uniform", "random_normal");
    }

    @Test
    void aBadIndexThrowsNamingItsPositionAndLaunchesNothingMore() {
        Buffer src = floats(2 * 5 * 4);
        Buffer index = ints(2 * 3 * 4);
        Buffer out = floats(2 * 3 * 4);
        parts.take();
        parts.reads.add((1 * 3 + 2) * 4 + 1);
        parts.reads.add(5);
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                () -> backend.gather(src, 2, 5, 4, index, 3, out));
        assertEquals("gather: index 5 at position (1, 2, 1) of the (outer 2, size 3, inner 4) index is outside the"
                + " valid range [0, 5)", e.getMessage());
        expect("fill_u32", "check_indices");
    }

    @Test
    void optimizerUpdatesPassNullForStateTheyDoNotUse() {
        Buffer p = floats(9);
        Buffer g = floats(9);
        Buffer s1 = floats(9);
        Buffer s2 = floats(9);
        Buffer s3 = floats(9);
        parts.take();
        backend.sgdStep(new SgdConfig(0.1f, 0f, 0f, 0f, false), false, p, g, s1);
        assertNull(parts.launches.get(0).args()[2], "no momentum: no buffer");
        backend.sgdStep(new SgdConfig(0.1f, 0.9f, 0f, 1e-4f, true), true, p, g, s1);
        backend.adamStep(new AdamConfig(1e-3f, 0.9f, 0.999f, 1e-8f, 0.01f, true, true), 3, p, g, s1, s2, s3);
        backend.rmspropStep(new RmspropConfig(0.01f, 0.99f, 1e-8f, 0f, 0.9f, true), p, g, s1, s2, s3);
        backend.adagradStep(new AdagradConfig(0.01f, 0f, 0f, 1e-10f), 1, p, g, s1);
        expect("sgd_step", "sgd_step", "adam_step", "rmsprop_step", "rmsprop_step");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> backend.adamStep(
                new AdamConfig(1e-3f, 0.9f, 0.999f, 1e-8f, 0f, false, true), 1, p, g, s1, s2, null));
        assertTrue(e.getMessage().contains("maxExpAvgSq"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> backend.sgdStep(new SgdConfig(0.1f, 0.9f, 0f, 0f, false),
                false, p, g, floats(8)));
        expect("fill_u32");
    }

    @Test
    void adamScalarsAreComputedAsOnTheCpu() {
        Buffer p = floats(4);
        Buffer m = floats(4);
        Buffer v = floats(4);
        parts.take();
        AdamConfig c = new AdamConfig(1e-3f, 0.9f, 0.999f, 1e-8f, 0.01f, true, false);
        backend.adamStep(c, 3, p, p, m, v, null);
        Object[] args = parts.launches.get(0).args();
        assertEquals((float) (1e-3f / (1 - Math.pow(0.9f, 3))), args[6]);
        assertEquals((float) Math.sqrt(1 - Math.pow(0.999f, 3)), args[7]);
        assertEquals((float) (1 - (double) 1e-3f * 0.01f), args[8]);
        assertEquals(0f, args[9]);
    }
}
