package org.jgrad.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LaunchGeometryTest {

    @Test
    void blocksCoverSmallRangesExactly() {
        assertEquals(0, LaunchGeometry.blocks(0));
        assertEquals(1, LaunchGeometry.blocks(1));
        assertEquals(1, LaunchGeometry.blocks(256));
        assertEquals(2, LaunchGeometry.blocks(257));
        assertEquals(391, LaunchGeometry.blocks(100_003));
    }

    @Test
    void largeRangesAreCappedAndLoopGridStride() {
        assertEquals(LaunchGeometry.MAX_BLOCKS, LaunchGeometry.blocks(Integer.MAX_VALUE));
        assertEquals(LaunchGeometry.MAX_BLOCKS, LaunchGeometry.blocks(3L * Integer.MAX_VALUE));
    }

    @Test
    void gemmTilesRoundUp() {
        assertEquals(1, LaunchGeometry.gemmTiles(1));
        assertEquals(1, LaunchGeometry.gemmTiles(64));
        assertEquals(2, LaunchGeometry.gemmTiles(65));
        assertEquals(16, LaunchGeometry.gemmTiles(1000));
    }
}
