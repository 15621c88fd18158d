package org.jgrad.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Every binary16 and bfloat16 value against its definition computed in float64 (sign, exponent,
 * significand), every one round-tripped, and every midpoint between neighbours rounded to the
 * even one, as IEEE round-to-nearest-even requires.
 */
class HalfFloatsTest {

    /** The binary16 value of {@code bits} from the format's definition. */
    private static double float16Definition(int bits) {
        int sign = bits >> 15 & 1;
        int exponent = bits >> 10 & 0x1F;
        int fraction = bits & 0x3FF;
        double magnitude = exponent == 0 ? fraction * Math.pow(2, -24)
                : exponent == 31 ? (fraction == 0 ? Double.POSITIVE_INFINITY : Double.NaN)
                : (1 + fraction / 1024.0) * Math.pow(2, exponent - 15);
        return sign == 1 ? -magnitude : magnitude;
    }

    @Test
    void everyFloat16DecodesToItsDefinitionAndEncodesBack() {
        for (int bits = 0; bits < 1 << 16; bits++) {
            double expected = float16Definition(bits);
            float decoded = HalfFloats.float16ToFloat((short) bits);
            if (Double.isNaN(expected)) {
                assertTrue(Float.isNaN(decoded), Integer.toHexString(bits));
                assertTrue(Float.isNaN(HalfFloats.float16ToFloat(HalfFloats.floatToFloat16(decoded))));
                continue;
            }
            assertEquals(expected, decoded, 0, Integer.toHexString(bits));
            assertEquals(bits, HalfFloats.floatToFloat16(decoded) & 0xFFFF, Integer.toHexString(bits));
        }
    }

    @Test
    void float16MidpointsRoundToEvenAndOverflowGivesInfinity() {
        for (int bits = 0; bits < 0x7BFF; bits++) {
            double low = float16Definition(bits);
            double high = float16Definition(bits + 1);
            float mid = (float) ((low + high) / 2);
            assertEquals((low + high) / 2, mid, 0, "midpoints are exact in FLOAT32");
            int even = (bits & 1) == 0 ? bits : bits + 1;
            assertEquals(even, HalfFloats.floatToFloat16(mid) & 0xFFFF, "midpoint above " + Integer.toHexString(bits));
            assertEquals(bits, HalfFloats.floatToFloat16(Math.nextDown(mid)) & 0xFFFF);
            assertEquals(bits + 1, HalfFloats.floatToFloat16(Math.nextUp(mid)) & 0xFFFF);
        }
        assertEquals(0x7BFF, HalfFloats.floatToFloat16(65519.99f) & 0xFFFF, "below the midpoint to 65536");
        assertEquals(0x7C00, HalfFloats.floatToFloat16(65520f) & 0xFFFF, "the midpoint rounds to even: infinity");
        assertEquals(0xFC00, HalfFloats.floatToFloat16(-1e10f) & 0xFFFF);
        assertEquals(0x8000, HalfFloats.floatToFloat16(-1e-10f) & 0xFFFF, "underflow keeps the sign");
    }

    @Test
    void bfloat16IsTheUpperHalfRoundedToEven() {
        for (int bits = 0; bits < 1 << 16; bits++) {
            float value = Float.intBitsToFloat(bits << 16);
            float decoded = HalfFloats.bfloat16ToFloat((short) bits);
            assertEquals(Float.floatToRawIntBits(value), Float.floatToRawIntBits(decoded));
            if (!Float.isNaN(value)) {
                assertEquals(bits, HalfFloats.floatToBfloat16(decoded) & 0xFFFF);
            }
        }
        assertEquals(0x3F80, HalfFloats.floatToBfloat16(Float.intBitsToFloat(0x3F808000)) & 0xFFFF, "tie to even, down");
        assertEquals(0x3F82, HalfFloats.floatToBfloat16(Float.intBitsToFloat(0x3F818000)) & 0xFFFF, "tie to even, up");
        assertEquals(0x3F81, HalfFloats.floatToBfloat16(Float.intBitsToFloat(0x3F808001)) & 0xFFFF, "above the tie");
        assertEquals(0x7F80, HalfFloats.floatToBfloat16(Float.MAX_VALUE) & 0xFFFF, "rounds up to infinity");
        assertTrue(Float.isNaN(HalfFloats.bfloat16ToFloat(HalfFloats.floatToBfloat16(Float.intBitsToFloat(0x7F800001)))),
                "a NaN whose payload sits in the low half stays NaN");
    }
}
