package org.jgrad.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jgrad.train.History;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryPlotTest {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path folder;

    /** Ten epochs of a falling loss and a rising accuracy, training and validation. */
    private static History trainingRun() {
        History history = new History();
        for (int epoch = 1; epoch <= 10; epoch++) {
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("loss", 2.0 / epoch);
            values.put("accuracy", 1 - 0.8 / epoch);
            values.put("val_loss", 2.2 / epoch + 0.05);
            values.put("val_accuracy", 1 - 0.9 / epoch);
            history.addEpoch(values);
        }
        return history;
    }

    @Test
    void writesAPngOfTheRequestedSizeWithTheCurvesColours() throws IOException {
        Path file = folder.resolve("history.png");
        HistoryPlot.write(trainingRun(), file, 640, 480);
        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, 8), "PNG signature");
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(640, image.getWidth());
        assertEquals(480, image.getHeight());
        Set<Integer> colours = Pixels.colours(image);
        assertTrue(colours.size() > 10, "more than a few colours: " + colours.size());
        assertTrue(colours.contains(0x0072B2), "the training curve's blue is drawn");
        assertTrue(colours.contains(0xE69F00), "the validation curve's orange is drawn");
    }

    @Test
    void defaultSizeGrowsWithThePanels() throws IOException {
        Path file = folder.resolve("default.png");
        HistoryPlot.write(trainingRun(), file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(900, image.getWidth());
        assertEquals(60 + 2 * 240, image.getHeight(), "two panels: loss and accuracy");
    }

    @Test
    void pairsEachQuantityWithItsValidationValues() {
        Set<String> names = new LinkedHashSet<>(List.of("loss", "mae", "val_loss", "val_r2", "val_"));
        assertEquals(List.of(new HistoryPlot.Panel("loss", "loss", "val_loss"), new HistoryPlot.Panel("mae", "mae", null),
                new HistoryPlot.Panel("r2", null, "val_r2"), new HistoryPlot.Panel("val_", "val_", null)),
                HistoryPlot.panels(names));
    }

    @Test
    void refusesAnEmptyHistoryAndATinyImage() {
        Path file = folder.resolve("never.png");
        assertThrows(IllegalStateException.class, () -> HistoryPlot.write(new History(), file));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HistoryPlot.write(trainingRun(), file, 50, 400));
        assertTrue(e.getMessage().contains("50 × 400"), e.getMessage());
        assertTrue(Files.notExists(file));
    }
}
