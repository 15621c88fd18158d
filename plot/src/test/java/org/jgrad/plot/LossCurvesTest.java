package org.jgrad.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LossCurvesTest {
    @TempDir
    Path folder;

    @Test
    void drawsEveryCurveInItsPaletteColour() throws Exception {
        Map<String, double[]> curves = new LinkedHashMap<>();
        for (int c = 0; c < 9; c++) {
            double[] losses = new double[20];
            for (int e = 0; e < losses.length; e++) {
                losses[e] = (1 + c) * 0.1 / (1 + 0.3 * e);
            }
            curves.put("run " + c, losses);
        }
        Path file = folder.resolve("losses.png");
        LossCurves.write(file, "losses", curves);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(1000, image.getWidth());
        assertEquals(600, image.getHeight());
        Set<Integer> colours = Pixels.colours(image);
        for (int c = 0; c < 8; c++) {
            int rgb = Palette.colour(c).getRGB() & 0xffffff;
            assertTrue(colours.contains(rgb), "curve " + c + "'s colour " + Integer.toHexString(rgb) + " is drawn");
        }
    }
}
