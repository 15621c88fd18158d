package org.jgrad.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OptionsTest {
    @Test
    void givenValuesAndDefaults() {
        Options options = Options.parse(new String[] {"--size", "2048", "--lr", "0.5", "--data", "/tmp/m"},
                "--size", "--lr", "--data", "--backend", "--seed");
        assertEquals(2048, options.integer("--size", 1024, 1));
        assertEquals(0.5, options.real("--lr", 0.1));
        assertEquals(Path.of("/tmp/m"), options.path("--data", Path.of("x")));
        assertEquals("cpu", options.string("--backend", "cpu"));
        assertEquals(7L, options.longValue("--seed", 7));
    }

    @Test
    void unknownOptionNamesItAndTheExpectedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Options.parse(new String[] {"--sise", "4"}, "--size", "--seconds"));
        assertEquals("unknown option --sise; expected options --size, --seconds", e.getMessage());
    }

    @Test
    void missingValueIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Options.parse(new String[] {"--size"}, "--size"));
        assertTrue(e.getMessage().startsWith("option --size needs a value"), e.getMessage());
    }

    @Test
    void badNumbersAndValuesBelowTheMinimumAreErrors() {
        Options options = Options.parse(new String[] {"--size", "ten", "--steps", "0", "--lr", "fast"},
                "--size", "--steps", "--lr");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> options.integer("--size", 1))
                .getMessage().startsWith("--size must be an integer, got ten"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> options.integer("--steps", 20, 1))
                .getMessage().startsWith("--steps must be >= 1, got 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> options.real("--lr", 0.1))
                .getMessage().startsWith("--lr must be a number, got fast"));
    }

    @Test
    void readingAnUndeclaredOptionIsAProgrammingError() {
        Options options = Options.parse(new String[0], "--size");
        assertThrows(IllegalStateException.class, () -> options.integer("--seize", 1));
    }
}
