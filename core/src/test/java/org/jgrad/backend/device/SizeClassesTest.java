package org.jgrad.backend.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SizeClassesTest {

    @Test
    void smallRequestsShareTheMinimumBlock() {
        assertEquals(0, SizeClasses.classOf(0));
        assertEquals(512, SizeClasses.classOf(1));
        assertEquals(512, SizeClasses.classOf(512));
    }

    @Test
    void classesAreQuarterStepsOfPowersOfTwo() {
        assertEquals(640, SizeClasses.classOf(513));
        assertEquals(1024, SizeClasses.classOf(1024));
        assertEquals(1280, SizeClasses.classOf(1025));
        assertEquals(1536, SizeClasses.classOf(1281));
        assertEquals(3L << 30, SizeClasses.classOf((2L << 30) + (1L << 29) + 1));
    }

    @Test
    void everyRequestFitsItsClassWithUnderAQuarterWasted() {
        for (long bytes = 513; bytes < 1 << 22; bytes = bytes * 5 / 4 + 3) {
            long size = SizeClasses.classOf(bytes);
            assertTrue(size >= bytes && size - bytes < size / 4 + 1, bytes + " -> " + size);
            assertEquals(0, size % 128, "a multiple of 128 bytes: " + size);
            assertEquals(size, SizeClasses.classOf(size), "a class serves its own size");
        }
    }

    @Test
    void negativeSizeIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SizeClasses.classOf(-4));
        assertTrue(e.getMessage().contains("-4"), e.getMessage());
    }
}
