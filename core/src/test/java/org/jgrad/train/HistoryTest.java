package org.jgrad.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTest {
    @TempDir
    Path folder;

    private static Map<String, Double> values(Object... nameValuePairs) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            map.put((String) nameValuePairs[i], ((Number) nameValuePairs[i + 1]).doubleValue());
        }
        return map;
    }

    @Test
    void keepsValuesPerEpochAndNamesInOrderOfFirstAppearance() {
        History history = new History();
        history.addEpoch(values("loss", 1.5, "accuracy", 0.25));
        history.addEpoch(values("loss", 0.75, "accuracy", 0.5, History.validationName("loss"), 0.8));
        assertEquals(2, history.epochs());
        assertEquals(List.of("loss", "accuracy", "val_loss"), history.names());
        assertArrayEquals(new double[] {1.5, 0.75}, history.values("loss"));
        assertArrayEquals(new double[] {Double.NaN, 0.8}, history.values("val_loss"));
        assertEquals(0.5, history.value(2, "accuracy"));
        assertEquals(values("loss", 1.5, "accuracy", 0.25), history.epoch(1));
        assertThrows(IndexOutOfBoundsException.class, () -> history.value(3, "loss"));
        assertThrows(IndexOutOfBoundsException.class, () -> history.epoch(0));
    }

    @Test
    void csvHasOneRowPerEpochWithExactValuesAndEmptyCellsWhereMissing() throws IOException {
        History history = new History();
        history.addEpoch(values("loss", 2.302585092994046, "accuracy", 0.1));
        history.addEpoch(values("loss", 1.0E-5, "accuracy", Double.NaN, "val_loss", 0.5, "weird,\"name\"", 3));
        Path file = folder.resolve("out/history.csv");
        history.toCsv(file);
        String expected = "epoch,loss,accuracy,val_loss,\"weird,\"\"name\"\"\"\n"
                + "1,2.302585092994046,0.1,,\n"
                + "2,1.0E-5,NaN,0.5,3.0\n";
        assertEquals(expected, Files.readString(file, StandardCharsets.UTF_8));
        try (var listing = Files.list(file.getParent())) {
            assertEquals(List.of(file), listing.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void csvReplacesAnExistingFile() throws IOException {
        Path file = folder.resolve("history.csv");
        Files.writeString(file, "old content that is longer than the new one\n".repeat(10));
        History history = new History();
        history.addEpoch(values("loss", 0.5));
        history.toCsv(file);
        assertEquals("epoch,loss\n1,0.5\n", Files.readString(file));
    }

    @Test
    void badValuesAreRejected() {
        History history = new History();
        Map<String, Double> withNull = new LinkedHashMap<>();
        withNull.put("loss", null);
        assertThrows(IllegalArgumentException.class, () -> history.addEpoch(withNull));
        assertThrows(IllegalArgumentException.class, () -> history.addEpoch(values("", 1)));
        assertEquals(0, history.epochs());
    }
}
