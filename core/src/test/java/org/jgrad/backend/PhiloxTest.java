package org.jgrad.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Philox against the known-answer vectors published with Random123 (kat_vectors, philox4x32 with
 * 10 rounds), and the fill helpers against the block words they are defined from.
 */
class PhiloxTest {

    @Test
    void zeroCounterZeroKey() {
        assertArrayEquals(words(0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8),
                Philox.block(0, 0, 0, 0, 0, 0));
    }

    @Test
    void allOnesCounterAndKey() {
        assertArrayEquals(words(0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd),
                Philox.block(-1, -1, -1, -1, -1, -1));
    }

    @Test
    void piDigitsCounterAndKey() {
        assertArrayEquals(words(0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1),
                Philox.block(0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0));
    }

    @Test
    void longFormSplitsCounterAndSeedLowWordFirst() {
        long seed = 0x299f31d0_a4093822L;
        long counter = 0x85a308d3_243f6a88L;
        assertArrayEquals(Philox.block(0x243f6a88, 0x85a308d3, 0, 0, 0xa4093822, 0x299f31d0),
                Philox.block(seed, counter));
        assertArrayEquals(words(0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8), Philox.block(0L, 0L));
    }

    @Test
    void uniformUsesTopTwentyFourBitsOfWordIndexModFour() {
        long seed = 42;
        int[] block = Philox.block(seed, 5);
        for (int lane = 0; lane < 4; lane++) {
            assertEquals((block[lane] >>> 8) / 16777216.0, Philox.uniform(seed, 20 + lane));
        }
    }

    @Test
    void normalIsBoxMullerOnPairIndexModTwo() {
        long seed = 7;
        int[] block = Philox.block(seed, 3);
        for (int pair = 0; pair < 2; pair++) {
            double u1 = ((block[2 * pair] >>> 8) + 1) / 16777216.0;
            double u2 = (block[2 * pair + 1] >>> 8) / 16777216.0;
            double expected = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
            assertEquals(expected, Philox.normal(seed, 6 + pair));
        }
    }

    private static int[] words(int... words) {
        return words;
    }
}
