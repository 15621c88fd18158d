package org.jgrad.conformance;

import java.util.stream.Stream;
import org.jgrad.DType;
import org.jgrad.backend.Backend;
import org.jgrad.backend.Buffer;
import org.jgrad.backend.ConvGeometry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * im2colAcrossBatch and col2imAcrossBatch, on the backend's own primitives and, through a wrapper
 * that keeps the SPI's defaults, on im2col and copy: the per-image direct loops of
 * {@link ConvConformance}, with the columns' (image, row) axes swapped.
 */
public class ConvAcrossBatchConformance extends ConformanceSupport {

    static Stream<ConvGeometry> geometries() {
        return ConvConformance.geometries();
    }

    @ParameterizedTest
    @MethodSource("geometries")
    void im2colAcrossBatchIsIm2colWithImagesSideBySide(ConvGeometry g) {
        float[] image = randomFloats(ConvConformance.imageSize(g), 21);
        for (Backend route : routes()) {
            for (float padValue : new float[] {0f, 2.5f}) {
                Buffer columns = route.allocate(DType.FLOAT32, ConvConformance.columnsSize(g));
                route.im2colAcrossBatch(g, padValue, upload(image), columns);
                assertClose("im2colAcrossBatch " + route + ", " + g + " pad " + padValue,
                        acrossBatch(g, ConvConformance.im2colReference(g, padValue, image)),
                        route.downloadFloat(columns), 0, 0);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("geometries")
    void col2imAcrossBatchFoldsAndOverwritesImage(ConvGeometry g) {
        float[] columns = randomFloats(ConvConformance.columnsSize(g), 22);
        float[] perImage = new float[columns.length];
        perImage(g, columns, perImage);
        for (Backend route : routes()) {
            Buffer image = upload(randomFloats(ConvConformance.imageSize(g), 23, 50, 60));
            route.col2imAcrossBatch(g, upload(columns), image);
            assertClose("col2imAcrossBatch " + route + ", " + g, ConvConformance.col2imReference(g, perImage),
                    route.downloadFloat(image), 1e-5, 1e-5);
        }
    }

    private Backend[] routes() {
        return new Backend[] {backend(), new ForwardingBackend(backend())};
    }

    /** Per-image columns (N, R, P) laid out as (R, N, P). */
    private static double[] acrossBatch(ConvGeometry g, double[] perImage) {
        int rows = g.colRows();
        int windows = g.colCols();
        double[] out = new double[perImage.length];
        for (int n = 0; n < g.batch(); n++) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(perImage, (n * rows + r) * windows, out, (r * g.batch() + n) * windows, windows);
            }
        }
        return out;
    }

    /** Columns (R, N, P) laid out per image as (N, R, P). */
    private static void perImage(ConvGeometry g, float[] acrossBatch, float[] out) {
        int rows = g.colRows();
        int windows = g.colCols();
        for (int n = 0; n < g.batch(); n++) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(acrossBatch, (r * g.batch() + n) * windows, out, (n * rows + r) * windows, windows);
            }
        }
    }
}
