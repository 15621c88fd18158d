package org.jgrad.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressFormatTest {

    @Test
    void barFillsInThirtiethsWithAnArrowHead() {
        assertEquals("[" + ".".repeat(30) + "]", ProgressFormat.bar(0, 10));
        assertEquals("[>" + ".".repeat(29) + "]", ProgressFormat.bar(1, 30));
        assertEquals("[==============>...............]", ProgressFormat.bar(1, 2));
        assertEquals("[" + "=".repeat(28) + ">.]", ProgressFormat.bar(29, 30));
        assertEquals("[" + "=".repeat(30) + "]", ProgressFormat.bar(30, 30));
        assertEquals("[" + "=".repeat(30) + "]", ProgressFormat.bar(31, 30));
    }

    @Test
    void countIsAlignedToTheTotal() {
        assertEquals("  7/120", ProgressFormat.count(7, 120));
        assertEquals("120/120", ProgressFormat.count(120, 120));
    }

    @Test
    void durationsReadAsSecondsMinutesOrHours() {
        assertEquals("0.0s", ProgressFormat.duration(0));
        assertEquals("4.2s", ProgressFormat.duration(4.2));
        assertEquals("35s", ProgressFormat.duration(35.4));
        assertEquals("1:00", ProgressFormat.duration(59.6));
        assertEquals("3:05", ProgressFormat.duration(185));
        assertEquals("1:02:03", ProgressFormat.duration(3723));
    }

    @Test
    void numbersHaveFourDecimalsOrAnExponent() {
        assertEquals("0.0000", ProgressFormat.number(0));
        assertEquals("0.1235", ProgressFormat.number(0.12346));
        assertEquals("-2.5000", ProgressFormat.number(-2.5));
        assertEquals("1.0000e-05", ProgressFormat.number(1e-5));
        assertEquals("1.2346e+05", ProgressFormat.number(123456));
        assertEquals("NaN", ProgressFormat.number(Double.NaN));
        assertEquals("3.2 samples/s", ProgressFormat.rate(3.24));
        assertEquals("1235 samples/s", ProgressFormat.rate(1234.6));
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("loss", 0.5);
        values.put("val_loss", 0.25);
        assertEquals(" - loss: 0.5000 - val_loss: 0.2500", ProgressFormat.values(values));
    }
}
