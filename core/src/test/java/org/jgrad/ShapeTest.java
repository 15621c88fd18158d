package org.jgrad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Shape arithmetic, which every op's error messages and broadcasting rest on. */
class ShapeTest {

    @Test
    void numelAndStrides() {
        assertEquals(1, Shape.numel());
        assertEquals(0, Shape.numel(3, 0, 2));
        assertEquals(24, Shape.numel(2, 3, 4));
        assertArrayEquals(new int[] {12, 4, 1}, Shape.strides(2, 3, 4));
        assertArrayEquals(new int[0], Shape.strides());
    }

    @Test
    void tooManyElementsIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shape.numel(1 << 16, 1 << 16));
        assertTrue(e.getMessage().contains("[65536, 65536]"), e.getMessage());
    }

    @Test
    void broadcastFollowsNumpy() {
        assertArrayEquals(new int[] {3, 4}, Shape.broadcast("add", new int[] {3, 1}, new int[] {1, 4}));
        assertArrayEquals(new int[] {2, 3, 4}, Shape.broadcast("add", new int[] {4}, new int[] {2, 3, 1}));
        assertArrayEquals(new int[] {5}, Shape.broadcast("add", new int[0], new int[] {5}));
        assertArrayEquals(new int[] {0, 4}, Shape.broadcast("add", new int[] {0, 1}, new int[] {1, 4}));
    }

    @Test
    void broadcastErrorNamesOpAndBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Shape.broadcast("mul", new int[] {2, 3}, new int[] {4}));
        assertTrue(e.getMessage().startsWith("mul: shapes [2, 3] and [4] cannot be broadcast"), e.getMessage());
    }

    @Test
    void broadcastStridesAreZeroWhereRepeated() {
        assertArrayEquals(new int[] {0, 1}, Shape.broadcastStrides(new int[] {4}, new int[] {3, 4}));
        assertArrayEquals(new int[] {1, 0}, Shape.broadcastStrides(new int[] {3, 1}, new int[] {3, 4}));
        assertArrayEquals(new int[] {0, 0}, Shape.broadcastStrides(new int[0], new int[] {3, 4}));
    }

    @Test
    void negativeDimsCountFromTheEnd() {
        assertEquals(2, Shape.normalizeDim("sum", -1, 3));
        assertEquals(0, Shape.normalizeDim("sum", -3, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shape.normalizeDim("sum", 3, 3));
        assertTrue(e.getMessage().startsWith("sum: dimension 3 is out of range for a tensor of rank 3"), e.getMessage());
    }
}
